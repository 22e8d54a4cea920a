package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.Mounts;
import org.labellens.testing.ProjectDigest;

/**
 * An export that runs out of disk space: the command fails with one error line, the file a previous
 * export wrote is byte-identical, no temporary file is left, the project is unchanged.
 */
class FullDiskTest {
  private Path dir;
  private Path db;

  @BeforeEach
  void createProject() throws Exception {
    dir = FastTempDir.create("export-full");
    try (Project p = ExchangeServiceTest.project(dir.resolve("p"))) {
      p.simulation().run(new SimulationService.Request("s", "a", 0.8, 1, 2), d -> {});
      db = p.file();
    }
  }

  @AfterEach
  void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  @Test
  void aFullDiskLeavesThePreviousExportAsItWas() throws Exception {
    try (Mounts mounts = new Mounts()) {
      Path small = mounts.tmpfs(dir.resolve("small"), "1m");
      Path out = small.resolve("a.jsonl");
      Cli.Result first =
          Cli.run(
              "annotations",
              "export",
              "--db",
              db.toString(),
              "--annotator",
              "a",
              "--out",
              out.toString());
      assertThat(first.code()).as(first.err()).isZero();
      byte[] previous = Files.readAllBytes(out);

      // more decisions make the next export larger than the room left
      try (Project p = Project.open(db)) {
        p.simulation().run(new SimulationService.Request("s", "a", 0.8, 1, null), d -> {});
      }
      String before = ProjectDigest.of(db);
      long free = Files.getFileStore(small).getUsableSpace();
      Files.write(small.resolve("filler"), new byte[(int) Math.max(0, free - 4096)]);

      Cli.Result r =
          Cli.run(
              "annotations",
              "export",
              "--db",
              db.toString(),
              "--annotator",
              "a",
              "--out",
              out.toString());
      assertThat(r.code()).as(r.out()).isEqualTo(1);
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.errorLine()).startsWith("error: " + out).contains("cannot write");
      assertThat(Files.readAllBytes(out)).isEqualTo(previous);
      try (Stream<Path> left = Files.list(small)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("a.jsonl", "filler");
      }
      assertThat(ProjectDigest.of(db)).isEqualTo(before);

      // with room again the export completes
      Files.delete(small.resolve("filler"));
      Cli.Result again =
          Cli.run(
              "annotations",
              "export",
              "--db",
              db.toString(),
              "--annotator",
              "a",
              "--out",
              out.toString());
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(Files.size(out)).isGreaterThan(previous.length);
    }
  }

  @Test
  void annotatingOnAFullDiskKeepsEveryCommittedDecision() throws Exception {
    try (Mounts mounts = new Mounts()) {
      Path small = mounts.tmpfs(dir.resolve("small"), "2m");
      Path project = small.resolve("p.db");
      Files.copy(db, project);
      String[] simulate = {
        "simulate", "--db", project.toString(), "--sample", "s", "--annotator", "b", "--seed", "3"
      };
      Cli.Result some = Cli.run(concat(simulate, "--limit", "3"));
      assertThat(some.code()).as(some.err()).isZero();
      long committed = events(project);
      String before = ProjectDigest.of(project);

      Path filler = small.resolve("filler");
      long free = Files.getFileStore(small).getUsableSpace();
      Files.write(filler, new byte[(int) Math.max(0, free - 4096)]);
      Cli.Result full = Cli.run(simulate);
      assertThat(full.code()).as(full.out()).isEqualTo(1);
      assertThat(full.err().lines().filter(l -> l.startsWith("error: ")))
          .singleElement()
          .asString()
          .contains("disk is full");
      // what was committed before is all there; at most the decisions committed before the disk
      // filled were added, each whole
      assertThat(events(project)).isGreaterThanOrEqualTo(committed);
      assertThat(integrityCheck(project)).isEqualTo("ok");
      if (events(project) == committed) {
        assertThat(ProjectDigest.of(project)).isEqualTo(before);
      }

      Files.delete(filler);
      Cli.Result rest = Cli.run(simulate);
      assertThat(rest.code()).as(rest.err()).isZero();
      assertThat(events(project)).isGreaterThan(committed);
      assertThat(integrityCheck(project)).isEqualTo("ok");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static long events(Path project) {
    return ProjectDigest.rowCounts(project).get("annotation_event");
  }

  private static String integrityCheck(Path file) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
