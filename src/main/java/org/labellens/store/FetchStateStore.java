package org.labellens.store;

import java.util.Optional;

/**
 * What fetching from the GitHub API remembers between runs (docs/decisions/0018-fetch.md): per
 * source (a repository's issues or a search, at one API host, with one set of filters) the pass
 * under way and the {@code since} of the next one; per page its ETag; per issue where and when it
 * was fetched.
 */
public final class FetchStateStore {
  FetchStateStore() {}

  /**
   * A source's state.
   *
   * @param since the next pass asks for issues updated since this, or null for all
   * @param passNextUrl the page a pass under way fetches next, or null when none is under way
   * @param passMaxUpdated the largest {@code updated_at} the pass under way stored, or null
   * @param passCounts JSON counts of the pass under way, or null
   * @param completedAt when the last pass finished, or null
   */
  public record Source(
      long id,
      String since,
      String passNextUrl,
      String passStartedAt,
      String passMaxUpdated,
      String passCounts,
      String completedAt) {
    public boolean passUnderWay() {
      return passNextUrl != null;
    }
  }

  /** A page fetched before: its ETag, its Link next and how many issues it held. */
  public record Page(String etag, String nextUrl, int items) {}

  /** The source of these four keys, made (with no state) when new. */
  public Source source(Tx tx, String apiUrl, String kind, String target, String filters) {
    tx.update(
        "INSERT INTO fetch_source (api_url, kind, target, filters) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (api_url, kind, target, filters) DO NOTHING",
        apiUrl,
        kind,
        target,
        filters);
    return tx.first(
            "SELECT id, since, pass_next_url, pass_started_at, pass_max_updated,"
                + " pass_counts, completed_at FROM fetch_source"
                + " WHERE api_url = ? AND kind = ? AND target = ? AND filters = ?",
            rs ->
                new Source(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)),
            apiUrl,
            kind,
            target,
            filters)
        .orElseThrow();
  }

  /** The page fetched before at {@code url} for source {@code sourceId}, if any. */
  public Optional<Page> page(Tx tx, long sourceId, String url) {
    return tx.first(
        "SELECT etag, next_url, items FROM fetch_page WHERE source_id = ? AND url = ?",
        rs -> new Page(rs.getString(1), rs.getString(2), rs.getInt(3)),
        sourceId,
        url);
  }

  /** Remembers the page at {@code url} (replacing what was remembered). */
  public void putPage(
      Tx tx, long sourceId, String url, String etag, String nextUrl, int items, String now) {
    tx.update(
        "INSERT INTO fetch_page (source_id, url, etag, next_url, items, fetched_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, url) DO UPDATE SET"
            + " etag = excluded.etag, next_url = excluded.next_url,"
            + " items = excluded.items, fetched_at = excluded.fetched_at",
        sourceId,
        url,
        etag,
        nextUrl,
        items,
        now);
  }

  /** Forgets the page at {@code url} (it carried no ETag this time). */
  public void dropPage(Tx tx, long sourceId, String url) {
    tx.update("DELETE FROM fetch_page WHERE source_id = ? AND url = ?", sourceId, url);
  }

  /**
   * Records how far the pass under way got: {@code nextUrl} is fetched next (the pass is resumed
   * there after an interruption).
   */
  public void passProgress(
      Tx tx,
      long sourceId,
      String nextUrl,
      String startedAt,
      String maxUpdated,
      String countsJson) {
    tx.update(
        "UPDATE fetch_source SET pass_next_url = ?, pass_started_at = ?,"
            + " pass_max_updated = ?, pass_counts = ? WHERE id = ?",
        nextUrl,
        startedAt,
        maxUpdated,
        countsJson,
        sourceId);
  }

  /** Ends the pass under way: the next pass asks for issues updated since {@code since}. */
  public void passDone(Tx tx, long sourceId, String since, String now) {
    tx.update(
        "UPDATE fetch_source SET since = ?, pass_next_url = NULL,"
            + " pass_started_at = NULL, pass_max_updated = NULL, pass_counts = NULL,"
            + " completed_at = ? WHERE id = ?",
        since,
        now,
        sourceId);
  }

  /** Records where and when issue row {@code issueId} was fetched. */
  public void fetched(
      Tx tx, long issueId, String sourceUrl, String fetchedAt, String remoteUpdatedAt) {
    tx.update(
        "INSERT INTO issue_source (issue_id, source_url, fetched_at, remote_updated_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (issue_id) DO UPDATE SET"
            + " source_url = excluded.source_url, fetched_at = excluded.fetched_at,"
            + " remote_updated_at = excluded.remote_updated_at",
        issueId,
        sourceUrl,
        fetchedAt,
        remoteUpdatedAt);
  }

  /** Where and when an issue was last fetched. */
  public record Fetched(String sourceUrl, String fetchedAt, String remoteUpdatedAt) {}

  /** Where and when issue row {@code issueId} was last fetched, if it was. */
  public Optional<Fetched> fetchedOf(Tx tx, long issueId) {
    return tx.first(
        "SELECT source_url, fetched_at, remote_updated_at FROM issue_source WHERE issue_id = ?",
        rs -> new Fetched(rs.getString(1), rs.getString(2), rs.getString(3)),
        issueId);
  }
}
