package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.service.DemoService;
import org.labellens.service.Progress;
import org.labellens.store.Schema;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.StoredDecisions;

/** {@code labellens doctor}: what it finds, what {@code --repair} does, and what it never does. */
class DoctorCommandTest {
  private static Path dir;
  private static Path demo;
  private Path db;

  @BeforeAll
  static void buildDemo() throws Exception {
    dir = FastTempDir.create("doctor");
    demo = dir.resolve("demo.db");
    DemoService.build(demo, Progress.NONE);
  }

  @AfterAll
  static void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  @BeforeEach
  void copyDemo() throws Exception {
    Path each = Files.createTempDirectory(dir, "case");
    db = each.resolve("p.db");
    Files.copy(demo, db);
  }

  private void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  @Test
  void aSoundProjectIsCleanAndUntouched() throws Exception {
    byte[] before = Files.readAllBytes(db);

    Cli.Result r = Cli.run("doctor", "--db", db.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("no problems found (schema version " + Schema.packaged().version() + ";");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void findsRowsWhoseParentIsGoneAndRepairsOnlyTheDerivedOnesAfterABackup() throws Exception {
    sql("PRAGMA foreign_keys = OFF", "DELETE FROM classifier_run");
    String damaged = ProjectDigest.of(db);

    Cli.Result found = Cli.run("doctor", "--db", db.toString());

    assertThat(found.code()).isEqualTo(1);
    assertThat(found.out())
        .contains("orphans: 300 row(s) of run_item refer to rows that are gone")
        .contains("row(s) of sample refer to rows that are gone (people's work: kept");
    assertThat(ProjectDigest.of(db)).isEqualTo(damaged);

    Cli.Result repaired = Cli.run("doctor", "--db", db.toString(), "--repair");

    assertThat(repaired.out()).contains("backup written first: ").contains("repaired: deleted");
    try (Stream<Path> files = Files.list(db.getParent())) {
      Path backup =
          files.filter(p -> p.getFileName().toString().endsWith(".bak")).findFirst().orElseThrow();
      assertThat(ProjectDigest.of(backup)).isEqualTo(damaged);
    }
    assertThat(StoredDecisions.count(db, "SELECT count(*) FROM run_item")).isZero();
    assertThat(StoredDecisions.count(db, "SELECT count(*) FROM prediction")).isZero();
    assertThat(StoredDecisions.count(db, "SELECT count(*) FROM sample")).isEqualTo(2);
    assertThat(StoredDecisions.count(db, "SELECT count(*) FROM annotation_event")).isPositive();
    // the samples' missing run stays a problem: exit 1, one line
    assertThat(repaired.code()).isEqualTo(1);
    Cli.Result after = Cli.run("doctor", "--db", db.toString());
    assertThat(after.out().lines()).hasSize(1).allMatch(l -> l.contains("of sample refer"));
  }

  @Test
  void findsAMissingColumnAndRepairsNothingThere() throws Exception {
    sql("ALTER TABLE issue RENAME COLUMN title TO heading");
    byte[] before = Files.readAllBytes(db);

    Cli.Result r = Cli.run("doctor", "--db", db.toString(), "--repair");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("schema: column issue.title is missing");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void removesLeftoversOfKilledCommandsWithRepair() throws Exception {
    Path partial = db.resolveSibling("p.db.v1-20260101T000000.1Z.bak.partial");
    Path temp = db.resolveSibling(".pilot.csv123456789.tmp");
    Files.write(partial, new byte[4096]);
    Files.writeString(temp, "repo,number\n");

    Cli.Result found = Cli.run("doctor", "--db", db.toString(), "--format", "json");
    JsonNode json = new ObjectMapper().readTree(found.out());

    assertThat(found.code()).isEqualTo(1);
    assertThat(json.get("findings")).hasSize(2);
    assertThat(json.get("findings").get(0).get("kind").asText()).isEqualTo("leftover");
    assertThat(json.get("problems_remain").asBoolean()).isTrue();
    assertThat(partial).exists();

    Cli.Result repaired = Cli.run("doctor", "--db", db.toString(), "--repair");

    assertThat(repaired.code()).as(repaired.out() + repaired.err()).isZero();
    assertThat(partial).doesNotExist();
    assertThat(temp).doesNotExist();
    assertThat(Cli.run("doctor", "--db", db.toString()).code()).isZero();
  }

  @Test
  void refusesToRepairAFileThatFailsItsIntegrityCheck() throws Exception {
    sql("PRAGMA foreign_keys = OFF", "DELETE FROM classifier_run");
    sql("PRAGMA journal_mode = DELETE");
    // overwrite the middle of the file: pages that SQLite's own structure points to
    byte[] bytes = Files.readAllBytes(db);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 8192; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Files.write(db, bytes);

    Cli.Result r = Cli.run("doctor", "--db", db.toString(), "--repair");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("integrity");
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
  }

  @Test
  void aFileThatIsNoProjectIsNamedSo() throws Exception {
    Path text = db.resolveSibling("notes.txt");
    Files.writeString(text, "hello");

    Cli.Result r = Cli.run("doctor", "--db", text.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("header: not an SQLite database");
  }
}
