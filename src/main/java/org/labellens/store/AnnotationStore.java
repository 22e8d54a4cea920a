package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.MadeBy;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.model.IssueKey;

/**
 * The annotation log ({@code annotation_event}, append-only), the current decisions derived from it
 * ({@code decision}), skips, and the queries the annotation queue needs.
 */
public final class AnnotationStore {
  AnnotationStore() {}

  /** The row ids one decision refers to. */
  public record Refs(long sampleId, long issueId, long annotatorId) {}

  /** The current decision's time and event key, which decide whether a new event replaces it. */
  public record Current(long eventId, String decidedAt, String eventKey) {}

  /** The queue position of an assigned issue, or empty when it is not assigned to the annotator. */
  public Optional<Integer> position(Tx tx, Refs r) {
    return tx.first(
        "SELECT position FROM assignment WHERE sample_id = ? AND annotator_id = ?"
            + " AND issue_id = ?",
        rs -> rs.getInt(1),
        r.sampleId(),
        r.annotatorId(),
        r.issueId());
  }

  public boolean inSample(Tx tx, long sampleId, long issueId) {
    return tx.exists(
        "SELECT 1 FROM sample_item WHERE sample_id = ? AND issue_id = ?", sampleId, issueId);
  }

  public Optional<Current> current(Tx tx, Refs r, String dimension, Phase phase) {
    return tx.first(
        "SELECT d.event_id, d.decided_at, e.event_key FROM decision d"
            + " JOIN annotation_event e ON e.id = d.event_id WHERE d.sample_id = ?"
            + " AND d.issue_id = ? AND d.annotator_id = ? AND d.dimension = ? AND d.phase = ?",
        rs -> new Current(rs.getLong(1), rs.getString(2), rs.getString(3)),
        params(r, dimension, phase.key()));
  }

  /** The id of the event with this key, if the log has it. */
  public Optional<Long> eventId(Tx tx, String eventKey) {
    return tx.first(
        "SELECT id FROM annotation_event WHERE event_key = ?", rs -> rs.getLong(1), eventKey);
  }

  /** Appends an event to the log; returns its id. The key must not be in the log yet. */
  public long appendEvent(
      Tx tx,
      Refs r,
      Decision d,
      String eventKey,
      DecisionOrigin origin,
      MadeBy madeBy,
      String recordedAt) {
    return tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO annotation_event (event_key, sample_id, issue_id, annotator_id,"
                      + " dimension, value, phase, predicted, unsure, reason, note, seconds, decided_at,"
                      + " taxonomy, origin, recorded_at, made_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, eventKey);
            ps.setLong(i++, r.sampleId());
            ps.setLong(i++, r.issueId());
            ps.setLong(i++, r.annotatorId());
            ps.setString(i++, d.dimension());
            ps.setString(i++, d.value().toJson());
            ps.setString(i++, d.phase().key());
            ps.setString(i++, d.predicted() == null ? null : d.predicted().toJson());
            ps.setInt(i++, d.unsure() ? 1 : 0);
            ps.setString(i++, d.reason());
            ps.setString(i++, d.note());
            if (d.seconds() == null) {
              ps.setNull(i++, Types.REAL);
            } else {
              ps.setDouble(i++, d.seconds());
            }
            ps.setString(i++, DecisionTime.format(d.decidedAt()));
            ps.setString(i++, d.taxonomy());
            ps.setString(i++, origin.key());
            ps.setString(i++, recordedAt);
            ps.setString(i, madeBy.key());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  /** Makes an event the current decision of its (sample, issue, annotator, dimension, phase). */
  public void putDecision(Tx tx, Refs r, Decision d, long eventId, MadeBy madeBy) {
    tx.update(
        "INSERT INTO decision (sample_id, issue_id, annotator_id, dimension, phase, event_id,"
            + " value, unsure, decided_at, made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (sample_id, issue_id, annotator_id, dimension, phase) DO UPDATE SET"
            + " event_id = excluded.event_id, value = excluded.value,"
            + " unsure = excluded.unsure, decided_at = excluded.decided_at,"
            + " made_by = excluded.made_by",
        params(
            r,
            d.dimension(),
            d.phase().key(),
            eventId,
            d.value().toJson(),
            d.unsure() ? 1 : 0,
            DecisionTime.format(d.decidedAt()),
            madeBy.key()));
  }

  /** Who made the current decisions of a sample: people's and {@code simulate}'s counts. */
  public Provenance provenance(Tx tx, long sampleId) {
    record Count(String madeBy, long decisions) {}
    long person = 0;
    long simulated = 0;
    for (Count row :
        tx.list(
            "SELECT made_by, COUNT(*) FROM decision WHERE sample_id = ? GROUP BY made_by",
            rs -> new Count(rs.getString(1), rs.getLong(2)),
            sampleId)) {
      if (MadeBy.SIMULATE.key().equals(row.madeBy())) {
        simulated += row.decisions();
      } else {
        person += row.decisions();
      }
    }
    return new Provenance(person, simulated);
  }

  public void clearSkip(Tx tx, Refs r) {
    tx.update(
        "DELETE FROM skip WHERE sample_id = ? AND issue_id = ? AND annotator_id = ?", params(r));
  }

  /** Records a skip (a second skip moves the item to the end again). */
  public void skip(Tx tx, Refs r, String now) {
    tx.update(
        "INSERT INTO skip (sample_id, issue_id, annotator_id, skipped_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (sample_id, issue_id, annotator_id) DO UPDATE SET"
            + " skipped_at = excluded.skipped_at",
        params(r, now));
  }

  /** Whether the annotator has a revealed-phase decision for the item. */
  public boolean decided(Tx tx, Refs r) {
    return tx.exists(
        "SELECT 1 FROM decision WHERE sample_id = ? AND issue_id = ? AND annotator_id = ?"
            + " AND phase = 'revealed' LIMIT 1",
        params(r));
  }

  /**
   * One row of an annotator's queue, in position order.
   *
   * @param skippedAt when the item was skipped, or null
   */
  public record QueueRow(
      int position,
      long issueId,
      IssueKey issue,
      String framework,
      String title,
      boolean overlap,
      boolean revealedDecided,
      boolean blindDecided,
      String skippedAt) {}

  public List<QueueRow> queue(Tx tx, long sampleId, long annotatorId) {
    return tx.jdbc(
        c -> {
          List<QueueRow> rows = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.position, a.issue_id, i.repo, i.number, i.framework, i.title, si.overlap,"
                      + " EXISTS (SELECT 1 FROM decision d WHERE d.sample_id = a.sample_id"
                      + "   AND d.issue_id = a.issue_id AND d.annotator_id = a.annotator_id"
                      + "   AND d.phase = 'revealed'),"
                      + " EXISTS (SELECT 1 FROM decision d WHERE d.sample_id = a.sample_id"
                      + "   AND d.issue_id = a.issue_id AND d.annotator_id = a.annotator_id"
                      + "   AND d.phase = 'blind'),"
                      + " k.skipped_at"
                      + " FROM assignment a JOIN issue i ON i.id = a.issue_id"
                      + " JOIN sample_item si ON si.sample_id = a.sample_id AND si.issue_id = a.issue_id"
                      + " LEFT JOIN skip k ON k.sample_id = a.sample_id AND k.issue_id = a.issue_id"
                      + "   AND k.annotator_id = a.annotator_id"
                      + " WHERE a.sample_id = ? AND a.annotator_id = ? ORDER BY a.position")) {
            ps.setLong(1, sampleId);
            ps.setLong(2, annotatorId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new QueueRow(
                        rs.getInt(1),
                        rs.getLong(2),
                        new IssueKey(rs.getString(3), rs.getInt(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7) == 1,
                        rs.getInt(8) == 1,
                        rs.getInt(9) == 1,
                        rs.getString(10)));
              }
            }
          }
          return rows;
        });
  }

  static final String EVENT_COLUMNS =
      "s.name, i.repo, i.number, n.name, e.dimension, e.value, e.phase, e.predicted, e.unsure,"
          + " e.reason, e.note, e.seconds, e.decided_at, e.taxonomy, e.made_by";

  /** The annotator's current decisions for one item, ordered by phase and dimension. */
  public List<Decision> currentDecisions(Tx tx, Refs r) {
    return currentDecisions(
        tx,
        "d.sample_id = ? AND d.issue_id = ? AND d.annotator_id = ?",
        "e.phase, e.dimension",
        ps -> bind(ps, r));
  }

  /**
   * Every current decision of a sample (all annotators, dimensions and phases), ordered by repo,
   * number, annotator, dimension and phase.
   */
  public List<Decision> currentDecisions(Tx tx, long sampleId) {
    return currentDecisions(
        tx,
        "d.sample_id = ?",
        "i.repo, i.number, n.name, e.dimension, e.phase",
        ps -> ps.setLong(1, sampleId));
  }

  /** Binds a query's parameters. */
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static List<Decision> currentDecisions(
      Tx tx, String where, String orderBy, Binder binder) {
    return tx.jdbc(
        c -> {
          List<Decision> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + EVENT_COLUMNS
                      + " FROM decision d JOIN annotation_event e ON e.id = d.event_id"
                      + " JOIN sample s ON s.id = e.sample_id JOIN issue i ON i.id = e.issue_id"
                      + " JOIN annotator n ON n.id = e.annotator_id WHERE "
                      + where
                      + " ORDER BY "
                      + orderBy)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(decision(rs));
              }
            }
          }
          return out;
        });
  }

  /**
   * Streams an annotator's decisions (optionally of one sample), ordered by sample, time and event
   * key: the whole log, or with {@code currentOnly} the current decisions only.
   */
  public int forEachDecision(
      Tx tx,
      long annotatorId,
      Long sampleId,
      boolean currentOnly,
      BiConsumer<Decision, MadeBy> action) {
    return tx.jdbc(
        c -> {
          String from =
              currentOnly
                  ? " FROM decision d JOIN annotation_event e ON e.id = d.event_id"
                  : " FROM annotation_event e";
          String sql =
              "SELECT "
                  + EVENT_COLUMNS
                  + from
                  + " JOIN sample s ON s.id = e.sample_id JOIN issue i ON i.id = e.issue_id"
                  + " JOIN annotator n ON n.id = e.annotator_id WHERE e.annotator_id = ?"
                  + (sampleId == null ? "" : " AND e.sample_id = ?")
                  + " ORDER BY s.name, e.decided_at, e.event_key";
          int count = 0;
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, annotatorId);
            if (sampleId != null) {
              ps.setLong(2, sampleId);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                action.accept(decision(rs), MadeBy.fromKey(rs.getString(15)).orElse(MadeBy.PERSON));
                count++;
              }
            }
          }
          return count;
        });
  }

  static Decision decision(ResultSet rs) throws SQLException {
    String predicted = rs.getString(8);
    double seconds = rs.getDouble(12);
    Double secs = rs.wasNull() ? null : seconds;
    return new Decision(
        rs.getString(1),
        new IssueKey(rs.getString(2), rs.getInt(3)),
        rs.getString(4),
        rs.getString(5),
        DecisionValue.fromJson(rs.getString(6)),
        Phase.fromKey(rs.getString(7)).orElseThrow(),
        predicted == null ? null : DecisionValue.fromJson(predicted),
        rs.getInt(9) == 1,
        rs.getString(10),
        rs.getString(11),
        secs,
        DecisionTime.parse(rs.getString(13)),
        rs.getString(14));
  }

  /** The run's production flag for an issue: 1 or 0, or empty where the run has none. */
  public Optional<Integer> productionFlag(Tx tx, long runId, long issueId) {
    return tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT is_production FROM run_item WHERE run_id = ? AND issue_id = ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, issueId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              int flag = rs.getInt(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(flag);
            }
          }
        });
  }

  private static void bind(PreparedStatement ps, Refs r) throws SQLException {
    ps.setLong(1, r.sampleId());
    ps.setLong(2, r.issueId());
    ps.setLong(3, r.annotatorId());
  }

  /** The statement parameters of the decision's row ids, then {@code more}. */
  private static Object[] params(Refs r, Object... more) {
    Object[] all = new Object[3 + more.length];
    all[0] = r.sampleId();
    all[1] = r.issueId();
    all[2] = r.annotatorId();
    System.arraycopy(more, 0, all, 3, more.length);
    return all;
  }
}
