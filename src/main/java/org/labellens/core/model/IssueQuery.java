package org.labellens.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.labellens.core.BadInputException;

/**
 * A filter over issues: full-text words plus conditions joined by {@code and}, parsed from the
 * {@code --where} language, e.g. {@code framework = vLLM and label = bug and title ~ "out of
 * memory"}.
 *
 * <p>Fields: {@code framework, repo, number, state, title, body, author, label, created_at,
 * closed_at, text} (full-text words), and with a classifier run {@code predicted} (a predicted
 * category) and {@code primary}. Operators: {@code =} and {@code !=} (case-insensitive), {@code ~}
 * (contains, case-insensitive), {@code < <= > >=} (numbers and times). Values are bare words or
 * double-quoted strings ({@code \"} inside). The expression is data: it is never pasted into SQL.
 */
public record IssueQuery(String text, List<Condition> conditions) {
  public static final IssueQuery ALL = new IssueQuery(null, List.of());

  public static final Set<String> FIELDS =
      Set.of(
          "framework",
          "repo",
          "number",
          "state",
          "title",
          "body",
          "author",
          "label",
          "created_at",
          "closed_at",
          "text",
          "predicted",
          "primary");

  /**
   * The most {@code FIELD OP VALUE} terms an expression may have. Each term nests the database's
   * query one level deeper, and the database refuses an expression tree deeper than 1000; a search
   * by hand has a handful of terms.
   */
  public static final int MAX_TERMS = 200;

  public IssueQuery {
    conditions = List.copyOf(conditions);
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** One {@code field op value} condition. */
  public record Condition(String field, String op, String value) {}

  /** The same query with full-text words (from a search box) added. */
  public IssueQuery withText(String words) {
    return new IssueQuery(words, conditions);
  }

  /** Parses a {@code --where} expression; null or blank means every issue. */
  public static IssueQuery parse(String expression) {
    if (expression == null || expression.isBlank()) {
      return ALL;
    }
    List<String> tokens = tokenize(expression);
    int terms = (tokens.size() + 1) / 4;
    if (terms > MAX_TERMS) {
      throw new BadInputException(
          "the --where expression is too long (" + terms + " terms; at most " + MAX_TERMS + ")");
    }
    List<Condition> conditions = new ArrayList<>();
    String text = null;
    int i = 0;
    while (i < tokens.size()) {
      if (i + 2 >= tokens.size()) {
        throw bad(
            expression,
            "expected FIELD OP VALUE at '"
                + String.join(" ", tokens.subList(i, tokens.size()))
                + "'");
      }
      String field = tokens.get(i).toLowerCase(Locale.ROOT);
      String op = tokens.get(i + 1);
      String value = unquote(tokens.get(i + 2));
      if (!FIELDS.contains(field)) {
        throw bad(
            expression,
            "unknown field '"
                + field
                + "' (known: "
                + String.join(", ", FIELDS.stream().sorted().toList())
                + ")");
      }
      if (!Set.of("=", "!=", "~", "<", "<=", ">", ">=").contains(op)) {
        throw bad(expression, "unknown operator '" + op + "' (use = != ~ < <= > >=)");
      }
      if (field.equals("text")) {
        if (!op.equals("~") && !op.equals("=")) {
          throw bad(expression, "text takes ~ (full-text words)");
        }
        text = text == null ? value : text + " " + value;
      } else {
        if (field.equals("number")) {
          try {
            Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw bad(expression, "number needs a whole number, found '" + value + "'");
          }
        }
        conditions.add(new Condition(field, op, value));
      }
      i += 3;
      if (i < tokens.size()) {
        if (!tokens.get(i).equalsIgnoreCase("and")) {
          throw bad(expression, "expected 'and' at '" + tokens.get(i) + "'");
        }
        i++;
        if (i == tokens.size()) {
          throw bad(expression, "the expression ends with 'and'");
        }
      }
    }
    return new IssueQuery(text, conditions);
  }

  private static BadInputException bad(String expression, String why) {
    return new BadInputException("--where '" + expression + "': " + why);
  }

  private static String unquote(String token) {
    if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
      return token.substring(1, token.length() - 1).replace("\\\"", "\"");
    }
    return token;
  }

  private static List<String> tokenize(String s) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && !(s.charAt(j) == '"' && s.charAt(j - 1) != '\\')) {
          j++;
        }
        if (j >= s.length()) {
          throw bad(s, "a quoted value is never closed");
        }
        tokens.add(s.substring(i, j + 1));
        i = j + 1;
      } else if ("=!<>~".indexOf(c) >= 0) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '=') {
          j++;
        }
        tokens.add(s.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "=!<>~\"".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        tokens.add(s.substring(i, j));
        i = j;
      }
    }
    return tokens;
  }
}
