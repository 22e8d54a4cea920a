package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java step of the upgrade to schema version 3 (run inside its transaction, before {@code
 * V3.sql}, which then adds the case-insensitive unique index on (repo, number)): issues stored
 * twice under repository spellings that differ only in case ({@code a/b#1} and {@code A/B#1}) are
 * merged into the first stored one, and every issue of a repository takes its first-stored spelling
 * and framework.
 *
 * <p>Nothing is lost: every annotation event is kept and points to the surviving issue; a current
 * decision, skip, adjudication, assignment, sample item or classifier prediction of the merged
 * issue moves to the survivor, and where the survivor has one of its own for the same key the
 * survivor keeps it (a decision or adjudication: the later one, as the decision table's own rule).
 * A sample that had drawn both rows keeps one item and its stratum counts one issue fewer.
 */
final class RepositoryCaseMerge {
  private RepositoryCaseMerge() {}

  /** Merges and re-spells; returns one line per merged pair and per re-spelled repository. */
  static List<String> run(Connection c) throws SQLException {
    List<String> report = new ArrayList<>();
    List<long[]> pairs = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.id, b.id FROM issue a JOIN issue b ON lower(a.repo) = lower(b.repo)"
                    + " AND a.number = b.number AND a.id < b.id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM issue o WHERE lower(o.repo) = lower(a.repo)"
                    + " AND o.number = a.number AND o.id < a.id) ORDER BY a.id, b.id")) {
      while (rs.next()) {
        pairs.add(new long[] {rs.getLong(1), rs.getLong(2)});
      }
    }
    if (!pairs.isEmpty()) {
      List<String> triggers = appendOnlyTriggers(c);
      exec(c, "DROP TRIGGER IF EXISTS annotation_event_append_only_update");
      for (long[] p : pairs) {
        report.add("merged " + describe(c, p[1]) + " into " + describe(c, p[0]));
        merge(c, p[0], p[1]);
      }
      for (String sql : triggers) {
        exec(c, sql);
      }
    }
    List<String[]> spellings = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT f.repo, f.framework, count(*) FROM issue f JOIN issue o"
                    + " ON lower(o.repo) = lower(f.repo) AND o.repo <> f.repo"
                    + " WHERE f.id = (SELECT min(id) FROM issue m WHERE lower(m.repo) = lower(f.repo))"
                    + " GROUP BY f.id ORDER BY f.id")) {
      while (rs.next()) {
        spellings.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    for (String[] sp : spellings) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE issue SET repo = ?, framework = ? WHERE lower(repo) = lower(?) AND repo <> ?")) {
        ps.setString(1, sp[0]);
        ps.setString(2, sp[1]);
        ps.setString(3, sp[0]);
        ps.setString(4, sp[0]);
        ps.executeUpdate();
      }
      report.add(
          sp[2] + " issue(s) of repository " + sp[0] + " spelt differently now use that spelling");
    }
    return report;
  }

  private static String describe(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT repo, number FROM issue WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1) + "#" + rs.getInt(2);
      }
    }
  }

  /** The SQL of the triggers that keep annotation_event append-only (re-created as they were). */
  private static List<String> appendOnlyTriggers(Connection c) throws SQLException {
    List<String> sql = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                    + " AND name = 'annotation_event_append_only_update'")) {
      while (rs.next()) {
        sql.add(rs.getString(1));
      }
    }
    return sql;
  }

  /** Moves everything of issue {@code gone} to {@code kept}, then deletes {@code gone}. */
  private static void merge(Connection c, long kept, long gone) throws SQLException {
    // classifier runs that cover both keep the survivor's prediction
    // (run share summaries are dropped by the run_item triggers when items change)
    for (String table : List.of("evidence", "prediction", "run_item")) {
      update(
          c,
          "DELETE FROM "
              + table
              + " WHERE issue_id = ? AND run_id IN (SELECT run_id FROM run_item WHERE issue_id = ?)",
          gone,
          kept);
    }
    for (String table : List.of("run_item", "prediction", "evidence")) {
      update(c, "UPDATE " + table + " SET issue_id = ? WHERE issue_id = ?", kept, gone);
    }
    // the later decision wins, as in the decision table (decided_at, then event_key)
    update(
        c,
        "DELETE FROM decision AS d WHERE issue_id = ? AND EXISTS (SELECT 1 FROM decision AS l"
            + " JOIN annotation_event le ON le.id = l.event_id JOIN annotation_event de"
            + " ON de.id = d.event_id WHERE l.sample_id = d.sample_id AND l.issue_id = ?"
            + " AND l.annotator_id = d.annotator_id AND l.dimension = d.dimension"
            + " AND l.phase = d.phase AND (l.decided_at > d.decided_at OR (l.decided_at ="
            + " d.decided_at AND le.event_key > de.event_key)))",
        kept,
        gone);
    update(
        c,
        "DELETE FROM decision AS l WHERE issue_id = ? AND EXISTS (SELECT 1 FROM decision d"
            + " WHERE d.sample_id = l.sample_id AND d.issue_id = ? AND d.annotator_id ="
            + " l.annotator_id AND d.dimension = l.dimension AND d.phase = l.phase)",
        gone,
        kept);
    update(
        c,
        "DELETE FROM adjudication AS d WHERE issue_id = ? AND EXISTS (SELECT 1 FROM adjudication l"
            + " WHERE l.sample_id = d.sample_id AND l.issue_id = ? AND l.dimension = d.dimension"
            + " AND l.adjudicated_at > d.adjudicated_at)",
        kept,
        gone);
    update(
        c,
        "DELETE FROM adjudication AS l WHERE issue_id = ? AND EXISTS (SELECT 1 FROM adjudication d"
            + " WHERE d.sample_id = l.sample_id AND d.issue_id = ? AND d.dimension = l.dimension)",
        gone,
        kept);
    for (String sql :
        List.of(
            "DELETE FROM skip WHERE issue_id = ? AND EXISTS (SELECT 1 FROM skip k WHERE"
                + " k.sample_id = skip.sample_id AND k.annotator_id = skip.annotator_id AND"
                + " k.issue_id = ?)",
            "DELETE FROM assignment WHERE issue_id = ? AND sample_id IN (SELECT sample_id FROM"
                + " sample_item WHERE issue_id = ?)")) {
      update(c, sql, gone, kept);
    }
    // a sample that drew both rows keeps the survivor's item; the other's stratum shrinks by one
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sample_id, stratum_id FROM sample_item WHERE issue_id = ? AND sample_id IN"
                + " (SELECT sample_id FROM sample_item WHERE issue_id = ?)")) {
      ps.setLong(1, gone);
      ps.setLong(2, kept);
      List<long[]> both = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          both.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      for (long[] b : both) {
        update(
            c,
            "UPDATE stratum SET population = population - 1, size = size - 1,"
                + " inclusion_probability = CASE WHEN population - 1 > 0"
                + " THEN CAST(size - 1 AS REAL) / (population - 1) ELSE 0 END WHERE id = ?",
            b[1]);
        update(c, "UPDATE sample SET size = size - 1 WHERE id = ?", b[0]);
        update(c, "DELETE FROM sample_item WHERE sample_id = ? AND issue_id = ?", b[0], gone);
      }
    }
    for (String table :
        List.of(
            "sample_item",
            "assignment",
            "decision",
            "skip",
            "adjudication",
            "adjudication_event",
            "annotation_event")) {
      update(c, "UPDATE " + table + " SET issue_id = ? WHERE issue_id = ?", kept, gone);
    }
    update(c, "DELETE FROM issue_search WHERE rowid = ?", gone);
    update(c, "DELETE FROM issue_search_pending WHERE issue_id = ?", gone);
    update(c, "DELETE FROM issue WHERE id = ?", gone);
  }

  private static void update(Connection c, String sql, long... ids) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.length; i++) {
        ps.setLong(i + 1, ids[i]);
      }
      ps.executeUpdate();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
