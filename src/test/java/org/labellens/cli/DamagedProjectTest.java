package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.Issue;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.Mounts;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.TestIssues;

/**
 * An unusual project file through the command line (damaged ones: {@link DamagedProjectFuzzTest}):
 * a newer schema, a read-only file or directory, a disk that fills up during an import, output that
 * cannot be written. Every command ends with exit 0, or exit 1 and one {@code error:} line that is
 * the product's message; a command that fails leaves the project file as it found it.
 */
class DamagedProjectTest {
  private Path dir;
  private Path db;
  private final List<Issue> issues = TestIssues.make(150, 21);

  @BeforeEach
  void createProject() throws Exception {
    dir = FastTempDir.create("damaged");
    db = dir.resolve("p.db");
    ok(Cli.run("init", "--db", db.toString()));
    Path dump = TestIssues.write(dir, "dump.jsonl", TestIssues.jsonl(issues));
    ok(Cli.run("import", dump.toString(), "--db", db.toString()));
  }

  @AfterEach
  void remove() throws IOException {
    FastTempDir.delete(dir);
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  /** Exit 0, or exit 1 with the product's one-line message about {@code file}. */
  private static void cleanOutcome(Cli.Result r, Path file, String what) {
    assertThat(r.code()).as(what + ": " + r.err()).isIn(0, 1);
    if (r.code() == 1) {
      assertThat(r.err().lines()).as(what + ": " + r.err()).hasSize(1);
      assertThat(r.errorLine()).as(what).startsWith("error: " + file);
      assertThat(r.errorLine())
          .as(what + ": not the product's own message")
          .doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
    }
  }

  private Path more() throws IOException {
    return TestIssues.write(dir, "more.jsonl", TestIssues.jsonl(TestIssues.make(20, 77)));
  }

  @Test
  void aProjectFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 42");
    }
    byte[] before = Files.readAllBytes(db);
    for (String[] command :
        new String[][] {
          {"issues", "--db", db.toString()}, {"import", more().toString(), "--db", db.toString()}
        }) {
      Cli.Result r = Cli.run(command);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.errorLine())
          .startsWith("error: " + db)
          .contains("newer LabelLens")
          .contains("42");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aReadOnlyProjectFileCanBeReadButNotChanged() throws Exception {
    String listed = ok(Cli.run("issues", "--db", db.toString(), "--format", "jsonl")).out();
    byte[] before = Files.readAllBytes(db);
    try (Mounts mounts = new Mounts()) {
      mounts.readOnlyFile(db);
      Cli.Result r = Cli.run("issues", "--db", db.toString(), "--format", "jsonl");
      cleanOutcome(r, db, "issues on a read-only file");
      assertThat(r.out()).isEqualTo(listed);
      Cli.Result i = Cli.run("import", more().toString(), "--db", db.toString());
      assertThat(i.code()).isEqualTo(1);
      cleanOutcome(i, db, "import into a read-only file");
      assertThat(i.errorLine()).contains("read-only");
      assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
  }

  @Test
  void aProjectInAReadOnlyDirectoryCanBeReadButNotChanged() throws Exception {
    String listed = ok(Cli.run("issues", "--db", db.toString(), "--format", "jsonl")).out();
    Path ro = dir.resolve("ro");
    Files.createDirectories(ro);
    Path project = ro.resolve("p.db");
    Files.copy(db, project);
    byte[] before = Files.readAllBytes(project);
    try (Mounts mounts = new Mounts()) {
      mounts.readOnlyDirectory(ro);
      Cli.Result r = Cli.run("issues", "--db", project.toString(), "--format", "jsonl");
      cleanOutcome(r, project, "issues in a read-only directory");
      assertThat(r.out()).isEqualTo(listed);
      Cli.Result i = Cli.run("import", more().toString(), "--db", project.toString());
      assertThat(i.code()).isEqualTo(1);
      cleanOutcome(i, project, "import in a read-only directory");
      assertThat(i.errorLine()).contains("read-only");
      assertThat(Files.readAllBytes(project)).isEqualTo(before);
      Cli.Result init = Cli.run("init", "--db", ro.resolve("new.db").toString());
      assertThat(init.code()).isEqualTo(1);
      assertThat(init.err().lines()).hasSize(1);
      assertThat(init.errorLine()).startsWith("error: " + ro.resolve("new.db"));
    }
  }

  @Test
  void aDiskThatFillsUpDuringAnImportLosesNothing() throws Exception {
    try (Mounts mounts = new Mounts()) {
      Path small = mounts.tmpfs(dir.resolve("small"), "6m");
      Path project = small.resolve("p.db");
      Files.copy(db, project);
      long free = Files.getFileStore(small).getUsableSpace();
      Path filler = small.resolve("filler");
      Files.write(filler, new byte[(int) Math.max(0, free - (512 << 10))]);
      String before = ProjectDigest.of(project);
      byte[] bytes = Files.readAllBytes(project);

      // about 2 MB of new issues: more than the room left
      List<Issue> big = new ArrayList<>();
      for (Issue i : TestIssues.make(400, 5)) {
        big.add(
            new Issue(
                i.repo(),
                i.number() + 100_000,
                i.framework(),
                i.title(),
                i.body().repeat(20) + "x".repeat(4000),
                i.labels(),
                i.state(),
                i.createdAt(),
                i.closedAt(),
                i.url(),
                i.author(),
                i.comments()));
      }
      Path dump = TestIssues.write(dir, "big.jsonl", TestIssues.jsonl(big));
      Cli.Result r = Cli.run("import", dump.toString(), "--db", project.toString());
      assertThat(r.code()).as(r.out()).isEqualTo(1);
      cleanOutcome(r, project, "import on a full disk");
      assertThat(r.errorLine()).contains("disk is full").contains("nothing was changed");
      assertThat(ProjectDigest.of(project)).isEqualTo(before);
      assertThat(Files.readAllBytes(project)).isEqualTo(bytes);

      // with room again, the same import works and the project is sound
      Files.delete(filler);
      ok(Cli.run("import", dump.toString(), "--db", project.toString()));
      assertThat(integrityCheck(project)).isEqualTo("ok");
      assertThat(ProjectDigest.rowCounts(project)).containsEntry("issue", 550L);
    }
  }

  @Test
  void outputThatCannotBeWrittenIsAnError() {
    StringWriter err = new StringWriter();
    OutputStream full =
        new OutputStream() {
          long written;

          @Override
          public void write(int b) throws IOException {
            if (++written > 10_000) {
              throw new IOException("No space left on device");
            }
          }
        };
    PrintWriter out = new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8));
    int code =
        CliMain.execute(
            new String[] {"issues", "--db", db.toString(), "--format", "jsonl"},
            out,
            new PrintWriter(err),
            r -> {
              throw new IllegalStateException("no window");
            });
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("output could not be written");
  }

  @Test
  void outputToAFullDeviceIsAnErrorForTheLaunchedProgram() throws Exception {
    Path devFull = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(devFull), "no /dev/full here");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.labellens.Launcher",
                "issues",
                "--db",
                db.toString(),
                "--format",
                "jsonl")
            .redirectOutput(devFull.toFile())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isEqualTo(1);
    assertThat(err.lines().filter(l -> !l.startsWith("WARNING") && !l.startsWith("SLF4J")))
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("output could not be written");
  }

  private static String integrityCheck(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
