package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Records each import for provenance. */
public final class ImportBatchStore {
  private ImportBatchStore() {}

  public static void record(
      Tx tx,
      String startedAt,
      String filesJson,
      String format,
      int newCount,
      int updated,
      int unchanged,
      int pullRequests) {
    tx.jdbc(
        c -> {
          record(c, startedAt, filesJson, format, newCount, updated, unchanged, pullRequests);
          return null;
        });
  }

  private static void record(
      Connection c,
      String startedAt,
      String filesJson,
      String format,
      int newCount,
      int updated,
      int unchanged,
      int pullRequests)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO import_batch (started_at, files, format, new_count, updated_count,"
                + " unchanged_count, pull_requests_skipped) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, startedAt);
      ps.setString(2, filesJson);
      ps.setString(3, format);
      ps.setInt(4, newCount);
      ps.setInt(5, updated);
      ps.setInt(6, unchanged);
      ps.setInt(7, pullRequests);
      ps.executeUpdate();
    }
  }
}
