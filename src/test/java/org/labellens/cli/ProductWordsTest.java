package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labellens.service.DemoService;
import org.labellens.service.Progress;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.Mounts;

/**
 * Refusals in the product's words, never SQLite's or Java's internals: a damaged schema, a
 * directory or a device given as the project, a pipe given as input.
 */
class ProductWordsTest {
  private static Path dir;
  private static Path demo;

  @BeforeAll
  static void buildDemo() throws Exception {
    dir = FastTempDir.create("words");
    demo = dir.resolve("demo.db");
    DemoService.build(demo, Progress.NONE);
  }

  @AfterAll
  static void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  @Test
  void aRenamedColumnIsADamagedProjectThatPointsToDoctor() throws Exception {
    Path db = dir.resolve("renamed.db");
    Files.copy(demo, db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE issue RENAME COLUMN title TO heading");
    }
    byte[] before = Files.readAllBytes(db);

    Cli.Result r = Cli.run("issues", "--db", db.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .startsWith("error: " + db + ": the project is damaged (")
        .contains("no such column: title")
        .contains("run 'labellens doctor --db " + db + "'")
        .doesNotContain("StoreException");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void noSpaceLeftToOpenAProjectIsAFullDisk() throws Exception {
    try (Mounts mounts = new Mounts()) {
      Path small = mounts.tmpfs(dir.resolve("full"), "4m");
      Path db = small.resolve("p.db");
      assertThat(Cli.run("init", "--db", db.toString()).code()).isZero();
      // fill every byte that is left
      try (var out = Files.newOutputStream(small.resolve("filler"))) {
        byte[] block = new byte[4096];
        while (true) {
          out.write(block);
        }
      } catch (java.io.IOException full) {
        // no space left
      }
      byte[] before = Files.readAllBytes(db);

      Cli.Result r = Cli.run("issues", "--db", db.toString());

      assertThat(r.code()).isEqualTo(1);
      assertThat(r.errorLine())
          .startsWith("error: " + db + ": the disk is full (")
          .contains("nothing was changed");
      assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
  }

  @Test
  void aDirectoryAsTheProjectIsNamedSoWithoutAdvisingInit() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folder"));

    Cli.Result opened = Cli.run("issues", "--db", folder.toString());
    Cli.Result created = Cli.run("init", "--db", folder.toString());

    assertThat(opened.code()).isEqualTo(1);
    assertThat(opened.errorLine())
        .isEqualTo(
            "error: "
                + folder
                + ": is a directory, not a project file (give the project's file with --db)");
    assertThat(created.code()).isEqualTo(1);
    assertThat(created.errorLine()).contains("is a directory, not a project file");
    try (var files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aDeviceIsRefusedAndNothingIsCreatedNextToIt() {
    Path journal = Path.of("/dev/null-journal");
    boolean existedBefore = Files.exists(journal);

    Cli.Result init = Cli.run("init", "--db", "/dev/null");
    Cli.Result open = Cli.run("issues", "--db", "/dev/null");

    assertThat(init.code()).isEqualTo(1);
    assertThat(init.errorLine()).contains("/dev/null: not a regular file");
    assertThat(open.code()).isEqualTo(1);
    assertThat(open.errorLine()).contains("/dev/null: not a regular file");
    if (!existedBefore) {
      assertThat(journal).doesNotExist();
    }
  }

  @Test
  void aPipeAsImportInputNamesTheRealCause() throws Exception {
    Path db = dir.resolve("pipe.db");
    Files.copy(demo, db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path fifo = dir.resolve("issues.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
    byte[] before = Files.readAllBytes(db);

    Cli.Result r = Cli.run("import", fifo.toString(), "--db", db.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .contains(fifo + ": not a regular file but a pipe or device")
        .contains("Save it to a file first")
        .doesNotContain("no such file");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
  }
}
