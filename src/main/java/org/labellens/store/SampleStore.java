package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.labellens.core.JsonText;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.AllocationMethod;
import org.labellens.core.sampling.Frame;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.sampling.StratumKey;

/** Samples: their frames, strata, items, annotators and assignments. */
public final class SampleStore {
  SampleStore() {}

  /**
   * An issue as the frame sees it.
   *
   * @param primaryLabel the run's primary category, or null without a run
   * @param production the run's production flag (1/0), or null where the run has none
   */
  public record FrameRow(
      long issueId,
      IssueKey issue,
      String framework,
      List<String> labels,
      String primaryLabel,
      Integer production) {}

  /**
   * Every issue, or with a run every issue the run covers, with what frames and strata need.
   * Ordered by repo and number (the draw does not depend on this order).
   */
  /**
   * Every issue of the frame's source (all issues, or those the run covers), streamed in no
   * particular order: nothing is held per issue.
   */
  public void forEachFrameRow(Tx tx, Long runId, Consumer<FrameRow> action) {
    tx.jdbc(
        c -> {
          String sql =
              runId == null
                  ? "SELECT i.id, i.repo, i.number, i.framework, i.labels, NULL, NULL FROM issue i"
                  : "SELECT i.id, i.repo, i.number, i.framework, i.labels, r.primary_label,"
                      + " r.is_production FROM run_item r JOIN issue i ON i.id = r.issue_id"
                      + " WHERE r.run_id = ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (runId != null) {
              ps.setLong(1, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int production = rs.getInt(7);
                Integer flag = rs.wasNull() ? null : production;
                action.accept(
                    new FrameRow(
                        rs.getLong(1),
                        new IssueKey(rs.getString(2), rs.getInt(3)),
                        rs.getString(4),
                        JsonText.parseStringArray(rs.getString(5)),
                        rs.getString(6),
                        flag));
              }
            }
          }
          return null;
        });
  }

  public boolean exists(Tx tx, String name) {
    return tx.exists("SELECT 1 FROM sample WHERE name = ?", name);
  }

  /** A sample to store, with its draw. */
  public record NewSample(
      String name,
      Long runId,
      Frame frame,
      List<String> strataBy,
      AllocationMethod allocation,
      long seed,
      double overlap,
      boolean blindFirst,
      String parameters,
      String createdAt,
      SampleDraw.Result draw) {}

  /** Stores a sample, its strata, items, annotators and queues; returns the sample's id. */
  public long insert(Tx tx, NewSample s) {
    return tx.jdbc(
        c -> {
          long sampleId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sample (name, run_id, frame, strata, allocation, seed, size, overlap,"
                      + " blind_first, taxonomy_id, parameters, created_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, (SELECT taxonomy_id FROM classifier_run WHERE id = ?), ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, s.name());
            setLong(ps, i++, s.runId());
            ps.setString(i++, s.frame().key());
            ps.setString(i++, String.join(",", s.strataBy()));
            ps.setString(i++, s.allocation().key());
            ps.setLong(i++, s.seed());
            ps.setInt(i++, s.draw().size());
            ps.setDouble(i++, s.overlap());
            ps.setInt(i++, s.blindFirst() ? 1 : 0);
            setLong(ps, i++, s.runId());
            ps.setString(i++, s.parameters());
            ps.setString(i, s.createdAt());
            ps.executeUpdate();
            sampleId = generatedKey(ps);
          }
          Map<StratumKey, Long> stratumIds = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO stratum (sample_id, stratum_key, population, size, inclusion_probability)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            for (SampleDraw.Stratum st : s.draw().strata()) {
              ps.setLong(1, sampleId);
              ps.setString(2, st.key().toJson());
              ps.setLong(3, st.population());
              ps.setInt(4, st.size());
              ps.setDouble(5, st.inclusionProbability());
              ps.executeUpdate();
              stratumIds.put(st.key(), generatedKey(ps));
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sample_item (sample_id, issue_id, stratum_id, draw_rank, hash, overlap)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SampleDraw.Item item : s.draw().items()) {
              ps.setLong(1, sampleId);
              ps.setLong(2, item.issueId());
              ps.setLong(3, stratumIds.get(item.stratum()));
              ps.setInt(4, item.rank());
              ps.setString(5, item.hash());
              ps.setInt(6, item.overlap() ? 1 : 0);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          Map<String, Long> annotatorIds = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO assignment (sample_id, issue_id, annotator_id, position)"
                      + " VALUES (?, ?, ?, ?)")) {
            for (SampleDraw.QueueEntry q : s.draw().queue()) {
              Long annotatorId = annotatorIds.get(q.annotator());
              if (annotatorId == null) {
                annotatorId = ensureAnnotator(tx, q.annotator(), s.createdAt());
                annotatorIds.put(q.annotator(), annotatorId);
              }
              ps.setLong(1, sampleId);
              ps.setLong(2, q.issueId());
              ps.setLong(3, annotatorId);
              ps.setInt(4, q.position());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return sampleId;
        });
  }

  public long ensureAnnotator(Tx tx, String name, String now) {
    Optional<Long> id = annotatorId(tx, name);
    if (id.isPresent()) {
      return id.get();
    }
    return tx.insert("INSERT INTO annotator (name, created_at) VALUES (?, ?)", name, now);
  }

  public Optional<Long> annotatorId(Tx tx, String name) {
    return tx.first("SELECT id FROM annotator WHERE name = ?", rs -> rs.getLong(1), name);
  }

  /** Whether the annotator has any item of the sample. */
  public boolean hasAssignments(Tx tx, long sampleId, long annotatorId) {
    return tx.exists(
        "SELECT 1 FROM assignment WHERE sample_id = ? AND annotator_id = ? LIMIT 1",
        sampleId,
        annotatorId);
  }

  private static final String SAMPLE_COLUMNS =
      "s.id, s.name, r.name, s.run_id, s.frame, s.strata, s.allocation, s.seed, s.size,"
          + " s.overlap, s.blind_first, s.parameters, s.created_at, t.name || '@' || t.version"
          + " FROM sample s LEFT JOIN classifier_run r ON r.id = s.run_id"
          + " LEFT JOIN taxonomy t ON t.id = s.taxonomy_id";

  public Optional<SampleInfo> byName(Tx tx, String name) {
    return tx.first("SELECT " + SAMPLE_COLUMNS + " WHERE s.name = ?", SampleStore::sample, name);
  }

  /** Every sample, oldest first. */
  public List<SampleInfo> list(Tx tx) {
    return tx.list("SELECT " + SAMPLE_COLUMNS + " ORDER BY s.id", SampleStore::sample);
  }

  /** How many of the sample's items every annotator labels. */
  public int overlapCount(Tx tx, long sampleId) {
    return tx.first(
            "SELECT count(*) FROM sample_item WHERE sample_id = ? AND overlap = 1",
            rs -> rs.getInt(1),
            sampleId)
        .orElse(0);
  }

  /** The samples in which the annotator has items, oldest first. */
  public List<SampleInfo> assignedTo(Tx tx, String annotator) {
    return tx.list(
        "SELECT "
            + SAMPLE_COLUMNS
            + " WHERE s.id IN (SELECT a.sample_id FROM assignment a"
            + " JOIN annotator n ON n.id = a.annotator_id WHERE n.name = ?)"
            + " ORDER BY s.id",
        SampleStore::sample,
        annotator);
  }

  private static SampleInfo sample(ResultSet rs) throws SQLException {
    long runId = rs.getLong(4);
    Long run = rs.wasNull() ? null : runId;
    String strata = rs.getString(6);
    return new SampleInfo(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        run,
        Frame.fromKey(rs.getString(5)).orElseThrow(),
        strata.isEmpty() ? List.of() : Arrays.asList(strata.split(",")),
        AllocationMethod.fromKey(rs.getString(7)).orElseThrow(),
        rs.getLong(8),
        rs.getInt(9),
        rs.getDouble(10),
        rs.getInt(11) == 1,
        rs.getString(12),
        rs.getString(13),
        rs.getString(14));
  }

  /** The sample's strata in key order. */
  public List<SampleDraw.Stratum> strata(Tx tx, long sampleId) {
    return tx.list(
        "SELECT stratum_key, population, size FROM stratum WHERE sample_id = ? ORDER BY id",
        rs ->
            new SampleDraw.Stratum(
                StratumKey.fromJson(rs.getString(1)), rs.getLong(2), rs.getInt(3)),
        sampleId);
  }

  /** The sample's items by rank, each with its stratum and annotators (in name order). */
  public List<SampleDraw.Item> items(Tx tx, long sampleId) {
    return tx.jdbc(
        c -> {
          Map<Long, List<String>> annotators = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.issue_id, n.name FROM assignment a JOIN annotator n ON n.id = a.annotator_id"
                      + " WHERE a.sample_id = ? ORDER BY n.name")) {
            ps.setLong(1, sampleId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                annotators
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(rs.getString(2));
              }
            }
          }
          List<SampleDraw.Item> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT si.issue_id, i.repo, i.number, st.stratum_key, si.draw_rank, si.hash,"
                      + " si.overlap FROM sample_item si JOIN issue i ON i.id = si.issue_id"
                      + " JOIN stratum st ON st.id = si.stratum_id WHERE si.sample_id = ?"
                      + " ORDER BY si.draw_rank")) {
            ps.setLong(1, sampleId);
            Map<String, StratumKey> keys = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long issueId = rs.getLong(1);
                items.add(
                    new SampleDraw.Item(
                        issueId,
                        new IssueKey(rs.getString(2), rs.getInt(3)),
                        keys.computeIfAbsent(rs.getString(4), StratumKey::fromJson),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getInt(7) == 1,
                        annotators.getOrDefault(issueId, List.of())));
              }
            }
          }
          return items;
        });
  }

  /**
   * Each annotator's progress in a sample, in name order: an item counts as decided when it has a
   * revealed-phase decision, as skipped when it has a skip and no such decision.
   */
  public List<AnnotatorProgress> progress(Tx tx, long sampleId) {
    // one row per annotator (grouped by name)
    return tx.list(
        "SELECT n.name, count(*),"
            + " sum(CASE WHEN EXISTS (SELECT 1 FROM decision d WHERE d.sample_id = a.sample_id"
            + "   AND d.issue_id = a.issue_id AND d.annotator_id = a.annotator_id"
            + "   AND d.phase = 'revealed') THEN 1 ELSE 0 END),"
            + " sum(CASE WHEN NOT EXISTS (SELECT 1 FROM decision d"
            + "   WHERE d.sample_id = a.sample_id AND d.issue_id = a.issue_id"
            + "   AND d.annotator_id = a.annotator_id AND d.phase = 'revealed')"
            + "   AND EXISTS (SELECT 1 FROM skip k WHERE k.sample_id = a.sample_id"
            + "   AND k.issue_id = a.issue_id AND k.annotator_id = a.annotator_id)"
            + "   THEN 1 ELSE 0 END)"
            + " FROM assignment a JOIN annotator n ON n.id = a.annotator_id"
            + " WHERE a.sample_id = ? GROUP BY n.name ORDER BY n.name",
        rs -> new AnnotatorProgress(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
        sampleId);
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  private static long generatedKey(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
