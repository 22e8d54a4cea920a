package org.labellens.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labellens.core.BadInputException;

/**
 * What {@code labellens doctor} examines inside a project file, and the repairs that are safe: it
 * opens the file itself (never upgrading it) so that it can look at projects every other command
 * refuses. Checks: the header (a LabelLens project, a known schema version), {@code PRAGMA
 * integrity_check}, the expected tables and columns of this schema version, {@code PRAGMA
 * foreign_key_check} (rows whose parent is gone, such as a sample whose classifier run is gone),
 * and partial backups of killed upgrades. Repairs, after a backup: removing those partial backups
 * and the orphan rows of derived tables (a run's items, predictions, evidence and share counts, the
 * search queue), which the program can compute again. Orphan annotations, decisions and samples are
 * people's work and are only reported. See docs/decisions/0011-output-safety-and-doctor.md.
 */
public final class ProjectCheck {
  /** Tables whose rows are derived from others: an orphan there can go. */
  static final Set<String> DERIVED =
      Set.of("run_item", "prediction", "evidence", "run_share_count", "issue_search_pending");

  private ProjectCheck() {}

  /** One problem found. */
  public record Finding(String kind, String detail, boolean repairable) {}

  /** What was found and, with a repair, what was done. */
  public record Result(
      Path file, int schemaVersion, List<Finding> findings, List<String> repaired, Path backup) {}

  /** Examines {@code file}; with {@code repair}, repairs what is safe after writing a backup. */
  public static Result run(Path file, boolean repair) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory, not a project file");
    }
    if (!Files.exists(file)) {
      throw new BadInputException(file + ": no such project");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": not a regular file (a device, pipe or socket)");
    }
    List<Finding> findings = new ArrayList<>();
    List<String> repaired = new ArrayList<>();
    int expected = Schema.packaged().version();
    if (!hasSqliteHeader(file)) {
      findings.add(new Finding("header", "not an SQLite database (the header is missing)", false));
      return new Result(file, -1, findings, repaired, null);
    }
    int version = -1;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + Database.BUSY_TIMEOUT_MS);
      if (pragmaInt(s, "application_id") != Database.APPLICATION_ID) {
        findings.add(
            new Finding("header", "an SQLite database, but not a LabelLens project", false));
        return new Result(file, -1, findings, repaired, null);
      }
      version = pragmaInt(s, "user_version");
      if (version > expected) {
        findings.add(
            new Finding(
                "version",
                "schema version "
                    + version
                    + " is newer than this build knows ("
                    + expected
                    + "); update LabelLens",
                false));
        return new Result(file, version, findings, repaired, null);
      }
      boolean sound = integrity(s, findings);
      if (version == expected) {
        schema(c, findings);
      }
      Map<String, List<Long>> orphans = sound ? orphans(s) : Map.of();
      for (Map.Entry<String, List<Long>> e : orphans.entrySet()) {
        boolean derived = DERIVED.contains(e.getKey());
        findings.add(
            new Finding(
                "orphans",
                e.getValue().size()
                    + " row(s) of "
                    + e.getKey()
                    + " refer to rows that are gone"
                    + (derived ? "" : " (people's work: kept; restore a backup to recover them)"),
                derived));
      }
      List<Path> partials = partialBackups(file);
      for (Path p : partials) {
        findings.add(
            new Finding(
                "leftover",
                p.getFileName() + ": the unfinished backup of an interrupted upgrade",
                true));
      }
      boolean anyRepairable = findings.stream().anyMatch(Finding::repairable);
      if (!repair || !anyRepairable) {
        return new Result(file, version, findings, repaired, null);
      }
      if (!sound) {
        throw new BadInputException(
            file
                + ": the file fails its integrity check; doctor repairs nothing in a damaged file."
                + " Restore it from a backup (see docs/robustness.md)");
      }
      // deleting an orphan run item takes its predictions and evidence with it
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("BEGIN IMMEDIATE");
      Path backup;
      try {
        backup = Migrations.backup(file, version);
        for (Path p : Migrations.removePartialBackups(file)) {
          repaired.add("removed " + p.getFileName());
        }
        for (Map.Entry<String, List<Long>> e : orphans.entrySet()) {
          if (DERIVED.contains(e.getKey())) {
            try (PreparedStatement del =
                c.prepareStatement("DELETE FROM \"" + e.getKey() + "\" WHERE rowid = ?")) {
              for (long rowid : e.getValue()) {
                del.setLong(1, rowid);
                del.executeUpdate();
              }
            }
            repaired.add("deleted " + e.getValue().size() + " orphan row(s) of " + e.getKey());
          }
        }
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // already rolled back
        }
        throw e;
      }
      return new Result(file, version, findings, repaired, backup);
    } catch (SQLException e) {
      RuntimeException described = Database.describe(file, e);
      String m = String.valueOf(described.getMessage());
      if (m.contains(": the project is damaged (")) {
        // SQLite gave up reading the file's structure: that is the integrity check's answer
        findings.add(
            new Finding(
                "integrity",
                String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", " ")
                    + "; doctor repairs nothing in a damaged file: restore a backup",
                false));
      } else {
        findings.add(new Finding("open", m, false));
      }
      return new Result(file, version, findings, repaired, null);
    }
  }

  private static boolean hasSqliteHeader(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(16);
      return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
          .equals("SQLite format 3\0");
    } catch (IOException e) {
      return false;
    }
  }

  /** Adds what integrity_check reports (up to 20 lines); whether the file is sound. */
  private static boolean integrity(Statement s, List<Finding> findings) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("PRAGMA integrity_check(20)")) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line);
        }
      }
    }
    for (String p : problems) {
      findings.add(new Finding("integrity", p.replaceAll("\\p{Cntrl}", " "), false));
    }
    return problems.isEmpty();
  }

  /** Adds the tables and columns of this build's schema that the file lacks. */
  private static void schema(Connection c, List<Finding> findings) throws SQLException {
    Map<String, Set<String>> want;
    try (Connection mem = expectedSchema();
        Statement s = mem.createStatement()) {
      want = columnsOf(s);
    }
    Map<String, Set<String>> have;
    try (Statement s = c.createStatement()) {
      have = columnsOf(s);
    }
    for (Map.Entry<String, Set<String>> t : want.entrySet()) {
      Set<String> found = have.get(t.getKey());
      if (found == null) {
        findings.add(new Finding("schema", "table " + t.getKey() + " is missing", false));
        continue;
      }
      for (String col : t.getValue()) {
        if (!found.contains(col)) {
          findings.add(
              new Finding("schema", "column " + t.getKey() + "." + col + " is missing", false));
        }
      }
    }
  }

  private static Connection expectedSchema() throws SQLException {
    Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:");
    try (Statement s = mem.createStatement()) {
      s.executeUpdate(Schema.packaged().sql());
    }
    return mem;
  }

  private static Map<String, Set<String>> columnsOf(Statement s) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name NOT LIKE 'issue_search_%' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    Map<String, Set<String>> out = new TreeMap<>();
    for (String t : tables) {
      Set<String> cols = new LinkedHashSet<>();
      try (ResultSet rs =
          s.executeQuery("PRAGMA table_info(\"" + t.replace("\"", "\"\"") + "\")")) {
        while (rs.next()) {
          cols.add(rs.getString("name"));
        }
      }
      out.put(t, cols);
    }
    return out;
  }

  /** The rowids that foreign_key_check reports, by table. */
  private static Map<String, List<Long>> orphans(Statement s) throws SQLException {
    Map<String, List<Long>> out = new LinkedHashMap<>();
    try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
      }
    }
    return out;
  }

  private static List<Path> partialBackups(Path file) {
    java.util.regex.Pattern p = Migrations.partialBackups(file);
    List<Path> out = new ArrayList<>();
    try (var found =
        Files.newDirectoryStream(
            file.toAbsolutePath().getParent(),
            f -> p.matcher(f.getFileName().toString()).matches())) {
      found.forEach(out::add);
    } catch (IOException e) {
      // nothing to report then
    }
    return out;
  }

  private static int pragmaInt(Statement s, String pragma) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
