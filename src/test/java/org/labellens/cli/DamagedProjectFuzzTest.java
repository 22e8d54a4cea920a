package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.FuzzBudget;
import org.labellens.testing.TestIssues;

/**
 * Damaged project files through the command line: random bytes written over a valid project, and
 * projects cut short. SQLite has no checksums, so some damage goes unnoticed (a changed letter in a
 * body); what is required is that every command ends with exit 0, or exit 1 and one {@code error:}
 * line that is the product's message (the file is damaged, restore a backup), and that a command
 * which fails leaves the file exactly as it found it.
 */
@AddLifecycleHook(FuzzBudget.class)
class DamagedProjectFuzzTest {
  private static Path dir;
  private static byte[] pristine;
  private static Path more;
  private static Path damaged;

  @BeforeContainer
  static void createProject() throws IOException {
    dir = FastTempDir.create("damaged-fuzz");
    Path db = dir.resolve("p.db");
    ok(Cli.run("init", "--db", db.toString()));
    Path dump = TestIssues.write(dir, "dump.jsonl", TestIssues.jsonl(TestIssues.make(150, 21)));
    ok(Cli.run("import", dump.toString(), "--db", db.toString()));
    Path labels =
        TestIssues.write(
            dir,
            "labels.jsonl",
            TestIssues.jsonl(TestIssues.make(150, 21))
                .replace("\"labels\": ", "\"cls\": [\"gpu\"], \"labels\": "));
    ok(
        Cli.run(
            "import",
            labels.toString(),
            "--db",
            db.toString(),
            "--label-field",
            "cls",
            "--run",
            "outside"));
    // the search index is built now, so damage can hit it and trials do not rebuild it
    ok(Cli.run("issues", "--db", db.toString(), "--where", "text ~ memory"));
    pristine = Files.readAllBytes(db);
    more = TestIssues.write(dir, "more.jsonl", TestIssues.jsonl(TestIssues.make(20, 77)));
    damaged = dir.resolve("damaged.db");
  }

  @AfterContainer
  static void remove() throws IOException {
    FastTempDir.delete(dir);
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Property(tries = 12, seed = "20251213", edgeCases = EdgeCasesMode.NONE)
  void overwrittenBytesGiveCleanErrorsAndFailedCommandsChangeNothing(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where,
      @ForAll @IntRange(min = 1, max = 8192) int length,
      @ForAll long noise)
      throws IOException {
    byte[] bytes = pristine.clone();
    int at = 100 + (int) (where * (bytes.length - 100)); // past the header the open checks read
    Random rnd = new Random(noise);
    for (int i = at; i < Math.min(bytes.length, at + length); i++) {
      bytes[i] = (byte) rnd.nextInt(256);
    }
    everyCommandEndsCleanly(bytes);
  }

  @Property(tries = 8, seed = "20251214", edgeCases = EdgeCasesMode.NONE)
  void aCutFileGivesCleanErrors(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double keep) throws IOException {
    byte[] bytes = new byte[(int) (keep * pristine.length)];
    System.arraycopy(pristine, 0, bytes, 0, bytes.length);
    everyCommandEndsCleanly(bytes);
  }

  @Example
  void cutsAtTheEdgesOfTheHeaderGiveCleanErrors() throws IOException {
    for (int size : new int[] {0, 1, 99, 100, 101, 4095, 4096, 4097, pristine.length - 1}) {
      byte[] bytes = new byte[size];
      System.arraycopy(pristine, 0, bytes, 0, size);
      everyCommandEndsCleanly(bytes);
    }
    Files.write(damaged, new byte[0]);
    assertThat(Cli.run("issues", "--db", damaged.toString()).errorLine())
        .contains("not a LabelLens project");
  }

  /** Runs the commands a person would run on the damaged file; each must end cleanly. */
  private static void everyCommandEndsCleanly(byte[] content) throws IOException {
    Files.write(damaged, content);
    Files.deleteIfExists(dir.resolve("damaged.db-wal"));
    Files.deleteIfExists(dir.resolve("damaged.db-shm"));
    String db = damaged.toString();
    String[][] commands = {
      {"issues", "--db", db, "--format", "jsonl"},
      {"issues", "--db", db, "--run", "outside", "--where", "label = bug and number > 150"},
      {"issues", "--db", db, "--where", "text ~ memory", "--format", "csv"},
      {"import", more.toString(), "--db", db},
    };
    for (String[] command : commands) {
      byte[] before = Files.readAllBytes(damaged);
      Cli.Result r = Cli.run(command);
      String what = String.join(" ", command).replace(db, "DB");
      Statistics.label(command[0] + (command.length > 5 ? " " + command[4] : ""))
          .collect(r.code() == 0 ? "ok" : "refused");
      assertThat(r.code()).as(what + ": " + r.err()).isIn(0, 1);
      if (r.code() == 1) {
        assertThat(r.err().lines()).as(what + ": " + r.err()).hasSize(1);
        assertThat(r.errorLine()).as(what).startsWith("error: " + db);
        assertThat(r.errorLine())
            .as(what + ": not the product's own message")
            .doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
        assertThat(Files.readAllBytes(damaged))
            .as(what + ": a failed command changed the file")
            .isEqualTo(before);
      }
    }
  }
}
