package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.Notices;
import org.labellens.testing.FastTempDir;

/** The one way files are written: all or nothing, leftovers of killed writers removed. */
class AtomicFileTest {
  private Path dir;

  @BeforeEach
  void create() throws IOException {
    dir = FastTempDir.create("atomic");
  }

  @AfterEach
  void remove() throws IOException {
    FastTempDir.delete(dir);
  }

  @Test
  void noClobberNeverReplacesAFileThatAppearsWhileTheOutputIsWritten() throws IOException {
    Path out = dir.resolve("out.csv");
    try (AtomicFile f = AtomicFile.open(out, true)) {
      f.stream().write("new".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Files.writeString(out, "someone else's");

      assertThatThrownBy(f::commit).hasMessageContaining("--no-clobber");
    }
    assertThat(Files.readString(out)).isEqualTo("someone else's");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void aFullDiskIsSaidInWords() {
    assertThat(
            AtomicFile.failure(Path.of("out.csv"), new IOException("No space left on device"))
                .getMessage())
        .isEqualTo("out.csv: cannot write: the disk is full; nothing was written");
  }

  @Test
  void aFailedWriteLeavesNothingAndTheOldFileAsItWas() throws IOException {
    Path out = dir.resolve("out.csv");
    Files.writeString(out, "old");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    out,
                    w -> {
                      w.write("half");
                      throw new IOException("No space left on device");
                    }))
        .hasMessageContaining("the disk is full");

    assertThat(Files.readString(out)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void anUnlockedTemporarySiblingIsRemovedWithANoticeAndAHeldOneIsKept() throws IOException {
    Path out = dir.resolve("out.csv");
    Path leftover = dir.resolve(".out.csv4242424242.tmp");
    Files.writeString(leftover, "half an export");
    StringBuilder notices = new StringBuilder();
    try (AtomicFile held = AtomicFile.open(dir.resolve("other.csv"), false);
        Notices.Handle h = Notices.to(l -> notices.append(l).append('\n'))) {
      // the open writer's own temporary file is in use: not a leftover
      assertThat(AtomicFile.unfinishedOutputs(dir)).containsExactly(leftover);

      AtomicFile.write(out, w -> w.write("new"));
      AtomicFile.write(dir.resolve("other.csv"), w -> w.write("x"));

      held.stream().write('y');
      held.commit();
    }
    assertThat(leftover).doesNotExist();
    assertThat(notices.toString()).contains("removed " + leftover).hasLineCount(1);
    assertThat(Files.readString(out)).isEqualTo("new");
    assertThat(Files.readString(dir.resolve("other.csv"))).isEqualTo("y");
  }
}
