package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.Prediction;
import org.labellens.core.model.RunInfo;

/** Reads classifier runs, their predictions and evidence. */
public final class RunQueries {
  private static final String RUN_COLUMNS =
      "r.id, r.name, r.kind, t.name || '@' || t.version, t.content_hash, r.source, r.created_at,"
          + " r.issue_count FROM classifier_run r LEFT JOIN taxonomy t ON t.id = r.taxonomy_id";

  RunQueries() {}

  private static RunInfo run(ResultSet rs) throws SQLException {
    return new RunInfo(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8));
  }

  /** Prepared lookups of one run's predictions, for many issues in a row. */
  public static final class PredictionReader implements AutoCloseable {
    private final Tx tx;
    private final long runId;
    private final PreparedStatement item;
    private final PreparedStatement labels;
    private final PreparedStatement evidence;

    PredictionReader(Tx tx, Connection c, long runId) throws SQLException {
      this.tx = tx;
      this.runId = runId;
      item =
          c.prepareStatement(
              "SELECT primary_label FROM run_item WHERE run_id = ? AND issue_id = ?");
      labels =
          c.prepareStatement(
              "SELECT dimension, label FROM prediction WHERE run_id = ? AND issue_id = ?"
                  + " ORDER BY dimension, rowid");
      evidence =
          c.prepareStatement(
              "SELECT dimension, label, keyword, field, start_offset, end_offset, hits FROM evidence"
                  + " WHERE run_id = ? AND issue_id = ? ORDER BY dimension, label, field, start_offset");
    }

    /** The run's prediction for an issue, or empty when the run does not cover it. */
    public Optional<Prediction> forIssue(long issueId) {
      return tx.jdbc(c -> read(issueId));
    }

    private Optional<Prediction> read(long issueId) throws SQLException {
      String primary;
      item.setLong(1, runId);
      item.setLong(2, issueId);
      try (ResultSet rs = item.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        primary = rs.getString(1);
      }
      Map<String, List<String>> byDimension = new TreeMap<>();
      labels.setLong(1, runId);
      labels.setLong(2, issueId);
      try (ResultSet rs = labels.executeQuery()) {
        while (rs.next()) {
          byDimension.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      List<Evidence> ev = new ArrayList<>();
      evidence.setLong(1, runId);
      evidence.setLong(2, issueId);
      try (ResultSet rs = evidence.executeQuery()) {
        while (rs.next()) {
          ev.add(
              new Evidence(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getInt(7)));
        }
      }
      byDimension.putIfAbsent("category", List.of());
      return Optional.of(new Prediction(byDimension, primary, ev));
    }

    @Override
    public void close() {
      tx.jdbc(
          c -> {
            item.close();
            labels.close();
            evidence.close();
            return null;
          });
    }
  }

  public PredictionReader predictionReader(Tx tx, long runId) {
    return tx.jdbc(c -> new PredictionReader(tx, c, runId));
  }

  public List<RunInfo> list(Tx tx) {
    return tx.list("SELECT " + RUN_COLUMNS + " ORDER BY r.id", RunQueries::run);
  }

  public Optional<RunInfo> byName(Tx tx, String name) {
    return tx.first("SELECT " + RUN_COLUMNS + " WHERE r.name = ?", RunQueries::run, name);
  }
}
