package org.labellens.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.Issue;

/**
 * Collects one issue object's fields straight from the token stream (no intermediate tree), in
 * GitHub REST (snake_case) or {@code gh --json} (camelCase) style, then builds the {@link Issue}. A
 * problem with a field is remembered with its line and column and reported when the object turns
 * out to be an issue: a pull request's odd fields are skipped with it.
 */
final class IssueFields {
  private final ReadOptions options;
  private final String file;
  private final String location;

  private Integer number;
  private String title;
  private String body;
  private List<String> labels = List.of();
  private String state;
  private String createdAt;
  private String closedAt;
  private String createdAtCamel;
  private String closedAtCamel;
  private String htmlUrl;
  private String url;
  private String repositoryUrl;
  private String repo;
  private String author;
  private Integer comments;
  private boolean pullRequest;
  private List<String> outside;
  private BadInputException firstProblem;
  private boolean seenAny;

  IssueFields(ReadOptions options, String file, String location) {
    this.options = options;
    this.file = file;
    this.location = location;
  }

  boolean seenAny() {
    return seenAny;
  }

  boolean isPullRequest() {
    return pullRequest;
  }

  /** Reads the value of field {@code name}; the parser is on the value's first token. */
  void field(String name, JsonParser p) throws IOException {
    seenAny = true;
    JsonToken t = p.currentToken();
    if (options.labelField() != null && name.equals(options.labelField())) {
      outside = t == JsonToken.VALUE_STRING ? single(text(p, name)) : stringList(p, name);
      return;
    }
    switch (name) {
      case "number" -> number = positiveInt(p, name);
      case "title" -> title = string(p, name);
      case "body" -> body = string(p, name);
      case "labels" -> labels = stringList(p, name);
      case "state" -> state = string(p, name);
      case "created_at" -> createdAt = string(p, name);
      case "closed_at" -> closedAt = string(p, name);
      case "createdAt" -> createdAtCamel = string(p, name);
      case "closedAt" -> closedAtCamel = string(p, name);
      case "html_url" -> htmlUrl = string(p, name);
      case "url" -> url = string(p, name);
      case "repository_url" -> repositoryUrl = string(p, name);
      case "repo" -> repo = string(p, name);
      case "user", "author" -> {
        String login = login(p, name);
        if (author == null) {
          author = login;
        }
      }
      case "comments" -> comments = comments(p);
      case "pull_request" -> {
        pullRequest = t != JsonToken.VALUE_NULL;
        p.skipChildren();
      }
      default -> p.skipChildren();
    }
  }

  /** The issue, or null for a pull request; throws the first field problem of an issue. */
  ImportedIssue build() {
    if (pullRequest) {
      return null;
    }
    if (firstProblem != null) {
      throw firstProblem;
    }
    if (number == null) {
      throw new BadInputException(location + ": field 'number' is missing");
    }
    if (title == null) {
      throw new BadInputException(location + ": field 'title' is missing");
    }
    String browserUrl =
        htmlUrl != null
            ? htmlUrl
            : url != null && url.startsWith("https://github.com/") ? url : null;
    String r = options.repo();
    if (r == null) {
      r = repo;
    }
    if (r == null) {
      r = repoFromUrl(repositoryUrl);
    }
    if (r == null) {
      r = repoFromUrl(browserUrl);
    }
    if (r == null) {
      throw new BadInputException(
          location
              + ": field 'repo': the issue names no repository (no repo, repository_url or"
              + " github.com url); give --repo OWNER/NAME");
    }
    r = Frameworks.canonicalRepo(r);
    if (!Frameworks.isValidRepo(r)) {
      throw new BadInputException(
          location
              + ": field 'repo': '"
              + IssueValues.abbreviate(r)
              + "' is not an OWNER/NAME repository name");
    }
    if (browserUrl == null) {
      browserUrl = "https://github.com/" + r + "/issues/" + number;
    }
    Issue issue =
        new Issue(
            r,
            number,
            options.framework() != null ? options.framework() : Frameworks.forRepo(r),
            title,
            body == null ? "" : body,
            labels,
            state == null || state.isEmpty() ? null : state.toLowerCase(Locale.ROOT),
            timestamp(
                createdAt != null ? createdAt : createdAtCamel,
                createdAt != null ? "created_at" : "createdAt"),
            timestamp(
                closedAt != null ? closedAt : closedAtCamel,
                closedAt != null ? "closed_at" : "closedAt"),
            browserUrl,
            author,
            comments);
    List<String> outsideLabels = null;
    if (options.labelField() != null) {
      outsideLabels = outside == null ? List.of() : outside;
    }
    return new ImportedIssue(issue, outsideLabels, location);
  }

  private String timestamp(String value, String field) {
    return value == null ? null : IssueValues.normaliseTimestamp(value, location, field);
  }

  /** The repository named by a github.com or api.github.com URL, or null. */
  static String repoFromUrl(String url) {
    return IssueValues.repoFromUrl(url);
  }

  private void problem(JsonParser p, String field, String message) {
    if (firstProblem == null) {
      JsonLocation at = p.currentTokenLocation();
      firstProblem =
          new BadInputException(
              file
                  + ":"
                  + at.getLineNr()
                  + ":"
                  + at.getColumnNr()
                  + ": field '"
                  + field
                  + "': "
                  + message
                  + where());
    }
  }

  private String where() {
    int paren = location.indexOf(" (");
    return paren >= 0 ? location.substring(paren) : "";
  }

  private String string(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return text(p, field);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    problem(p, field, "expected a string, found " + describe(p));
    p.skipChildren();
    return null;
  }

  /**
   * The current string value. A JSON escape can name one half of a surrogate pair alone (U+D800,
   * say), which no UTF-8 text can hold: storing it would replace it silently, so it is refused.
   */
  private String text(JsonParser p, String field) throws IOException {
    // checked on the parser's buffer, before the String is made: much cheaper than charAt on a
    // String of non-Latin-1 text while the JIT compiler has not caught up yet
    int bad =
        IssueValues.unpairedSurrogate(
            p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + p.getTextLength());
    String s = p.getText();
    if (bad >= 0) {
      unpaired(p, field, bad, s.charAt(bad));
    }
    return s;
  }

  private void unpaired(JsonParser p, String field, int index, char c) {
    problem(
        p,
        field,
        String.format(
            "character %d is half of a surrogate pair (\\u%04x) with no other half;"
                + " it cannot be stored as UTF-8 text",
            index + 1, (int) c));
  }

  private Integer positiveInt(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() == JsonParser.NumberType.INT
        && p.getIntValue() > 0) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      problem(p, field, "expected a positive whole number, found null");
      return null;
    }
    problem(p, field, "expected a positive whole number, found " + describe(p));
    p.skipChildren();
    return null;
  }

  private List<String> single(String s) {
    return s.isBlank() ? List.of() : List.of(s.trim());
  }

  /** An array of strings or of objects with a string {@code name}. */
  private List<String> stringList(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      problem(p, field, "expected an array of labels, found " + describe(p));
      p.skipChildren();
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        out.add(text(p, field + "[" + i + "]"));
      } else if (t == JsonToken.START_OBJECT) {
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken v = p.nextToken();
          if (key.equals("name") && v == JsonToken.VALUE_STRING) {
            name = text(p, field + "[" + i + "].name");
          } else {
            p.skipChildren();
          }
        }
        if (name == null) {
          problem(p, field + "[" + i + "]", "expected a label object with a name");
        } else {
          out.add(name);
        }
      } else {
        problem(
            p,
            field + "[" + i + "]",
            "expected a label name or an object with a name, found " + describe(p));
        p.skipChildren();
      }
      i++;
    }
    return out;
  }

  private String login(JsonParser p, String field) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return text(p, field);
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      problem(p, field, "expected an object or a string, found " + describe(p));
      p.skipChildren();
      return null;
    }
    String login = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (key.equals("login") && v == JsonToken.VALUE_STRING) {
        login = text(p, field + ".login");
      } else {
        p.skipChildren();
      }
    }
    return login;
  }

  private Integer comments(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.START_ARRAY) {
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
        n++;
      }
      return n;
    }
    if (t == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() == JsonParser.NumberType.INT
        && p.getIntValue() >= 0) {
      return p.getIntValue();
    }
    problem(p, "comments", "expected a count or an array of comments, found " + describe(p));
    p.skipChildren();
    return null;
  }

  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case VALUE_STRING -> "\"" + IssueValues.abbreviate(p.getText()) + "\"";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NULL -> "null";
      default -> IssueValues.abbreviate(p.getText());
    };
  }
}
