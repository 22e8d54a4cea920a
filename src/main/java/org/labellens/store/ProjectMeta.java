package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The project's own key/value notes ({@code project_meta}: when it was made, how far a build got).
 */
public final class ProjectMeta {
  private ProjectMeta() {}

  /** The value stored under {@code key}, if any. */
  public static Optional<String> get(Tx tx, String key) {
    return tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT value FROM project_meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Stores {@code value} under {@code key} (replacing any). */
  public static void put(Tx tx, String key, String value) {
    tx.jdbc(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO project_meta (key, value) VALUES (?, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
          }
          return null;
        });
  }
}
