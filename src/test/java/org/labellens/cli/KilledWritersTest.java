package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labellens.service.DemoService;
import org.labellens.service.Progress;
import org.labellens.testing.ChildJvm;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.StoredDecisions;

/**
 * Every command that writes, killed with SIGKILL (a JVM of its own) at a few points, some of them
 * chosen as the moment its unfinished file appears: the next command leaves no leftover (it removes
 * it, with one line on stderr), nothing of the project is lost, and an output is either absent or
 * complete. Few kills each, to stay fast.
 */
class KilledWritersTest {
  private static Path dir;
  private static Path demo;

  @BeforeAll
  static void buildDemo() throws Exception {
    dir = FastTempDir.create("killed");
    demo = dir.resolve("reference.db");
    DemoService.build(demo, Progress.NONE);
  }

  @AfterAll
  static void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  private static Path copyOfDemo(String name) throws IOException {
    Path d = Files.createTempDirectory(dir, name);
    Path db = d.resolve("p.db");
    Files.copy(demo, db);
    return db;
  }

  private static List<Path> matching(Path folder, Predicate<String> name) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> name.test(p.getFileName().toString())).sorted().toList();
    }
  }

  private static boolean isTemp(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  /** Starts the command and kills it when {@code appears} holds (or after {@code maxMs}). */
  private static int killWhen(
      java.util.function.BooleanSupplier appears, long delayAfterMs, long maxMs, String... args)
      throws Exception {
    try (ChildJvm child = ChildJvm.start(args)) {
      long end = System.currentTimeMillis() + maxMs;
      while (System.currentTimeMillis() < end && !appears.getAsBoolean()) {
        if (child.endsWithin(2)) {
          break;
        }
      }
      if (delayAfterMs > 0) {
        child.endsWithin(delayAfterMs);
      }
      child.kill();
      return child.await(60);
    }
  }

  @Test
  void aKilledExportLeavesTheProjectAndNoLeftoverAfterTheNextOne() throws Exception {
    Path db = copyOfDemo("export");
    String digest = ProjectDigest.of(db);
    Path out = db.resolveSibling("pilot.csv");
    for (long delay : new long[] {300, 700, 1200}) {
      int exit =
          killWhen(
              () -> false,
              0,
              delay,
              "export",
              "--db",
              db.toString(),
              "--sample",
              "pilot",
              "--format",
              "csv",
              "--out",
              out.toString());
      assertThat(exit).isIn(0, 137);
      assertThat(ProjectDigest.of(db)).isEqualTo(digest);
      if (Files.exists(out)) {
        assertThat(Files.readAllLines(out)).hasSize(91); // complete or absent, never half
      }
      Cli.Result again =
          Cli.run(
              "export",
              "--db",
              db.toString(),
              "--sample",
              "pilot",
              "--format",
              "csv",
              "--out",
              out.toString());
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(matching(db.getParent(), KilledWritersTest::isTemp)).isEmpty();
      assertThat(Files.readAllLines(out)).hasSize(91);
    }
  }

  @Test
  void aKilledAnnotationsExportLeavesNoLeftoverAfterTheNextOne() throws Exception {
    Path db = copyOfDemo("annotations");
    String digest = ProjectDigest.of(db);
    Path out = db.resolveSibling("ana.jsonl");
    for (long delay : new long[] {400, 1000}) {
      killWhen(
          () -> false,
          0,
          delay,
          "annotations",
          "export",
          "--db",
          db.toString(),
          "--annotator",
          "ana",
          "--out",
          out.toString());
      assertThat(ProjectDigest.of(db)).isEqualTo(digest);
      Cli.Result again =
          Cli.run(
              "annotations",
              "export",
              "--db",
              db.toString(),
              "--annotator",
              "ana",
              "--out",
              out.toString());
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(matching(db.getParent(), KilledWritersTest::isTemp)).isEmpty();
    }
  }

  @Test
  void anOutputKilledWhileItIsWrittenIsRemovedByTheNextWriteToIt() throws Exception {
    Path folder = Files.createTempDirectory(dir, "generate");
    Path out = folder.resolve("issues.jsonl");
    killWhen(
        () -> uncheckedMatching(folder).size() > 0,
        50,
        20_000,
        "bench",
        "generate",
        "--issues",
        "3000000",
        "--format",
        "jsonl",
        "--out",
        out.toString());
    List<Path> left = matching(folder, KilledWritersTest::isTemp);
    assertThat(left).as("the kill came while the file was written").hasSize(1);
    assertThat(out).doesNotExist();

    Cli.Result next =
        Cli.run(
            "bench", "generate", "--issues", "20", "--format", "jsonl", "--out", out.toString());

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.err().lines())
        .singleElement()
        .asString()
        .startsWith("note: removed " + left.get(0))
        .contains("interrupted command");
    assertThat(matching(folder, KilledWritersTest::isTemp)).isEmpty();
    assertThat(Files.readAllLines(out)).hasSize(20);
  }

  @Test
  void anOutputKilledNextToTheProjectIsRemovedByTheNextCommandThatOpensIt() throws Exception {
    Path db = copyOfDemo("beside");
    Path folder = db.getParent();
    killWhen(
        () -> uncheckedMatching(folder).size() > 0,
        50,
        20_000,
        "bench",
        "generate",
        "--issues",
        "3000000",
        "--format",
        "jsonl",
        "--out",
        folder.resolve("issues.jsonl").toString());
    List<Path> left = matching(folder, KilledWritersTest::isTemp);
    assertThat(left).as("the kill came while the file was written").hasSize(1);
    String digest = ProjectDigest.of(db);

    Cli.Result next = Cli.run("samples", "--db", db.toString());

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.err().lines())
        .singleElement()
        .asString()
        .startsWith("note: removed " + left.get(0));
    assertThat(matching(folder, KilledWritersTest::isTemp)).isEmpty();
    assertThat(ProjectDigest.of(db)).isEqualTo(digest);
  }

  private static List<Path> uncheckedMatching(Path folder) {
    try {
      return matching(folder, KilledWritersTest::isTemp);
    } catch (IOException e) {
      return List.of();
    }
  }

  @Test
  void aKilledDemoIsBuiltAgainByTheNextDemo() throws Exception {
    Map<String, Long> reference = ProjectDigest.rowCounts(demo);
    int rebuilt = 0;
    for (long afterFileMs : new long[] {0, 150, 400}) {
      Path folder = Files.createTempDirectory(dir, "demo");
      Path db = folder.resolve("demo.db");
      int exit =
          killWhen(() -> Files.exists(db), afterFileMs, 20_000, "demo", "--db", db.toString());
      if (exit == 0) {
        continue; // it finished first: nothing to prove with this one
      }

      Cli.Result next = Cli.run("demo", "--db", db.toString());

      assertThat(next.code()).as(next.err()).isZero();
      if (!next.err().isBlank()) {
        rebuilt++;
        assertThat(next.err().lines())
            .singleElement()
            .asString()
            .contains("build was interrupted; it is built again from the start");
      }
      assertThat(ProjectDigest.rowCounts(db)).isEqualTo(reference);
      assertThat(StoredDecisions.integrityCheck(db)).containsExactly("ok");
    }
    assertThat(rebuilt).as("at least one kill left a half-built demo").isPositive();
  }

  @Test
  void demoNeverReplacesAFinishedProjectOrAnyOtherFile() throws Exception {
    Path own = copyOfDemo("not-demo");
    Files.delete(own);
    assertThat(Cli.run("init", "--db", own.toString()).code()).isZero();
    Path text = own.resolveSibling("notes.txt");
    Files.writeString(text, "my notes");
    Path finished = copyOfDemo("finished");
    for (Path existing : List.of(own, text, finished)) {
      byte[] before = Files.readAllBytes(existing);

      Cli.Result r = Cli.run("demo", "--db", existing.toString());

      assertThat(r.code()).as(existing.toString()).isEqualTo(1);
      assertThat(r.errorLine()).contains("the demo never overwrites a project");
      assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }
  }

  /** Makes {@code db} a version-1 project (before run_share_count) with about 40 MB to back up. */
  private static void makeLargeVersionOne(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      List<String> triggers = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name FROM sqlite_schema WHERE type = 'trigger'"
                  + " AND name LIKE 'run_share_count%'")) {
        while (rs.next()) {
          triggers.add(rs.getString(1));
        }
      }
      for (String t : triggers) {
        s.execute("DROP TRIGGER \"" + t + "\"");
      }
      s.execute("DROP TABLE run_share_count");
      // and what later versions added
      s.execute("ALTER TABLE decision DROP COLUMN made_by");
      s.execute("ALTER TABLE annotation_event DROP COLUMN made_by");
      s.execute(
          "INSERT INTO project_meta (key, value) VALUES ('padding', hex(randomblob(20000000)))");
      s.execute("PRAGMA user_version = 1");
    }
  }

  @Test
  void aKilledUpgradeLeavesNoPartialBackupAfterTheNextCommand() throws Exception {
    Path db = copyOfDemo("upgrade");
    makeLargeVersionOne(db);
    String before = ProjectDigest.of(db);
    Predicate<String> partial = n -> n.endsWith(".bak.partial");
    killWhen(
        () -> uncheckedFiles(db.getParent(), partial), 0, 20_000, "runs", "--db", db.toString());
    List<Path> left = matching(db.getParent(), partial);
    assertThat(left).as("the kill came while the backup was written").hasSize(1);
    assertThat(ProjectDigest.of(db)).isEqualTo(before); // still version 1, nothing lost

    Cli.Result next = Cli.run("runs", "--db", db.toString());

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(next.err().lines())
        .singleElement()
        .asString()
        .startsWith("note: removed " + left.get(0))
        .contains("unfinished backup of an interrupted upgrade");
    assertThat(matching(db.getParent(), partial)).isEmpty();
    List<Path> backups = matching(db.getParent(), n -> n.endsWith(".bak"));
    assertThat(backups).hasSize(1);
    assertThat(ProjectDigest.of(backups.get(0))).isEqualTo(before);
    assertThat(Cli.run("doctor", "--db", db.toString()).code()).isZero();
  }

  private static boolean uncheckedFiles(Path folder, Predicate<String> name) {
    try {
      return !matching(folder, name).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aKilledRepairIsFinishedByTheNextOne() throws Exception {
    Path db = copyOfDemo("repair");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO project_meta (key, value) VALUES ('padding', hex(randomblob(20000000)))");
      s.execute("DELETE FROM run_share_count");
      s.execute("PRAGMA foreign_keys = OFF");
      s.execute("DELETE FROM issue_search_pending");
      s.execute("INSERT INTO issue_search_pending (issue_id) VALUES (999999)");
    }
    String before = ProjectDigest.of(db);
    Predicate<String> partial = n -> n.endsWith(".bak.partial");
    killWhen(
        () -> uncheckedFiles(db.getParent(), partial),
        0,
        20_000,
        "doctor",
        "--db",
        db.toString(),
        "--repair");
    assertThat(matching(db.getParent(), partial)).hasSize(1);
    assertThat(ProjectDigest.of(db)).isEqualTo(before);

    Cli.Result next = Cli.run("doctor", "--db", db.toString(), "--repair");

    assertThat(next.code()).as(next.out() + next.err()).isZero();
    assertThat(next.out()).contains("repaired: deleted 1 orphan row(s) of issue_search_pending");
    assertThat(matching(db.getParent(), partial)).isEmpty();
    assertThat(StoredDecisions.count(db, "SELECT count(*) FROM issue_search_pending")).isZero();
    assertThat(Cli.run("doctor", "--db", db.toString()).code()).isZero();
  }
}
