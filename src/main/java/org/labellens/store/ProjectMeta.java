package org.labellens.store;

import java.util.Optional;

/**
 * The project's own key/value notes ({@code project_meta}: when it was made, how far a build got).
 */
public final class ProjectMeta {
  ProjectMeta() {}

  /** The value stored under {@code key}, if any. */
  public Optional<String> get(Tx tx, String key) {
    return tx.first("SELECT value FROM project_meta WHERE key = ?", rs -> rs.getString(1), key);
  }

  /** Stores {@code value} under {@code key} (replacing any). */
  public void put(Tx tx, String key, String value) {
    tx.update(
        "INSERT INTO project_meta (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key,
        value);
  }
}
