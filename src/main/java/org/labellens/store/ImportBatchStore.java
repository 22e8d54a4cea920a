package org.labellens.store;

/** Records each import for provenance. */
public final class ImportBatchStore {
  ImportBatchStore() {}

  public void record(
      Tx tx,
      String startedAt,
      String filesJson,
      String format,
      int newCount,
      int updated,
      int unchanged,
      int pullRequests) {
    tx.update(
        "INSERT INTO import_batch (started_at, files, format, new_count, updated_count,"
            + " unchanged_count, pull_requests_skipped) VALUES (?, ?, ?, ?, ?, ?, ?)",
        startedAt,
        filesJson,
        format,
        newCount,
        updated,
        unchanged,
        pullRequests);
  }
}
