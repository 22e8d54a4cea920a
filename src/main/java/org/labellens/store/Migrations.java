package org.labellens.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.labellens.core.BadInputException;
import org.labellens.core.Notices;

/**
 * Upgrades a project from an older schema version, one versioned script at a time ({@code
 * migrations/V<n>.sql} takes version n-1 to n), in one transaction, after a backup copy of the file
 * has been written next to it. A project is never upgraded without its backup.
 *
 * <p>The order matters for a person who loses power or disk space half-way: every script is found
 * before anything is written; the backup is written under a temporary name, checked, synced and
 * only then given its final name ({@code <file>.v<old>-<stamp>.bak}), so a {@code .bak} file is
 * always complete; the upgrade itself is one transaction, so the project is either still at the old
 * version or entirely at the new one.
 */
final class Migrations {
  /** Upgrade scripts by the version they lead to. */
  @FunctionalInterface
  interface Scripts {
    /** The script that takes version {@code version - 1} to {@code version}, or null if none. */
    String script(int version) throws IOException;
  }

  /** The scripts this build ships: {@code migrations/V<n>.sql} next to this class. */
  static final Scripts PACKAGED =
      version -> {
        try (InputStream in =
            Migrations.class.getResourceAsStream("migrations/V" + version + ".sql")) {
          return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      };

  private Migrations() {}

  /**
   * Upgrades {@code file} from version {@code from} to {@code to} and returns the backup written
   * first.
   */
  static Path upgrade(Path file, int from, int to, Scripts scripts) {
    List<String> steps = new ArrayList<>();
    for (int v = from + 1; v <= to; v++) {
      String sql;
      try {
        sql = scripts.script(v);
      } catch (IOException e) {
        throw new BadInputException(
            file + ": cannot read the upgrade to schema version " + v + ": " + e.getMessage(), e);
      }
      if (sql == null) {
        throw new BadInputException(
            file
                + ": no upgrade from schema version "
                + (v - 1)
                + " is known to this build; the file was not changed");
      }
      steps.add(sql);
    }
    Path backup = null;
    List<String> notes = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
        // the write lock is held from before the backup to the end of the upgrade: a second
        // process waits, then finds the file upgraded; and a .bak.partial found while holding it
        // is a leftover of a killed upgrade, never one being written
        s.execute("BEGIN IMMEDIATE");
        try {
          // another process may have upgraded the file since it was opened
          if (userVersion(s) == from) {
            removePartialBackups(file);
            backup = backup(file, from);
            for (int i = 0; i < steps.size(); i++) {
              notes.addAll(javaStep(from + 1 + i, c));
              s.executeUpdate(steps.get(i));
            }
            s.execute("PRAGMA user_version = " + to);
          }
          s.execute("COMMIT");
          for (String note : notes) {
            // at upgrade time only, for the person whose project it is
            Notices.say("note: upgrade of " + file.getFileName() + ": " + note);
          }
        } catch (SQLException e) {
          try {
            s.execute("ROLLBACK");
          } catch (SQLException ignored) {
            // SQLite may have rolled back already; the first error is the one to report
          }
          throw e;
        }
      }
    } catch (SQLException e) {
      RuntimeException described = Database.describe(file, e);
      throw new BadInputException(
          described.getMessage()
              + "; the upgrade from schema version "
              + from
              + " was rolled back"
              + (backup == null
                  ? ""
                  : " (a copy from before it is in " + backup.getFileName() + ")"),
          e);
    }
    return backup;
  }

  /** {@code <file>.v<n>-<stamp>[-k].bak.partial}: a backup that was being written. */
  static Pattern partialBackups(Path file) {
    return Pattern.compile(
        Pattern.quote(file.getFileName().toString())
            + "\\.v\\d+-[0-9A-Za-z.]+(-\\d+)?\\.bak\\.partial");
  }

  /**
   * Removes the partial backups of killed upgrades of {@code file} (called with the project's write
   * lock held, so that none is being written), with a notice for each.
   */
  static List<Path> removePartialBackups(Path file) {
    Pattern partial = partialBackups(file);
    List<Path> removed = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    try (DirectoryStream<Path> found =
        Files.newDirectoryStream(dir, p -> partial.matcher(p.getFileName().toString()).matches())) {
      for (Path p : found) {
        long size = Files.size(p);
        Files.delete(p);
        removed.add(p);
        Notices.say(
            "note: removed "
                + p
                + String.format(java.util.Locale.ROOT, " (%,d bytes)", size)
                + ", the unfinished backup of an interrupted upgrade");
      }
    } catch (IOException e) {
      // one that stays is removed next time; the upgrade does not depend on it
    }
    return removed;
  }

  /**
   * What an upgrade to {@code version} does in Java before its script, in the same transaction;
   * returns what the person should be told.
   */
  static List<String> javaStep(int version, Connection c) throws SQLException {
    if (version == 3) {
      // the case-insensitive repositories part of version 3: merge, then V3.sql adds the index
      return RepositoryCaseMerge.run(c);
    }
    return List.of();
  }

  /**
   * Writes a complete, checked, synced copy of {@code file} next to it, or nothing: a copy that
   * fails half-way (a full disk) is removed.
   */
  static Path backup(Path file, int version) {
    Path backup = backupPath(file, version);
    Path partial = backup.resolveSibling(backup.getFileName() + ".partial");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
      Files.deleteIfExists(partial);
      s.execute("VACUUM INTO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
      check(partial);
      try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
      return backup;
    } catch (SQLException | IOException e) {
      deleteQuietly(partial);
      String why =
          e instanceof SQLException sql ? Database.describe(file, sql).getMessage() : e.toString();
      throw new BadInputException(
          file
              + ": the project needs an upgrade from schema version "
              + version
              + ", and its backup could not be written first ("
              + why
              + "); nothing was changed",
          e);
    }
  }

  private static void check(Path copy) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String result = rs.next() ? rs.getString(1) : "no result";
      if (!"ok".equals(result)) {
        throw new SQLException("the copy fails its check: " + result + " (SQLITE_CORRUPT)");
      }
    }
  }

  private static int userVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** {@code <file>.v<version>-<UTC stamp>.bak}, made unique if a backup of that name exists. */
  static Path backupPath(Path file, int version) {
    String stamp = Instant.now().toString().replace(":", "").replace("-", "");
    String base = file.getFileName() + ".v" + version + "-" + stamp;
    Path backup = file.resolveSibling(base + ".bak");
    for (int n = 2; Files.exists(backup); n++) {
      backup = file.resolveSibling(base + "-" + n + ".bak");
    }
    return backup;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the name ends in .partial, never .bak
    }
  }
}
