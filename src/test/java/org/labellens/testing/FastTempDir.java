package org.labellens.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary directories in memory ({@code /dev/shm}) where the machine has it, so that tests which
 * open and close a project hundreds of times do not wait for the disk to sync each time; elsewhere
 * the ordinary temporary directory.
 */
public final class FastTempDir {
  private static final Path SHM = Path.of("/dev/shm");

  private FastTempDir() {}

  public static Path create(String prefix) throws IOException {
    if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
      try {
        return Files.createTempDirectory(SHM, prefix);
      } catch (IOException e) {
        // fall through to the ordinary temporary directory
      }
    }
    return Files.createTempDirectory(prefix);
  }

  public static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
