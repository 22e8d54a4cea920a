package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Writes labels that came from an outside classifier as a classifier run of kind {@code imported}.
 * Labels go to dimension {@code category}; an issue the run covers with no label has the empty set.
 * Re-importing replaces the run's labels for the issues imported again, unless a sample was drawn
 * over the run: then it is refused ({@link ClassifierRunStore#refuseChange}).
 */
public final class ImportedRunWriter {
  private ImportedRunWriter() {}

  /**
   * Creates (or reuses) the imported run {@code name}; refuses a keyword run of that name and a run
   * a sample depends on.
   */
  public static long ensureRun(Tx tx, String name, String source, String now) {
    return tx.jdbc(c -> ensureRun(c, name, source, now));
  }

  private static long ensureRun(Connection c, String name, String source, String now)
      throws SQLException {
    ClassifierRunStore.refuseChange(c, name, true);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM classifier_run WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO classifier_run (name, kind, source, created_at) VALUES (?, 'imported', ?, ?)",
            java.sql.Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, name);
      ps.setString(2, source);
      ps.setString(3, now);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Replaces the run's labels for the given issues (issue id -> labels, in order). */
  public static void writeLabels(Tx tx, long runId, Map<Long, List<String>> labelsByIssue) {
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
    try (PreparedStatement count =
        c.prepareStatement(
            "UPDATE classifier_run SET issue_count = (SELECT count(*) FROM run_item WHERE run_id = ?)"
                + " WHERE id = ?")) {
      count.setLong(1, runId);
      count.setLong(2, runId);
      count.executeUpdate();
    }
  }
}
