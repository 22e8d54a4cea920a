package org.labellens.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.labellens.core.BadInputException;

/**
 * Upgrades a project from an older schema version, one versioned script at a time ({@code
 * migrations/V<n>.sql} takes version n-1 to n), in one transaction, after a backup copy of the file
 * has been written next to it. A project is never upgraded without its backup.
 */
final class Migrations {
  private Migrations() {}

  static void upgrade(Path file, int from, int to) {
    Path backup = backupPath(file, from);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
        s.execute("VACUUM INTO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (int v = from + 1; v <= to; v++) {
          s.executeUpdate(script(file, v));
        }
        s.execute("PRAGMA user_version = " + to);
      }
      c.commit();
    } catch (SQLException e) {
      throw Database.describe(file, e);
    }
  }

  static Path backupPath(Path file, int version) {
    String stamp = Instant.now().toString().replace(":", "").replace("-", "");
    return file.resolveSibling(file.getFileName() + ".v" + version + "-" + stamp + ".bak");
  }

  private static String script(Path file, int version) {
    String name = "migrations/V" + version + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new BadInputException(
            file + ": no upgrade from schema version " + (version - 1) + " is known to this build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read upgrade script " + name, e);
    }
  }
}
