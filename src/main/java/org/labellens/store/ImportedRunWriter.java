package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes labels that came from an outside classifier as a classifier run of kind {@code imported}.
 * Labels go to dimension {@code category}; an issue the run covers with no label has the empty set.
 * Re-importing replaces the run's labels for the issues imported again, unless a sample was drawn
 * over the run: then it is refused ({@link ClassifierRunStore#refuseChange}).
 */
public final class ImportedRunWriter {
  ImportedRunWriter() {}

  /**
   * Creates (or reuses) the imported run {@code name}; refuses a keyword run of that name and a run
   * a sample depends on.
   */
  public long ensureRun(Tx tx, String name, String source, String now) {
    return tx.jdbc(c -> ensureRun(c, name, source, now));
  }

  private static long ensureRun(Connection c, String name, String source, String now)
      throws SQLException {
    ClassifierRunStore.refuseChange(c, name, true);
    Optional<Long> existing =
        Statements.first(
            c, "SELECT id FROM classifier_run WHERE name = ?", rs -> rs.getLong(1), name);
    if (existing.isPresent()) {
      return existing.get();
    }
    return Statements.insert(
        c,
        "INSERT INTO classifier_run (name, kind, source, created_at) VALUES (?, 'imported', ?, ?)",
        name,
        source,
        now);
  }

  /** Replaces the run's labels for the given issues (issue id -> labels, in order). */
  public void writeLabels(Tx tx, long runId, Map<Long, List<String>> labelsByIssue) {
    tx.jdbc(
        c -> {
          writeLabels(c, runId, labelsByIssue);
          return null;
        });
  }

  private static void writeLabels(Connection c, long runId, Map<Long, List<String>> labelsByIssue)
      throws SQLException {
    try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM run_item WHERE run_id = ? AND issue_id = ?");
        PreparedStatement item =
            c.prepareStatement(
                "INSERT INTO run_item (run_id, issue_id, primary_label) VALUES (?, ?, ?)");
        PreparedStatement prediction =
            c.prepareStatement(
                "INSERT INTO prediction (run_id, issue_id, dimension, label) VALUES (?, ?, 'category', ?)")) {
      for (Map.Entry<Long, List<String>> e : labelsByIssue.entrySet()) {
        long issueId = e.getKey();
        LinkedHashSet<String> labels = new LinkedHashSet<>(e.getValue());
        delete.setLong(1, runId);
        delete.setLong(2, issueId);
        delete.executeUpdate();
        item.setLong(1, runId);
        item.setLong(2, issueId);
        item.setString(3, labels.isEmpty() ? "other" : labels.iterator().next());
        item.executeUpdate();
        for (String label : labels) {
          prediction.setLong(1, runId);
          prediction.setLong(2, issueId);
          prediction.setString(3, label);
          prediction.addBatch();
        }
      }
      prediction.executeBatch();
    }
    Statements.update(
        c,
        "UPDATE classifier_run SET issue_count = (SELECT count(*) FROM run_item WHERE run_id = ?)"
            + " WHERE id = ?",
        runId,
        runId);
  }
}
