package org.labellens.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of everything a project holds: the header values that identify it ({@code
 * application_id}, {@code user_version}), the schema, and every row of every table (the full-text
 * index's own tables included), in a fixed order. Two projects with the same digest hold the same
 * data, whatever their page layout. Read through a separate read-only connection, so it can be
 * taken while the project is open in the application.
 */
public final class ProjectDigest {
  private ProjectDigest() {}

  /** The digest of the project at {@code file}. */
  public static String of(Path file) {
    return HexFormat.of().formatHex(sha256(describe(file)));
  }

  /** Rows per table, for messages when two digests differ. */
  public static Map<String, Long> rowCounts(Path file) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = connect(file);
        Statement s = c.createStatement()) {
      for (String table : tables(c)) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    return counts;
  }

  private static String describe(Path file) {
    StringBuilder sb = new StringBuilder();
    try (Connection c = connect(file);
        Statement s = c.createStatement()) {
      for (String pragma : List.of("application_id", "user_version")) {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
          sb.append(pragma).append('=').append(rs.next() ? rs.getLong(1) : 0).append('\n');
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")) {
        while (rs.next()) {
          for (int i = 1; i <= 4; i++) {
            sb.append(rs.getString(i)).append('\u0001');
          }
          sb.append('\n');
        }
      }
      for (String table : tables(c)) {
        sb.append("table ").append(table).append('\n');
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          List<String> rows = new ArrayList<>();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              if (v == null) {
                row.append("N");
              } else if (v instanceof byte[] b) {
                row.append("B").append(HexFormat.of().formatHex(b));
              } else if (v instanceof String str) {
                row.append("S").append(str.length()).append(':').append(str);
              } else {
                row.append(v.getClass().getSimpleName().charAt(0)).append(v);
              }
              row.append('\u0001');
            }
            rows.add(row.toString());
          }
          rows.sort(null);
          rows.forEach(r -> sb.append(r).append('\n'));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    return sb.toString();
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table'"
                    + " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static Connection connect(Path file) throws SQLException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(10_000);
    return DriverManager.getConnection(
        "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
