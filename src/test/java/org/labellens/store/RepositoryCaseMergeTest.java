package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.Notices;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.TestIssues;

/**
 * The upgrade to schema version 3 merges an issue stored twice under spellings of its repository
 * that differ only in case (what an older build let happen): the first stored row survives, every
 * decision and annotation event of the other moves to it, and the merge is reported on stderr.
 */
class RepositoryCaseMergeTest {
  private Path dir;
  private Path db;

  @BeforeEach
  void init() throws Exception {
    dir = FastTempDir.create("case-merge");
    db = dir.resolve("p.db");
    ok("init");
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      sb.append("{\"repo\": \"a/b\", \"number\": ")
          .append(i)
          .append(", \"title\": \"t")
          .append(i)
          .append("\", \"cls\": [\"gpu\"]}\n");
    }
    Path file = TestIssues.write(dir, "i.jsonl", sb.toString());
    ok("import", file.toString(), "--label-field", "cls", "--run", "out");
    ok(
        "sample",
        "--name",
        "s",
        "--size",
        "10",
        "--annotators",
        "x,y",
        "--overlap",
        "1",
        "--run",
        "out");
    ok("simulate", "--sample", "s", "--annotator", "x", "--accuracy", "0.6", "--seed", "1");
    ok("simulate", "--sample", "s", "--annotator", "y", "--accuracy", "0.6", "--seed", "2");
  }

  @AfterEach
  void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  private Cli.Result ok(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    Cli.Result r = Cli.run(all.toArray(String[]::new));
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    return r;
  }

  private long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void upgradingMergesAnIssueStoredUnderTwoSpellingsKeepingEveryDecision() throws Exception {
    String agreementBefore = ok("agreement", "--sample", "s", "--bootstrap", "0").out();
    long kept;
    long decisions;
    long events;
    long decisionsOfTheIssue;
    // what an older build could store: A/B#3 next to a/b#3, the decisions on the later row
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      kept = count(c, "SELECT id FROM issue WHERE repo = 'a/b' AND number = 3");
      decisions = count(c, "SELECT count(*) FROM decision");
      events = count(c, "SELECT count(*) FROM annotation_event");
      decisionsOfTheIssue = count(c, "SELECT count(*) FROM decision WHERE issue_id = " + kept);
      assertThat(decisionsOfTheIssue).isPositive();
      String trigger;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT sql FROM sqlite_master WHERE name = 'annotation_event_append_only_update'")) {
        rs.next();
        trigger = rs.getString(1);
      }
      s.execute("DROP INDEX issue_key_nocase");
      s.execute("DROP TRIGGER annotation_event_append_only_update");
      s.execute(
          "INSERT INTO issue (repo, number, framework, title, body, labels, content_hash,"
              + " imported_at, updated_at) SELECT 'A/B', number, 'B', title, body, labels,"
              + " content_hash, imported_at, updated_at FROM issue WHERE id = "
              + kept);
      long gone = count(c, "SELECT id FROM issue WHERE repo = 'A/B'");
      for (String table :
          List.of(
              "run_item",
              "prediction",
              "sample_item",
              "assignment",
              "decision",
              "annotation_event",
              "skip")) {
        s.execute("UPDATE " + table + " SET issue_id = " + gone + " WHERE issue_id = " + kept);
      }
      s.execute(
          "INSERT INTO issue (repo, number, framework, title, body, content_hash, imported_at,"
              + " updated_at) VALUES ('A/B', 99, 'B', 't', '', 'x', '2025-01-01T00:00:00Z',"
              + " '2025-01-01T00:00:00Z')");
      s.execute(trigger);
      // and the rest of what version 3 added
      s.execute("ALTER TABLE decision DROP COLUMN made_by");
      s.execute("ALTER TABLE annotation_event DROP COLUMN made_by");
      s.execute("PRAGMA user_version = 2");
    }

    List<String> said = new ArrayList<>();
    try (Notices.Handle h = Notices.to(said::add)) {
      Database.open(db).close();
    }
    String notes = String.join("\n", said);
    assertThat(notes)
        .contains("note: upgrade of p.db: merged A/B#3 into a/b#3")
        .contains("1 issue(s) of repository a/b spelt differently now use that spelling");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      assertThat(count(c, "PRAGMA user_version")).isEqualTo(Schema.packaged().version());
      assertThat(count(c, "SELECT count(*) FROM issue WHERE number = 3")).isEqualTo(1);
      assertThat(count(c, "SELECT id FROM issue WHERE number = 3")).isEqualTo(kept);
      assertThat(count(c, "SELECT count(*) FROM issue WHERE repo <> 'a/b'")).isZero();
      assertThat(count(c, "SELECT count(DISTINCT framework) FROM issue")).isEqualTo(1);
      assertThat(count(c, "SELECT count(*) FROM decision")).isEqualTo(decisions);
      assertThat(count(c, "SELECT count(*) FROM annotation_event")).isEqualTo(events);
      assertThat(count(c, "SELECT count(*) FROM decision WHERE issue_id = " + kept))
          .isEqualTo(decisionsOfTheIssue);
      assertThat(count(c, "SELECT count(*) FROM sample_item WHERE issue_id = " + kept))
          .isEqualTo(1);
      assertThat(count(c, "SELECT count(*) FROM run_item WHERE issue_id = " + kept)).isEqualTo(1);
      assertThat(count(c, "PRAGMA foreign_key_check")).isZero();
    }
    assertThat(ok("agreement", "--sample", "s", "--bootstrap", "0").out())
        .isEqualTo(agreementBefore);
    // the index now keeps one row per repository ignoring case
    Path again =
        TestIssues.write(
            dir, "again.jsonl", "{\"repo\": \"A/B\", \"number\": 3, \"title\": \"t3\"}\n");
    assertThat(ok("import", again.toString()).out()).contains("0 new");
  }
}
