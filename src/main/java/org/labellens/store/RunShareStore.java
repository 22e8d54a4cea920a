package org.labellens.store;

import java.util.List;
import java.util.Optional;
import org.labellens.core.JsonText;

/**
 * A keyword run's summary for counting raw shares ({@code run_share_count} in schema.sql): its
 * items counted by framework, production flag and set of predicted labels per dimension. Written
 * once with the run, in the run's transaction; the schema's triggers drop it when the run's items
 * or the frameworks of its issues change, and {@link #rows} then says so, so that readers count
 * from the run itself.
 */
public final class RunShareStore {
  /** The dimension of the rows that count all of a run's items (labels {@code []}). */
  public static final String ALL_ITEMS = "";

  RunShareStore() {}

  /**
   * A group of a run's items: those of {@code framework} with production flag {@code production}
   * (1, 0, or -1 where the run has none) that predict exactly {@code labels} on {@code dimension};
   * for {@link #ALL_ITEMS} every item of the framework and flag.
   */
  public record Row(
      String framework, int production, String dimension, List<String> labels, long items) {}

  private static final String SUMMARIZE =
      "INSERT INTO run_share_count (run_id, framework, production, dimension, labels, items)"
          + " WITH items AS (SELECT r.issue_id, i.framework, coalesce(r.is_production, -1) AS"
          + " production FROM run_item r JOIN issue i ON i.id = r.issue_id WHERE r.run_id = ?1),"
          + " sets AS (SELECT issue_id, dimension, json_group_array(label ORDER BY label) AS labels"
          + " FROM prediction WHERE run_id = ?1 GROUP BY issue_id, dimension)"
          + " SELECT ?1, framework, production, '', '[]', count(*) FROM items"
          + " GROUP BY framework, production"
          + " UNION ALL SELECT ?1, i.framework, i.production, s.dimension, s.labels, count(*)"
          + " FROM sets s JOIN items i ON i.issue_id = s.issue_id"
          + " GROUP BY i.framework, i.production, s.dimension, s.labels";

  /**
   * Writes the summary of a run whose items and predictions are all written (replacing any); call
   * it in the transaction that wrote them.
   */
  public void summarize(Tx tx, long runId) {
    tx.update("DELETE FROM run_share_count WHERE run_id = ?", runId);
    tx.update(SUMMARIZE, runId);
  }

  /**
   * The run's summary, or empty where it has none (an imported run, or one whose items changed
   * since it was written). A run without items has no summary either.
   */
  public Optional<List<Row>> rows(Tx tx, long runId) {
    List<Row> rows =
        tx.list(
            "SELECT framework, production, dimension, labels, items FROM run_share_count"
                + " WHERE run_id = ?",
            rs ->
                new Row(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    JsonText.parseStringArray(rs.getString(4)),
                    rs.getLong(5)),
            runId);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
  }
}
