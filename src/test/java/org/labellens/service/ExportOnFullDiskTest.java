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
class ExportOnFullDiskTest {
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
}
