package org.labellens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a project file holds, read with plain SQL on a connection of its own (not through the
 * product's store), for tests that check a file another process wrote or was killed writing.
 */
public final class StoredDecisions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredDecisions() {}

  /**
   * The key of one decision: {@code repo#number annotator dimension phase}, as built from a line
   * that {@code simulate} printed or from a stored row.
   */
  public static String key(String repo, int number, String annotator, String dim, String phase) {
    return repo + "#" + number + " " + annotator + " " + dim + " " + phase;
  }

  /** The key of a line {@code simulate} printed. */
  public static String key(JsonNode printed) {
    return key(
        printed.get("repo").asText(),
        printed.get("number").asInt(),
        printed.get("annotator").asText(),
        printed.get("dimension").asText(),
        printed.get("phase").asText());
  }

  public static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON line: " + line, e);
    }
  }

  /** Every lines of {@code PRAGMA integrity_check}: exactly ["ok"] for a sound file. */
  public static List<String> integrityCheck(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  /** The current decisions of {@code sample}: key → value (a JSON string or array). */
  public static Map<String, JsonNode> of(Path db, String sample) throws SQLException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT i.repo, i.number, a.name, d.dimension, d.phase, d.value FROM decision d"
                    + " JOIN sample s ON s.id = d.sample_id JOIN issue i ON i.id = d.issue_id"
                    + " JOIN annotator a ON a.id = d.annotator_id WHERE s.name = ?")) {
      ps.setString(1, sample);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              key(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
              parse(rs.getString(6)));
        }
      }
    }
    return out;
  }

  /** The one number of a {@code SELECT count(*) …} (parameters bound in order). */
  public static int count(Path db, String sql, Object... params) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
