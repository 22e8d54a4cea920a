package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.labellens.core.JsonText;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.StratumKey;
import org.labellens.core.validation.Adjudication;

/**
 * What the lead's work reads about a whole sample in a few queries (its items with their issues, a
 * run's predictions and evidence for them, adjudications) or streams item by item, the classifier's
 * labels over a whole run, and the adjudication tables it writes.
 */
public final class ReviewStore {
  ReviewStore() {}

  /**
   * A sampled issue.
   *
   * @param body the issue's body, or null when not asked for
   */
  public record ItemRow(
      long issueId,
      IssueKey issue,
      String framework,
      String title,
      String body,
      String url,
      String state,
      List<String> labels,
      StratumKey stratum,
      int rank,
      boolean overlap) {}

  /** The sample's items, ordered by repo and number. */
  public List<ItemRow> items(Tx tx, long sampleId, boolean withBody) {
    return tx.jdbc(
        c -> {
          List<ItemRow> rows = new ArrayList<>();
          Map<String, StratumKey> keys = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT si.issue_id, i.repo, i.number, i.framework, i.title, "
                      + (withBody ? "i.body" : "NULL")
                      + ", i.url, i.state, i.labels, st.stratum_key, si.draw_rank, si.overlap"
                      + " FROM sample_item si JOIN issue i ON i.id = si.issue_id"
                      + " JOIN stratum st ON st.id = si.stratum_id WHERE si.sample_id = ?"
                      + " ORDER BY i.repo, i.number")) {
            ps.setLong(1, sampleId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new ItemRow(
                        rs.getLong(1),
                        new IssueKey(rs.getString(2), rs.getInt(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        JsonText.parseStringArray(rs.getString(9)),
                        keys.computeIfAbsent(rs.getString(10), StratumKey::fromJson),
                        rs.getInt(11),
                        rs.getInt(12) == 1));
              }
            }
          }
          return rows;
        });
  }

  /**
   * A sampled issue with what the lead's work reads about it.
   *
   * @param decisions every current decision (all annotators, dimensions and phases), ordered by
   *     annotator, dimension and phase
   * @param adjudications the lead's values, ordered by dimension
   * @param run what the run says about the issue, or null where it says nothing (or there is no
   *     run)
   */
  public record SampleItem(
      ItemRow item, List<Decision> decisions, List<Adjudication> adjudications, RunItem run) {}

  /**
   * Streams a sample's items, ordered by repo and number, each with its decisions, adjudications
   * and (with a run) the run's predictions, and its evidence when asked for: one item is read at a
   * time, so memory does not grow with the sample. Bodies are not read.
   *
   * @param runId the run whose predictions to read, or null for none
   */
  public void forEachItem(
      Tx tx,
      long sampleId,
      String sampleName,
      Long runId,
      boolean withEvidence,
      Consumer<SampleItem> action) {
    tx.jdbc(
        c -> {
          Map<String, StratumKey> keys = new HashMap<>();
          // the issues in key order (their unique index), each looked up among the sample's
          // items: no sort of the whole sample is held, in SQLite's memory or here
          try (PreparedStatement items =
                  c.prepareStatement(
                      "SELECT si.issue_id, i.repo, i.number, i.framework, i.title, i.url,"
                          + " i.state, i.labels, st.stratum_key, si.draw_rank, si.overlap"
                          + " FROM issue i"
                          + " CROSS JOIN sample_item si ON si.sample_id = ? AND si.issue_id = i.id"
                          + " CROSS JOIN stratum st ON st.id = si.stratum_id"
                          + " ORDER BY i.repo, i.number");
              PreparedStatement decisions =
                  c.prepareStatement(
                      "SELECT "
                          + AnnotationStore.EVENT_COLUMNS
                          + " FROM decision d JOIN annotation_event e ON e.id = d.event_id"
                          + " JOIN sample s ON s.id = e.sample_id"
                          + " JOIN issue i ON i.id = e.issue_id"
                          + " JOIN annotator n ON n.id = e.annotator_id"
                          + " WHERE d.sample_id = ? AND d.issue_id = ?"
                          + " ORDER BY n.name, e.dimension, e.phase");
              PreparedStatement adjudications =
                  c.prepareStatement(
                      "SELECT i.repo, i.number, a.dimension, a.value, a.note, a.adjudicator,"
                          + " a.adjudicated_at FROM adjudication a JOIN issue i ON i.id ="
                          + " a.issue_id WHERE a.sample_id = ? AND a.issue_id = ?"
                          + " ORDER BY a.dimension");
              PreparedStatement runItem =
                  c.prepareStatement(
                      "SELECT primary_label, is_production FROM run_item"
                          + " WHERE run_id = ? AND issue_id = ?");
              PreparedStatement predictions =
                  c.prepareStatement(
                      "SELECT dimension, label FROM prediction WHERE run_id = ? AND issue_id = ?"
                          + " ORDER BY dimension, rowid");
              PreparedStatement evidence =
                  c.prepareStatement(
                      "SELECT dimension, label, keyword, field, start_offset, end_offset, hits"
                          + " FROM evidence WHERE run_id = ? AND issue_id = ?"
                          + " ORDER BY dimension, label, field, start_offset, keyword")) {
            items.setLong(1, sampleId);
            try (ResultSet rs = items.executeQuery()) {
              while (rs.next()) {
                long issueId = rs.getLong(1);
                ItemRow row =
                    new ItemRow(
                        issueId,
                        new IssueKey(rs.getString(2), rs.getInt(3)),
                        rs.getString(4),
                        rs.getString(5),
                        null,
                        rs.getString(6),
                        rs.getString(7),
                        JsonText.parseStringArray(rs.getString(8)),
                        keys.computeIfAbsent(rs.getString(9), StratumKey::fromJson),
                        rs.getInt(10),
                        rs.getInt(11) == 1);
                List<Decision> ds = new ArrayList<>();
                decisions.setLong(1, sampleId);
                decisions.setLong(2, issueId);
                try (ResultSet r = decisions.executeQuery()) {
                  while (r.next()) {
                    ds.add(AnnotationStore.decision(r));
                  }
                }
                List<Adjudication> as = new ArrayList<>();
                adjudications.setLong(1, sampleId);
                adjudications.setLong(2, issueId);
                try (ResultSet r = adjudications.executeQuery()) {
                  while (r.next()) {
                    as.add(adjudication(r, sampleName));
                  }
                }
                RunItem run =
                    runId == null
                        ? null
                        : runItem(
                            runItem, predictions, withEvidence ? evidence : null, runId, issueId);
                action.accept(new SampleItem(row, ds, as, run));
              }
            }
          }
          return null;
        });
  }

  /** What the run says about one issue, or null; its evidence only when {@code evidence} is set. */
  private static RunItem runItem(
      PreparedStatement item,
      PreparedStatement predictions,
      PreparedStatement evidence,
      long runId,
      long issueId)
      throws SQLException {
    String primary;
    Integer production;
    item.setLong(1, runId);
    item.setLong(2, issueId);
    try (ResultSet r = item.executeQuery()) {
      if (!r.next()) {
        return null;
      }
      primary = r.getString(1);
      int flag = r.getInt(2);
      production = r.wasNull() ? null : flag;
    }
    Map<String, List<String>> labels = new TreeMap<>();
    predictions.setLong(1, runId);
    predictions.setLong(2, issueId);
    try (ResultSet r = predictions.executeQuery()) {
      while (r.next()) {
        labels.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
      }
    }
    List<Evidence> found = new ArrayList<>();
    if (evidence != null) {
      evidence.setLong(1, runId);
      evidence.setLong(2, issueId);
      try (ResultSet r = evidence.executeQuery()) {
        while (r.next()) {
          found.add(
              new Evidence(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getInt(5),
                  r.getInt(6),
                  r.getInt(7)));
        }
      }
    }
    return new RunItem(primary, production, labels, found);
  }

  /**
   * What a run says about one issue.
   *
   * @param primary the primary category
   * @param production the production flag (1/0), or null where the run has none
   * @param labels per dimension, the predicted labels in stored order
   */
  public record RunItem(
      String primary,
      Integer production,
      Map<String, List<String>> labels,
      List<Evidence> evidence) {}

  /** One row of a result set, handed over while the cursor stands on it. */
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql} with the parameters (run id, sample id) and reads every row. */
  private static void forEachSampleRow(
      Connection c, String sql, long runId, long sampleId, RowReader reader) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, runId);
      ps.setLong(2, sampleId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  /** A run's predictions and evidence for the issues of a sample (issue id → prediction). */
  public Map<Long, RunItem> runItems(Tx tx, long runId, long sampleId) {
    return tx.jdbc(
        c -> {
          Map<Long, String> primary = new HashMap<>();
          Map<Long, Integer> production = new HashMap<>();
          forEachSampleRow(
              c,
              "SELECT r.issue_id, r.primary_label, r.is_production FROM sample_item si"
                  + " CROSS JOIN run_item r ON r.run_id = ? AND r.issue_id = si.issue_id"
                  + " WHERE si.sample_id = ?",
              runId,
              sampleId,
              rs -> {
                long id = rs.getLong(1);
                primary.put(id, rs.getString(2));
                int flag = rs.getInt(3);
                production.put(id, rs.wasNull() ? null : flag);
              });
          Map<Long, Map<String, List<String>>> labels = new HashMap<>();
          forEachSampleRow(
              c,
              "SELECT p.issue_id, p.dimension, p.label FROM sample_item si"
                  + " CROSS JOIN prediction p ON p.run_id = ? AND p.issue_id = si.issue_id"
                  + " WHERE si.sample_id = ? ORDER BY p.issue_id, p.dimension, p.rowid",
              runId,
              sampleId,
              rs ->
                  labels
                      .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                      .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                      .add(rs.getString(3)));
          Map<Long, List<Evidence>> evidence = new HashMap<>();
          forEachSampleRow(
              c,
              "SELECT e.issue_id, e.dimension, e.label, e.keyword, e.field, e.start_offset,"
                  + " e.end_offset, e.hits FROM sample_item si"
                  + " CROSS JOIN evidence e ON e.run_id = ? AND e.issue_id = si.issue_id"
                  + " WHERE si.sample_id = ?"
                  + " ORDER BY e.issue_id, e.dimension, e.label, e.field, e.start_offset,"
                  + " e.keyword",
              runId,
              sampleId,
              rs ->
                  evidence
                      .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                      .add(
                          new Evidence(
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getInt(6),
                              rs.getInt(7),
                              rs.getInt(8))));
          Map<Long, RunItem> out = new HashMap<>();
          for (Map.Entry<Long, String> e : primary.entrySet()) {
            long id = e.getKey();
            out.put(
                id,
                new RunItem(
                    e.getValue(),
                    production.get(id),
                    labels.getOrDefault(id, Map.of()),
                    evidence.getOrDefault(id, List.of())));
          }
          return out;
        });
  }

  /**
   * Every issue's framework, indexed by issue id (read from the framework index alone, without
   * touching the issues' text).
   *
   * @param frameworks the frameworks in name order
   * @param frameworkOf per issue id, the index of its framework, or -1 for no issue
   */
  public record FrameworkIndex(List<String> frameworks, int[] frameworkOf) {}

  public FrameworkIndex frameworks(Tx tx) {
    return tx.jdbc(
        c -> {
          int max;
          try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM issue");
              ResultSet rs = ps.executeQuery()) {
            max = rs.next() ? rs.getInt(1) : 0;
          }
          int[] of = new int[max + 1];
          java.util.Arrays.fill(of, -1);
          // one pass, nothing held per issue but its slot: frameworks are numbered as they first
          // appear, then renumbered in name order
          Map<String, Integer> seen = new java.util.HashMap<>();
          List<String> firstSeen = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement("SELECT id, framework FROM issue");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String framework = rs.getString(2);
              Integer k = seen.get(framework);
              if (k == null) {
                k = firstSeen.size();
                seen.put(framework, k);
                firstSeen.add(framework);
              }
              of[rs.getInt(1)] = k;
            }
          }
          List<String> names = new ArrayList<>(new TreeMap<>(seen).keySet());
          int[] renumber = new int[firstSeen.size()];
          for (int i = 0; i < names.size(); i++) {
            renumber[seen.get(names.get(i))] = i;
          }
          for (int id = 0; id < of.length; id++) {
            if (of[id] >= 0) {
              of[id] = renumber[of[id]];
            }
          }
          return new FrameworkIndex(names, of);
        });
  }

  /** Receives a run's items or labels one row at a time. */
  @FunctionalInterface
  public interface RunRows {
    /**
     * One row.
     *
     * @param value for items the production flag (1, 0, or -1 when the run has none); for labels
     *     the label's index in the list asked for (-1 for another label)
     */
    void row(int issueId, int value);
  }

  /** Streams a run's items: issue id and production flag. */
  public void forEachRunItem(Tx tx, long runId, RunRows rows) {
    tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT issue_id, coalesce(is_production, -1) FROM run_item WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.row(rs.getInt(1), rs.getInt(2));
              }
            }
          }
          return null;
        });
  }

  /**
   * Streams a run's predicted labels of one dimension as (issue id, index of the label in {@code
   * labels}, or -1); the database maps labels to indices, so no text crosses per row.
   */
  public void forEachRunLabel(
      Tx tx, long runId, String dimension, List<String> labels, RunRows rows) {
    tx.jdbc(
        c -> {
          StringBuilder sql = new StringBuilder("SELECT issue_id, CASE label");
          for (int k = 0; k < labels.size(); k++) {
            sql.append(" WHEN ? THEN ").append(k);
          }
          sql.append(" ELSE -1 END FROM prediction WHERE run_id = ? AND dimension = ?");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String label : labels) {
              ps.setString(i++, label);
            }
            ps.setLong(i++, runId);
            ps.setString(i, dimension);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.row(rs.getInt(1), rs.getInt(2));
              }
            }
          }
          return null;
        });
  }

  /** The sample's adjudications, ordered by repo, number and dimension. */
  public List<Adjudication> adjudications(Tx tx, long sampleId, String sampleName) {
    return tx.list(
        "SELECT i.repo, i.number, a.dimension, a.value, a.note, a.adjudicator,"
            + " a.adjudicated_at FROM adjudication a JOIN issue i ON i.id = a.issue_id"
            + " WHERE a.sample_id = ? ORDER BY i.repo, i.number, a.dimension",
        rs -> adjudication(rs, sampleName),
        sampleId);
  }

  /** Every adjudication ever made for an issue of a sample, oldest first. */
  public List<Adjudication> adjudicationHistory(
      Tx tx, long sampleId, String sampleName, long issueId) {
    return tx.list(
        "SELECT i.repo, i.number, a.dimension, a.value, a.note, a.adjudicator,"
            + " a.adjudicated_at FROM adjudication_event a JOIN issue i ON i.id ="
            + " a.issue_id WHERE a.sample_id = ? AND a.issue_id = ? ORDER BY a.id",
        rs -> adjudication(rs, sampleName),
        sampleId,
        issueId);
  }

  private static Adjudication adjudication(ResultSet rs, String sampleName) throws SQLException {
    return new Adjudication(
        sampleName,
        new IssueKey(rs.getString(1), rs.getInt(2)),
        rs.getString(3),
        DecisionValue.fromJson(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /**
   * Makes {@code a} the adjudication of its (sample, issue, dimension) and appends it to the
   * history, in the caller's transaction.
   */
  public void putAdjudication(Tx tx, long sampleId, long issueId, Adjudication a) {
    tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO adjudication (sample_id, issue_id, dimension, value, note,"
                      + " adjudicator, adjudicated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (sample_id, issue_id, dimension) DO UPDATE SET"
                      + " value = excluded.value, note = excluded.note,"
                      + " adjudicator = excluded.adjudicator,"
                      + " adjudicated_at = excluded.adjudicated_at")) {
            bind(ps, sampleId, issueId, a);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO adjudication_event (sample_id, issue_id, dimension, value, note,"
                      + " adjudicator, adjudicated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, sampleId, issueId, a);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static void bind(PreparedStatement ps, long sampleId, long issueId, Adjudication a)
      throws SQLException {
    ps.setLong(1, sampleId);
    ps.setLong(2, issueId);
    ps.setString(3, a.dimension());
    ps.setString(4, a.value().toJson());
    ps.setString(5, a.note());
    ps.setString(6, a.adjudicator());
    ps.setString(7, a.adjudicatedAt());
  }
}
