package org.labellens.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.labellens.io.AtomicFile;

/**
 * Files written outside a project's use cases (window screenshots): through the same checks and
 * atomic replacement as every other output (io/AtomicFile, io/OutputTarget).
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Writes bytes. */
  @FunctionalInterface
  public interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} all at once or not at all; never a project or one of its files; with
   * {@code noClobber}, never over an existing file.
   *
   * @throws org.labellens.core.BadInputException naming the file and the reason
   */
  public static void write(Path target, boolean noClobber, Bytes content) {
    AtomicFile.writeBytes(target, noClobber, content::writeTo);
  }
}
