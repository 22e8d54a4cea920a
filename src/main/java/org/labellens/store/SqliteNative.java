package org.labellens.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver's native library, extracted once by the build instead of at every start.
 *
 * <p>By default the driver copies its native library out of the jar into the temporary directory
 * each time a JVM first uses it (about a tenth of a second of CPU, and a file written and deleted
 * per command). {@code mvn package} runs {@link #main} to extract the library of this machine into
 * {@code target/sqlite-native/<driver version>/<os>-<arch>/}; when that file exists next to the
 * running jar (or classes directory), the driver is told to load it from there ({@code
 * org.sqlite.lib.path} and {@code org.sqlite.lib.name}). When it is missing, or the user set those
 * properties, nothing changes; and a library the driver cannot load makes it fall back to its
 * default. The driver version in the path keeps a library of another version from being used.
 */
public final class SqliteNative {
  static final String DIRECTORY = "sqlite-native";

  private SqliteNative() {}

  /**
   * Points the driver at the extracted library, if there is one; call before the first connection.
   */
  static void preferExtracted() {
    if (System.getProperty("org.sqlite.lib.path") != null
        || System.getProperty("org.sqlite.lib.name") != null) {
      return;
    }
    try {
      Path base = codeDirectory();
      if (base == null) {
        return;
      }
      Path lib = library(base.resolve(DIRECTORY));
      if (Files.isRegularFile(lib)) {
        System.setProperty("org.sqlite.lib.path", lib.getParent().toString());
        System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
      }
    } catch (RuntimeException | Error e) {
      // anything odd about the location: the driver's default is always there
    }
  }

  /**
   * Where this machine's library goes under {@code root}: by driver version, and by the JVM's
   * {@code os.name} and {@code os.arch}. Not by the driver's own platform folder: finding that
   * starts a process ({@code uname -o}) at every start, which is part of what this avoids.
   */
  static Path library(Path root) {
    return root.resolve(SQLiteJDBCLoader.getVersion())
        .resolve(safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")))
        .resolve(LibraryLoaderUtil.getNativeLibName());
  }

  private static String safe(String s) {
    return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The directory holding the jar, or the classes directory's parent; null if unknown. */
  private static Path codeDirectory() {
    try {
      var source = SqliteNative.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI());
      return p.getParent();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }

  /**
   * Extracts this machine's library from the driver's jar into {@code args[0]} (the build passes
   * {@code target/sqlite-native}); written to a temporary file and moved into place.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: SqliteNative DIR");
    }
    Path target = library(Path.of(args[0]));
    String folder = LibraryLoaderUtil.getNativeLibResourcePath();
    String resource =
        (folder.startsWith("/") ? "" : "/") + folder + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        System.err.println(
            "no SQLite native library for this machine in the driver (" + resource + ")");
        return;
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "lib", ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
