package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Evidence;

/**
 * Writes keyword classifier runs: the taxonomy document used (stored once per content hash), the
 * run, and per issue its run item, predicted labels and evidence. Writes are batched prepared
 * statements; callers run a whole run inside one transaction, so a failed or cancelled run leaves
 * nothing behind.
 */
public final class ClassifierRunStore {
  /** Run items per executed batch (with their predictions and evidence). */
  static final int BATCH = 500;

  private final RunShareStore shares;

  ClassifierRunStore(RunShareStore shares) {
    this.shares = shares;
  }

  /**
   * The id of the stored taxonomy with this content hash, storing the document first if it is new.
   */
  public long saveTaxonomy(
      Tx tx, String name, String version, String contentHash, String content, String now) {
    Optional<Long> existing =
        tx.first(
            "SELECT id FROM taxonomy WHERE content_hash = ?", rs -> rs.getLong(1), contentHash);
    if (existing.isPresent()) {
      return existing.get();
    }
    return tx.insert(
        "INSERT INTO taxonomy (name, version, content_hash, content, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        name,
        version,
        contentHash,
        content,
        now);
  }

  /** The stored taxonomy document (canonical JSON) with this content hash. */
  public Optional<String> taxonomyContent(Tx tx, String contentHash) {
    return tx.first(
        "SELECT content FROM taxonomy WHERE content_hash = ?", rs -> rs.getString(1), contentHash);
  }

  public boolean runExists(Tx tx, String name) {
    return tx.exists("SELECT 1 FROM classifier_run WHERE name = ?", name);
  }

  /**
   * Creates a keyword classifier run.
   *
   * @param source where the taxonomy came from ({@code builtin:study-v1} or a file path)
   * @throws BadInputException if a run of that name exists (runs are never overwritten)
   */
  public long createKeywordRun(Tx tx, String name, long taxonomyId, String source, String now) {
    return tx.jdbc(
        c -> {
          refuseChange(c, name, false);
          return Statements.insert(
              c,
              "INSERT INTO classifier_run (name, kind, taxonomy_id, source, created_at)"
                  + " VALUES (?, 'keyword', ?, ?, ?)",
              name,
              taxonomyId,
              source,
              now);
        });
  }

  /**
   * The one rule for runs, keyword and imported alike: a run a sample was drawn over never changes
   * (the sample's strata and validation stay those of the labels it was drawn from), and a keyword
   * run is never overwritten. An imported run no sample depends on may take more labels (a
   * re-import under its name). Refuses, naming the dependent samples (docs/robustness.md).
   *
   * @param importing true when outside labels are to be written under {@code name}
   */
  static void refuseChange(Connection c, String name, boolean importing) throws SQLException {
    Optional<Run> run = find(c, name);
    if (run.isEmpty()) {
      return;
    }
    List<String> samples = samplesUsing(c, run.get().id());
    String base = "a classifier run named '" + name + "' exists (" + run.get().kind() + ")";
    if (!samples.isEmpty()) {
      throw new BadInputException(
          base
              + " and "
              + samplesPhrase(samples)
              + " on it, so it cannot change: give the new labels another name (--run NEW)");
    }
    if (importing && "imported".equals(run.get().kind())) {
      return;
    }
    throw new BadInputException(
        base
            + "; runs are never overwritten: give the new labels another name (--run NEW), or"
            + " delete the old run first (labellens runs delete "
            + name
            + ")");
  }

  /** A stored run's id and kind ({@code keyword} or {@code imported}). */
  private record Run(long id, String kind) {}

  private static Optional<Run> find(Connection c, String name) throws SQLException {
    return Statements.first(
        c,
        "SELECT id, kind FROM classifier_run WHERE name = ?",
        rs -> new Run(rs.getLong(1), rs.getString(2)),
        name);
  }

  /** "sample 's' depends" or "samples 'a', 'b' depend". */
  static String samplesPhrase(List<String> samples) {
    String names = String.join(", ", samples.stream().map(n -> "'" + n + "'").toList());
    return samples.size() == 1 ? "sample " + names + " depends" : "samples " + names + " depend";
  }

  /** The names of the samples drawn over the run, in the order they were drawn. */
  static List<String> samplesUsing(Connection c, long runId) throws SQLException {
    return Statements.list(
        c, "SELECT name FROM sample WHERE run_id = ? ORDER BY id", rs -> rs.getString(1), runId);
  }

  /** What {@link #deleteRun} removed. */
  public record Deleted(String name, String kind, int items, int predictions, int evidence) {}

  /**
   * Deletes a run with its items, predictions, evidence and share summary, in the caller's
   * transaction; refused while a sample depends on it, or when there is no such run.
   */
  public Deleted deleteRun(Tx tx, String name) {
    return tx.jdbc(
        c -> {
          Run run =
              find(c, name)
                  .orElseThrow(
                      () ->
                          new BadInputException(
                              "no classifier run named '" + name + "' (see: labellens runs)"));
          long id = run.id();
          List<String> samples = samplesUsing(c, id);
          if (!samples.isEmpty()) {
            throw new BadInputException(
                "run '"
                    + name
                    + "' cannot be deleted: "
                    + samplesPhrase(samples)
                    + " on it (a sample keeps the run it was drawn over)");
          }
          int items = count(c, "SELECT count(*) FROM run_item WHERE run_id = ?", id);
          int predictions = count(c, "SELECT count(*) FROM prediction WHERE run_id = ?", id);
          int evidence = count(c, "SELECT count(*) FROM evidence WHERE run_id = ?", id);
          for (String sql :
              List.of(
                  "DELETE FROM evidence WHERE run_id = ?",
                  "DELETE FROM prediction WHERE run_id = ?",
                  "DELETE FROM run_share_count WHERE run_id = ?",
                  "DELETE FROM run_item WHERE run_id = ?",
                  "DELETE FROM classifier_run WHERE id = ?")) {
            Statements.update(c, sql, id);
          }
          return new Deleted(name, run.kind(), items, predictions, evidence);
        });
  }

  private static int count(Connection c, String sql, long id) throws SQLException {
    return Statements.first(c, sql, rs -> rs.getInt(1), id).orElseThrow();
  }

  /** Batched writes of one run's items; {@link RunWriter#finish()} completes the run. */
  public RunWriter runWriter(Tx tx, long runId) {
    return tx.jdbc(c -> new RunWriter(tx, c, runId, shares));
  }

  /** Prepared, batched inserts of run items, predictions and evidence. */
  public static final class RunWriter implements AutoCloseable {
    private final Tx tx;
    private final RunShareStore shares;
    private final long runId;
    private final PreparedStatement item;
    private final PreparedStatement prediction;
    private final PreparedStatement evidence;
    private final PreparedStatement count;
    private int pending;
    private int written;

    RunWriter(Tx tx, Connection c, long runId, RunShareStore shares) throws SQLException {
      this.tx = tx;
      this.shares = shares;
      this.runId = runId;
      item =
          c.prepareStatement(
              "INSERT INTO run_item (run_id, issue_id, primary_label, is_production,"
                  + " has_bug_label) VALUES (?, ?, ?, ?, ?)");
      prediction =
          c.prepareStatement(
              "INSERT INTO prediction (run_id, issue_id, dimension, label) VALUES (?, ?, ?, ?)");
      evidence =
          c.prepareStatement(
              "INSERT INTO evidence (run_id, issue_id, dimension, label, keyword, field,"
                  + " start_offset, end_offset, hits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      count = c.prepareStatement("UPDATE classifier_run SET issue_count = ? WHERE id = ?");
    }

    /**
     * Adds one issue's classification: its run item (primary label, production and bug/perf flags),
     * one prediction row per predicted label of every dimension, and its evidence.
     */
    public void add(long issueId, Classification result) {
      tx.jdbc(
          c -> {
            item.setLong(1, runId);
            item.setLong(2, issueId);
            item.setString(3, result.primary() == null ? "other" : result.primary());
            setFlag(item, 4, result.production());
            setFlag(item, 5, result.bugPerf());
            item.addBatch();
            for (Map.Entry<String, List<String>> e : result.predicted().entrySet()) {
              for (String label : e.getValue()) {
                prediction.setLong(1, runId);
                prediction.setLong(2, issueId);
                prediction.setString(3, e.getKey());
                prediction.setString(4, label);
                prediction.addBatch();
              }
            }
            for (Evidence ev : result.evidence()) {
              evidence.setLong(1, runId);
              evidence.setLong(2, issueId);
              evidence.setString(3, ev.dimension());
              evidence.setString(4, ev.label());
              evidence.setString(5, ev.keyword());
              evidence.setString(6, ev.field());
              evidence.setInt(7, ev.start());
              evidence.setInt(8, ev.end());
              evidence.setInt(9, ev.hits());
              evidence.addBatch();
            }
            if (++pending >= BATCH) {
              flush();
            }
            return null;
          });
    }

    private static void setFlag(PreparedStatement ps, int index, Boolean flag) throws SQLException {
      if (flag == null) {
        ps.setNull(index, Types.INTEGER);
      } else {
        ps.setInt(index, flag ? 1 : 0);
      }
    }

    private void flush() throws SQLException {
      if (pending == 0) {
        return;
      }
      // run items first: predictions and evidence refer to them
      item.executeBatch();
      prediction.executeBatch();
      evidence.executeBatch();
      written += pending;
      pending = 0;
    }

    /** Issues written so far (flushed or not). */
    public int count() {
      return written + pending;
    }

    /** Writes what is pending and records the run's issue count and share summary. */
    public void finish() {
      tx.jdbc(
          c -> {
            flush();
            count.setInt(1, written);
            count.setLong(2, runId);
            count.executeUpdate();
            shares.summarize(tx, runId);
            return null;
          });
    }

    /** Closes the statements; without {@link #finish()} pending items are dropped. */
    @Override
    public void close() {
      tx.jdbc(
          c -> {
            item.close();
            prediction.close();
            evidence.close();
            count.close();
            return null;
          });
    }
  }
}
