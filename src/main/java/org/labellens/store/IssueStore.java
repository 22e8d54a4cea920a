package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.labellens.core.ContentHash;
import org.labellens.core.JsonText;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueKey;
import org.labellens.core.model.IssueSummary;

/**
 * Issues in the project: idempotent upsert by (repo, number), listing, paging and full-text search.
 */
public final class IssueStore {
  /** What an upsert did. */
  public enum Outcome {
    NEW,
    UPDATED,
    UNCHANGED
  }

  private final Dialect dialect;

  IssueStore(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Prepared statements for many upserts in one transaction.
   *
   * <p>New rows get their ids here (one more than the largest at the start, which is what SQLite
   * would choose), so no statement per row asks for the id; they enter the full-text queue
   * together, in one statement, when the upserter closes. Into a project that had no issues when
   * the upserter started, each issue is inserted straight away ({@code ON CONFLICT DO NOTHING}),
   * and only a key the same import already stored (nothing inserted) is looked up; otherwise each
   * issue is looked up first, so an unchanged issue costs one indexed read.
   */
  public static final class Upserter implements AutoCloseable {
    private final PreparedStatement find;
    private final Connection connection;
    private final Map<String, String> spellings = new java.util.HashMap<>();
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement rehash;
    private final PreparedStatement unindex;
    private final PreparedStatement queue;
    private final PreparedStatement queueNew;
    private final Tx tx;
    private final String now;
    private final boolean wasEmpty;
    private final long firstNewId;
    private long nextId;
    private long lastId;

    Upserter(Tx tx, Connection c, String now) throws SQLException {
      this.tx = tx;
      this.now = now;
      long max;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT max(id) FROM issue")) {
        rs.next();
        max = rs.getLong(1);
        wasEmpty = rs.wasNull();
      }
      firstNewId = max + 1;
      nextId = firstNewId;
      find =
          c.prepareStatement(
              "SELECT id, content_hash FROM issue WHERE repo = ? COLLATE NOCASE AND number = ?");
      this.connection = c;
      insert =
          c.prepareStatement(
              "INSERT INTO issue (id, repo, number, framework, title, body, labels, state,"
                  + " created_at, closed_at, url, author, comments, content_hash, imported_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + (wasEmpty ? " ON CONFLICT DO NOTHING" : ""));
      update =
          c.prepareStatement(
              "UPDATE issue SET framework = ?, title = ?, body = ?, labels = ?, state = ?,"
                  + " created_at = ?, closed_at = ?, url = ?, author = ?, comments = ?,"
                  + " content_hash = ?, updated_at = ? WHERE id = ?");
      rehash = c.prepareStatement("UPDATE issue SET content_hash = ? WHERE id = ?");
      unindex = c.prepareStatement("DELETE FROM issue_search WHERE rowid = ?");
      queue =
          c.prepareStatement("INSERT OR IGNORE INTO issue_search_pending (issue_id) VALUES (?)");
      queueNew =
          c.prepareStatement(
              "INSERT OR IGNORE INTO issue_search_pending (issue_id)"
                  + " SELECT id FROM issue WHERE id >= ? AND id < ?");
    }

    public Outcome upsert(Issue issue) {
      return upsert(encode(issue));
    }

    /** Upserts an issue hashed beforehand (see {@link #encode}). */
    public Outcome upsert(Encoded encoded) {
      return tx.jdbc(c -> doUpsert(c, encoded));
    }

    private Outcome doUpsert(Connection c, Encoded given) throws SQLException {
      Encoded encoded = respelled(given);
      Issue issue = encoded.issue();
      String hash = encoded.hash();
      if (wasEmpty && insert(encoded)) {
        return Outcome.NEW;
      }
      find.setString(1, issue.repo());
      find.setInt(2, issue.number());
      long id = -1;
      String oldHash = null;
      try (ResultSet rs = find.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          oldHash = rs.getString(2);
        }
      }
      if (id < 0) {
        if (!insert(encoded)) {
          throw new SQLException("issue " + issue.key() + " appeared while it was being imported");
        }
        return Outcome.NEW;
      }
      lastId = id;
      if (hash.equals(oldHash)) {
        return Outcome.UNCHANGED;
      }
      if (!ContentHash.isHash(oldHash) && sameAsStored(c, id, hash)) {
        // no hash of the current form (the upgrade to schema version 4 cleared the older forms):
        // the stored content, hashed now, decides; an unchanged issue gets its hash
        rehash.setString(1, hash);
        rehash.setLong(2, id);
        rehash.executeUpdate();
        return Outcome.UNCHANGED;
      }
      int i = bindContent(update, 1, encoded);
      update.setString(i++, hash);
      update.setString(i++, now);
      update.setLong(i, id);
      update.executeUpdate();
      unindex.setLong(1, id);
      unindex.executeUpdate();
      queue.setLong(1, id);
      queue.executeUpdate();
      return Outcome.UPDATED;
    }

    /**
     * The issue under its repository's stored spelling: repositories are keyed ignoring case, and
     * the first spelling seen is kept (docs/decisions/0013-untrusted-text-and-case-insensitive-
     * repositories.md), so another spelling neither makes a second issue nor a second framework.
     */
    private Encoded respelled(Encoded encoded) throws SQLException {
      Issue issue = encoded.issue();
      String key = IssueKey.repoKey(issue.repo());
      String spelling = spellings.get(key);
      if (spelling == null) {
        // once per repository and import: a statement of its own, closed at once
        try (PreparedStatement spellingOf =
            connection.prepareStatement(
                "SELECT repo FROM issue WHERE repo = ? COLLATE NOCASE ORDER BY id LIMIT 1")) {
          spellingOf.setString(1, issue.repo());
          try (ResultSet rs = spellingOf.executeQuery()) {
            spelling = rs.next() ? rs.getString(1) : issue.repo();
          }
        }
        spellings.put(key, spelling);
      }
      if (spelling.equals(issue.repo())) {
        return encoded;
      }
      String framework =
          issue.framework().equals(Frameworks.forRepo(issue.repo()))
              ? Frameworks.forRepo(spelling)
              : issue.framework();
      Issue same =
          new Issue(
              spelling,
              issue.number(),
              framework,
              issue.title(),
              issue.body(),
              issue.labels(),
              issue.state(),
              issue.createdAt(),
              issue.closedAt(),
              issue.url(),
              issue.author(),
              issue.comments());
      return encode(same);
    }

    /** Inserts a new row with the next id; false when the key exists (nothing inserted). */
    private boolean insert(Encoded encoded) throws SQLException {
      Issue issue = encoded.issue();
      int i = 1;
      insert.setLong(i++, nextId);
      insert.setString(i++, issue.repo());
      insert.setInt(i++, issue.number());
      i = bindContent(insert, i, encoded);
      insert.setString(i++, encoded.hash());
      insert.setString(i++, now);
      insert.setString(i, now);
      if (insert.executeUpdate() == 0) {
        return false;
      }
      lastId = nextId++;
      return true;
    }

    /** The row id of the issue last upserted. */
    public long lastId() {
      return lastId;
    }

    /** Binds the stored fields. */
    private static int bindContent(PreparedStatement ps, int i, Encoded encoded)
        throws SQLException {
      Issue issue = encoded.issue();
      ps.setString(i++, issue.framework());
      ps.setString(i++, issue.title());
      ps.setString(i++, issue.body());
      ps.setString(i++, JsonText.stringArray(issue.labels()));
      ps.setString(i++, issue.state());
      ps.setString(i++, issue.createdAt());
      ps.setString(i++, issue.closedAt());
      ps.setString(i++, issue.url());
      ps.setString(i++, issue.author());
      if (issue.comments() == null) {
        ps.setNull(i++, Types.INTEGER);
      } else {
        ps.setInt(i++, issue.comments());
      }
      return i;
    }

    @Override
    public void close() {
      tx.jdbc(
          c -> {
            try {
              if (nextId > firstNewId) {
                queueNew.setLong(1, firstNewId);
                queueNew.setLong(2, nextId);
                queueNew.executeUpdate();
              }
            } finally {
              find.close();
              insert.close();
              update.close();
              rehash.close();
              unindex.close();
              queue.close();
              queueNew.close();
            }
            return null;
          });
    }
  }

  public Upserter upserter(Tx tx, String now) {
    return tx.jdbc(c -> new Upserter(tx, c, now));
  }

  /**
   * An issue ready to store, with its content hash. Made on the import's reading thread, so that
   * hashing overlaps with the writer instead of adding to it.
   */
  public record Encoded(Issue issue, String hash) {}

  /** Hashes {@code issue} for {@link Upserter#upsert(Encoded)}. */
  public static Encoded encode(Issue issue) {
    return new Encoded(issue, contentHash(issue));
  }

  /**
   * The content hash of every stored field: the {@link ContentHash} of framework, title, body,
   * labels (as the JSON list stored), state, created_at, closed_at, url, author and comments (in
   * decimal), in that order, a missing value as null. It only decides whether an import changed an
   * issue.
   */
  public static String contentHash(Issue issue) {
    return ContentHash.of(
        issue.framework(),
        issue.title(),
        issue.body(),
        JsonText.stringArray(issue.labels()),
        issue.state(),
        issue.createdAt(),
        issue.closedAt(),
        issue.url(),
        issue.author(),
        issue.comments() == null ? null : issue.comments().toString());
  }

  /** Whether the stored content of issue row {@code id}, hashed now, has the hash {@code hash}. */
  private static boolean sameAsStored(Connection c, long id, String hash) throws SQLException {
    Optional<Issue> stored = byId(c, id);
    return stored.isPresent() && contentHash(stored.get()).equals(hash);
  }

  static int count(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM issue")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /** Issue counts per framework, in framework order. */
  static Map<String, Integer> countByFramework(Connection c) throws SQLException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT framework, count(*) FROM issue GROUP BY framework ORDER BY framework")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  private static final String COLUMNS =
      "id, repo, number, framework, title, body, labels, state, created_at, closed_at, url, author,"
          + " comments";

  static Optional<Issue> find(Connection c, IssueKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM issue WHERE repo = ? COLLATE NOCASE AND number = ?")) {
      ps.setString(1, key.repo());
      ps.setInt(2, key.number());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(issue(rs)) : Optional.empty();
      }
    }
  }

  static Optional<Issue> byId(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM issue WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(issue(rs)) : Optional.empty();
      }
    }
  }

  /** The row id of an issue, if the project has it. */
  static Optional<Long> idOf(Connection c, IssueKey key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM issue WHERE repo = ? COLLATE NOCASE AND number = ?")) {
      ps.setString(1, key.repo());
      ps.setInt(2, key.number());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Streams every issue matching {@code filter}, ordered by repo and number. */
  private void forEach(Connection c, IssueFilter filter, Consumer<StoredIssue> action)
      throws SQLException {
    IssueFilter.Sql sql = filter.toSql(dialect);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM issue WHERE " + sql.where() + " ORDER BY repo, number")) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          action.accept(new StoredIssue(rs.getLong(1), issue(rs)));
        }
      }
    }
  }

  /** One page of issue summaries matching {@code filter}, ordered by framework, repo and number. */
  private List<IssueSummary> page(Connection c, IssueFilter filter, int offset, int limit)
      throws SQLException {
    IssueFilter.Sql sql = filter.toSql(dialect);
    List<IssueSummary> page = new ArrayList<>(limit);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, framework, repo, number, title, labels, state FROM issue WHERE "
                + sql.where()
                + " ORDER BY framework, repo, number LIMIT ? OFFSET ?")) {
      int i = sql.bind(ps, 1);
      ps.setInt(i++, limit);
      ps.setInt(i, offset);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(
              new IssueSummary(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  labels(rs, 6),
                  rs.getString(7)));
        }
      }
    }
    return page;
  }

  private int count(Connection c, IssueFilter filter) throws SQLException {
    IssueFilter.Sql sql = filter.toSql(dialect);
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM issue WHERE " + sql.where())) {
      sql.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** How many issues still wait to enter the full-text index. */
  static int searchPending(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM issue_search_pending")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Moves up to {@code batch} pending issues into the full-text index; returns how many it moved.
   * Call inside a write transaction until it returns 0.
   */
  static int indexPending(Connection c, int batch) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO issue_search (rowid, title, body) SELECT i.id, i.title, i.body"
                    + " FROM issue_search_pending p JOIN issue i ON i.id = p.issue_id"
                    + " ORDER BY p.issue_id LIMIT ?");
        PreparedStatement del =
            c.prepareStatement(
                "DELETE FROM issue_search_pending WHERE issue_id IN (SELECT issue_id FROM"
                    + " issue_search_pending ORDER BY issue_id LIMIT ?)")) {
      ps.setInt(1, batch);
      int moved = ps.executeUpdate();
      del.setInt(1, batch);
      del.executeUpdate();
      return moved;
    }
  }

  private static Issue issue(ResultSet rs) throws SQLException {
    int comments = rs.getInt(13);
    Integer commentCount = rs.wasNull() ? null : comments;
    return new Issue(
        required(rs, 2),
        rs.getInt(3),
        required(rs, 4),
        required(rs, 5),
        required(rs, 6),
        labels(rs, 7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        commentCount);
  }

  /**
   * A column the schema declares NOT NULL. SQLite checks that on writing; a null read back means
   * the file was damaged afterwards, which is reported as such rather than as a crash.
   */
  private static String required(ResultSet rs, int column) throws SQLException {
    String value = rs.getString(column);
    if (value == null) {
      throw damaged(rs, column, "is empty");
    }
    return value;
  }

  /** The labels column: JSON this class wrote, unreadable only in a damaged file. */
  private static List<String> labels(ResultSet rs, int column) throws SQLException {
    try {
      return JsonText.parseStringArray(rs.getString(column));
    } catch (RuntimeException e) {
      throw damaged(rs, column, "is not the JSON list it was written as");
    }
  }

  private static SQLException damaged(ResultSet rs, int column, String what) throws SQLException {
    String name = rs.getMetaData().getColumnName(column);
    return new SQLException(
        "database disk image is malformed: column '"
            + name
            + "' of issue row "
            + rs.getLong(1)
            + " "
            + what
            + " (SQLITE_CORRUPT)");
  }

  /** An issue with its row id. */
  public record StoredIssue(long id, Issue issue) {}

  public int count(Tx tx) {
    return tx.jdbc(c -> count(c));
  }

  public Map<String, Integer> countByFramework(Tx tx) {
    return tx.jdbc(c -> countByFramework(c));
  }

  public Optional<Issue> find(Tx tx, IssueKey key) {
    return tx.jdbc(c -> find(c, key));
  }

  public Optional<Issue> byId(Tx tx, long id) {
    return tx.jdbc(c -> byId(c, id));
  }

  public Optional<Long> idOf(Tx tx, IssueKey key) {
    return tx.jdbc(c -> idOf(c, key));
  }

  public List<IssueSummary> page(Tx tx, IssueFilter filter, int offset, int limit) {
    return tx.jdbc(c -> page(c, filter, offset, limit));
  }

  public int searchPending(Tx tx) {
    return tx.jdbc(c -> searchPending(c));
  }

  public int indexPending(Tx tx, int batch) {
    return tx.jdbc(c -> indexPending(c, batch));
  }

  public int count(Tx tx, IssueFilter filter) {
    return tx.jdbc(c -> count(c, filter));
  }

  /** Streams every issue matching {@code filter}, ordered by repo and number. */
  public void forEach(Tx tx, IssueFilter filter, Consumer<StoredIssue> action) {
    tx.jdbc(
        c -> {
          forEach(c, filter, action);
          return null;
        });
  }
}
