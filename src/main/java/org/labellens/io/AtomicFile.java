package org.labellens.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.labellens.core.BadInputException;

/**
 * Writes a file all at once or not at all: the content goes to a temporary sibling that is moved
 * into place only when complete. A failure at any point deletes the temporary file and leaves the
 * destination as it was (absent, or the previous version). The destination's directory must exist.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes UTF-8 text to {@code target}.
   *
   * @throws BadInputException naming the file and the reason when it cannot be written
   */
  public static void write(Path target, Content content) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(
          target + ": cannot write: the directory " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new BadInputException(target + ": cannot write: it is a directory");
    }
    Path temp;
    try {
      temp =
          dir.getFileSystem().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  dir,
                  "." + abs.getFileName(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-r--r--")))
              : Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    } catch (IOException e) {
      throw failure(target, e);
    }
    boolean moved = false;
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        content.writeTo(out);
      }
      // on disk before it takes the old file's place: after a crash right after the move, the
      // final name must not show an empty or partial file
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw failure(target, e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a hidden temporary file is all that can be left
        }
      }
    }
  }

  private static BadInputException failure(Path target, IOException e) {
    String why;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      why = "no such directory";
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      why = fse.getReason();
    } else {
      why = String.valueOf(e.getMessage());
    }
    return new BadInputException(target + ": cannot write: " + why + "; nothing was written", e);
  }
}
