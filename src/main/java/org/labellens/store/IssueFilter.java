package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueQuery;

/**
 * Translates an {@link IssueQuery} into a parameterised SQL condition over table {@code issue}.
 * Field names map to fixed column expressions; every value is a bound parameter, never SQL text.
 *
 * @param runId the classifier run that {@code predicted}/{@code primary} conditions refer to, or
 *     null
 */
public record IssueFilter(IssueQuery query, Long runId) {
  public static final IssueFilter ALL = new IssueFilter(IssueQuery.ALL, null);

  /** A WHERE clause and its parameters in order. */
  public record Sql(String where, List<Object> params) {
    /** Binds the parameters from index {@code first}; returns the next free index. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
      return Statements.bind(ps, first, params.toArray());
    }
  }

  /** The condition in {@code dialect}'s terms (full-text search differs between engines). */
  public Sql toSql(Dialect dialect) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (query.text() != null) {
      String match = dialect.fullTextQuery(query.text());
      if (match != null) {
        parts.add(dialect.fullTextCondition());
        params.add(match);
      }
    }
    for (IssueQuery.Condition c : query.conditions()) {
      condition(c, parts, params);
    }
    return new Sql(parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts), params);
  }

  private void condition(IssueQuery.Condition c, List<String> parts, List<Object> params) {
    switch (c.field()) {
      case "number" -> {
        parts.add("issue.number " + sqlOp(c, true) + " ?");
        params.add(Integer.parseInt(c.value()));
      }
      case "label" -> {
        boolean negate = c.op().equals("!=");
        String test = stringTest("j.value", negate ? positive(c) : c, params);
        String exists = "EXISTS (SELECT 1 FROM json_each(issue.labels) j WHERE " + test + ")";
        parts.add(negate ? "NOT " + exists : exists);
      }
      case "predicted", "primary" -> {
        if (runId == null) {
          throw new BadInputException(
              "--where: '" + c.field() + "' needs a classifier run (give --run NAME)");
        }
        String table =
            c.field().equals("predicted")
                ? "SELECT 1 FROM prediction p WHERE p.run_id = ? AND p.issue_id = issue.id"
                    + " AND p.dimension = 'category' AND "
                : "SELECT 1 FROM run_item p WHERE p.run_id = ? AND p.issue_id = issue.id AND ";
        String column = c.field().equals("predicted") ? "p.label" : "p.primary_label";
        params.add(runId);
        boolean negate = c.op().equals("!=");
        String exists =
            "EXISTS (" + table + stringTest(column, negate ? positive(c) : c, params) + ")";
        parts.add(negate ? "NOT " + exists : exists);
      }
      default -> {
        String column = "issue." + c.field();
        parts.add(stringTest(column, c, params));
      }
    }
  }

  private static IssueQuery.Condition positive(IssueQuery.Condition c) {
    return new IssueQuery.Condition(c.field(), "=", c.value());
  }

  private static String stringTest(String column, IssueQuery.Condition c, List<Object> params) {
    params.add(c.value());
    return switch (c.op()) {
      case "~" -> "instr(lower(" + column + "), lower(?)) > 0";
      case "=" -> "lower(" + column + ") = lower(?)";
      case "!=" -> "lower(" + column + ") <> lower(?)";
      default -> column + " " + sqlOp(c, false) + " ?";
    };
  }

  private static String sqlOp(IssueQuery.Condition c, boolean numeric) {
    return switch (c.op()) {
      case "=" -> "=";
      case "!=" -> "<>";
      case "<", "<=", ">", ">=" -> c.op();
      default ->
          throw new BadInputException(
              "--where: "
                  + c.field()
                  + " does not take '"
                  + c.op()
                  + "'"
                  + (numeric ? " (use = != < <= > >=)" : ""));
    };
  }
}
