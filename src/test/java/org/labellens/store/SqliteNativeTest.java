package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeTest {
  @Test
  void extractsThisMachinesLibraryUnderTheDriverVersionByteForByte(@TempDir Path dir)
      throws Exception {
    SqliteNative.main(new String[] {dir.toString()});
    Path lib = SqliteNative.library(dir);
    assertThat(lib.startsWith(dir.resolve(SQLiteJDBCLoader.getVersion()))).isTrue();
    assertThat(lib.getFileName().toString()).isEqualTo(LibraryLoaderUtil.getNativeLibName());
    String folder = LibraryLoaderUtil.getNativeLibResourcePath();
    String resource =
        (folder.startsWith("/") ? "" : "/") + folder + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
    }
    try (var files = Files.list(lib.getParent())) {
      assertThat(files).containsExactly(lib); // no temporary file left behind
    }
    // extracting again (a rebuild) replaces it in place
    SqliteNative.main(new String[] {dir.toString()});
    assertThat(Files.size(lib)).isPositive();
  }

  @Test
  void leavesTheDriverSettingsAloneWhenTheUserGaveThem() {
    String path = System.getProperty("org.sqlite.lib.path");
    String name = System.getProperty("org.sqlite.lib.name");
    try {
      System.setProperty("org.sqlite.lib.path", "/somewhere/else");
      System.clearProperty("org.sqlite.lib.name");
      SqliteNative.preferExtracted();
      assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/somewhere/else");
      assertThat(System.getProperty("org.sqlite.lib.name")).isNull();
    } finally {
      restore("org.sqlite.lib.path", path);
      restore("org.sqlite.lib.name", name);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
