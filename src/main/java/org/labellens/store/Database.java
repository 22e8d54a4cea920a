package org.labellens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import org.labellens.core.BadInputException;
import org.labellens.core.JsonText;

/**
 * A LabelLens project database (one SQLite file): the SQLite {@link ConnectionSource}.
 *
 * <p>SQLite allows one writer at a time, so every write runs on this object's single writer thread,
 * in its own transaction ({@code BEGIN IMMEDIATE}: the write lock is taken up front, which avoids
 * lock-upgrade deadlocks between processes). Reads run on the caller's thread on pooled read
 * connections; WAL lets them proceed while a write is under way. A write that finds another process
 * holding the lock waits (busy timeout) and retries, so a person never sees "database is locked".
 *
 * <p>Opening checks that the file is a LabelLens project of a schema version this build knows: a
 * newer, unknown or damaged file is refused with a clear message and never modified.
 */
public final class Database implements ConnectionSource {
  /** 'LBLN': the application id that schema.sql stamps into every project file. */
  public static final int APPLICATION_ID = 1279413326;

  static final int BUSY_TIMEOUT_MS = 10_000;
  private static final long WRITE_RETRY_LIMIT_MS = 300_000;

  private final Path file;
  private final int schemaVersion;
  private final boolean immutable;
  private final ExecutorService writer;
  private final LinkedBlockingDeque<Connection> idleReaders = new LinkedBlockingDeque<>();
  private final List<Connection> allConnections = new ArrayList<>();
  private Connection writeConnection;
  private volatile boolean closed;

  private Database(Path file, int schemaVersion, boolean immutable) {
    this.file = file;
    this.schemaVersion = schemaVersion;
    this.immutable = immutable;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "labellens-db-writer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Creates a new project database at {@code file} from the packaged schema. Refuses an existing
   * non-empty file: a project is never overwritten.
   */
  public static Database create(Path file) {
    return create(file, java.util.Map.of());
  }

  /**
   * Like {@link #create(Path)}, storing {@code meta} in {@code project_meta} in the same
   * transaction as the schema (so a file that is a project at all carries it).
   */
  public static Database create(Path file, java.util.Map<String, String> meta) {
    Schema schema = Schema.packaged();
    try {
      if (Files.isDirectory(file)) {
        throw new BadInputException(
            file + ": is a directory, not a project file; give a file name inside it (--db)");
      }
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        // SQLite would create its journal next to it (e.g. /dev/null-journal)
        throw new BadInputException(
            file
                + ": not a regular file (a device, pipe or socket); a project is a file of its"
                + " own. Nothing was created");
      }
      if (Files.exists(file) && Files.size(file) > 0) {
        throw new BadInputException(
            file
                + ": the file already exists; init never overwrites a project (choose another --db)");
      }
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
        if (!Files.isWritable(parent)) {
          throw new BadInputException(
              file + ": cannot create the project: the folder " + parent + " is read-only");
        }
      }
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot create the project file: " + e.getMessage(), e);
    }
    Database db = new Database(file, schema.version(), false);
    try {
      db.write(
          tx ->
              tx.jdbc(
                  c -> {
                    try (Statement s = c.createStatement()) {
                      s.executeUpdate(schema.sql());
                    }
                    try (var ps =
                        c.prepareStatement("INSERT INTO project_meta (key, value) VALUES (?, ?)")) {
                      ps.setString(1, "created_at");
                      ps.setString(2, Instant.now().toString());
                      ps.executeUpdate();
                      for (var e : new java.util.TreeMap<>(meta).entrySet()) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue());
                        ps.executeUpdate();
                      }
                    }
                    return null;
                  }));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /** Opens an existing project, checking that it is a LabelLens database this build can read. */
  public static Database open(Path file) {
    return open(file, Schema.packaged().version(), Migrations.PACKAGED);
  }

  /**
   * Opens a project for a build that knows schema versions up to {@code expected} and upgrades
   * older ones with {@code scripts} (tests supply their own to prove the upgrade path).
   */
  static Database open(Path file, int expected, Migrations.Scripts scripts) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          file + ": is a directory, not a project file (give the project's file with --db)");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new BadInputException(
          file
              + ": not a regular file (a device, pipe or socket), so not a project; nothing was"
              + " opened or created");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          file + ": no such project (create one with: labellens init --db " + file + ")");
    }
    int found;
    boolean immutable = false;
    try {
      found = checkedVersion(file, false, expected);
    } catch (SQLException e) {
      if (!onReadOnlyMedia(file, e)) {
        throw describe(file, e);
      }
      // SQLite cannot open a WAL project for reading where it may not create the -shm file next to
      // it; on read-only media nothing can change the file, so it is opened as immutable.
      immutable = true;
      try {
        found = checkedVersion(file, true, expected);
      } catch (SQLException again) {
        throw describe(file, again);
      }
    }
    if (found < expected) {
      if (immutable) {
        throw new BadInputException(
            file
                + ": the project needs an upgrade from schema version "
                + found
                + ", which cannot be done where it is read-only; copy it to a writable folder");
      }
      Migrations.upgrade(file, found, expected, scripts);
    }
    return new Database(file, expected, immutable);
  }

  /** Checks the header values that make a file a project of a known version; returns it. */
  private static int checkedVersion(Path file, boolean immutable, int expected)
      throws SQLException {
    try (Connection c = connect(file, immutable)) {
      int appId = pragmaInt(c, "application_id");
      int found = pragmaInt(c, "user_version");
      if (appId != APPLICATION_ID) {
        boolean empty = tableCount(c) == 0;
        throw new BadInputException(
            file
                + (empty
                    ? ": the file is an empty database, not a LabelLens project (run labellens init)"
                    : ": the file is an SQLite database but not a LabelLens project"));
      }
      if (found > expected) {
        throw new BadInputException(
            file
                + ": the project was written by a newer LabelLens (schema version "
                + found
                + "; this build knows versions up to "
                + expected
                + "); update LabelLens to open it. The file was not changed.");
      }
      if (found < 1) {
        throw new BadInputException(file + ": unknown LabelLens schema version " + found);
      }
      return found;
    }
  }

  /**
   * Whether opening failed only because the project sits where nothing may be written (a read-only
   * mount or folder) and has no write-ahead log that an immutable reader would ignore.
   */
  private static boolean onReadOnlyMedia(Path file, SQLException e) {
    Path dir = file.toAbsolutePath().getParent();
    return String.valueOf(e.getMessage()).contains("SQLITE_CANTOPEN")
        && dir != null
        && !Files.isWritable(dir)
        && !Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
  }

  /**
   * Whether {@code file} exists and looks like a LabelLens project (without opening it for use).
   */
  public static boolean isProject(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    for (boolean immutable : new boolean[] {false, true}) {
      try (Connection c = connect(file, immutable)) {
        return pragmaInt(c, "application_id") == APPLICATION_ID;
      } catch (SQLException e) {
        // try once more as an immutable file (read-only media), then give up
      }
    }
    return false;
  }

  public Path file() {
    return file;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  /**
   * Runs {@code work} in one transaction on the writer thread and returns its result. On any
   * exception the transaction is rolled back (nothing is written) and the exception is rethrown
   * here: runtime exceptions as they are, {@link SQLException} as a {@link StoreException} or, for
   * a damaged or read-only file, as a {@link BadInputException}.
   */
  @Override
  public <T> T write(TxWork<T> work) {
    return write(work, true);
  }

  /**
   * Like {@link #write(TxWork)} for bulk work (imports): the transaction is just as atomic, and
   * safe against a crash of the program, but its commit does not wait for the disk (WAL with {@code
   * synchronous = NORMAL}); after a power cut the whole transaction may be missing, never half of
   * it.
   */
  @Override
  public <T> T writeBulk(TxWork<T> work) {
    return write(work, false);
  }

  private <T> T write(TxWork<T> work, boolean durable) {
    ensureOpen();
    Future<T> future = writer.submit(() -> runWrite(work, durable));
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database write", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw damagedOr(re);
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof SQLException sql) {
        // e.g. the connection could not be opened at all
        throw describe(file, sql);
      }
      throw new StoreException(String.valueOf(cause), cause);
    }
  }

  /** Runs read-only {@code work} on a pooled read connection on the caller's thread. */
  @Override
  public <T> T read(TxWork<T> work) {
    ensureOpen();
    Connection c = idleReaders.pollFirst();
    try {
      if (c == null) {
        c = newConnection();
      }
      return work.run(new Tx(c, e -> describe(file, e)));
    } catch (SQLException e) {
      throw describe(file, e);
    } catch (RuntimeException e) {
      throw damagedOr(e);
    } finally {
      if (c != null) {
        if (closed) {
          closeQuietly(c);
        } else {
          idleReaders.offerFirst(c);
        }
      }
    }
  }

  private <T> T runWrite(TxWork<T> work, boolean durable) throws SQLException {
    if (writeConnection == null) {
      writeConnection = newConnection();
    }
    Connection c = writeConnection;
    if (!durable) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous = NORMAL");
      }
    }
    try {
      return runTransaction(c, work);
    } finally {
      if (!durable) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA synchronous = FULL");
        }
      }
    }
  }

  private <T> T runTransaction(Connection c, TxWork<T> work) throws SQLException {
    long deadline = System.currentTimeMillis() + WRITE_RETRY_LIMIT_MS;
    while (true) {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        break;
      } catch (SQLException e) {
        if (isBusy(e) && System.currentTimeMillis() < deadline) {
          sleepBriefly();
          continue;
        }
        throw describe(file, e);
      }
    }
    try {
      T result = work.run(new Tx(c, e -> describe(file, e)));
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
      return result;
    } catch (SQLException e) {
      rollback(c);
      throw describe(file, e);
    } catch (RuntimeException | Error e) {
      rollback(c);
      throw e;
    }
  }

  private static void rollback(Connection c) {
    try (Statement s = c.createStatement()) {
      if (!c.getAutoCommit()) {
        c.rollback();
      } else {
        s.execute("ROLLBACK");
      }
    } catch (SQLException ignored) {
      // no transaction was open (SQLite may already have rolled back on a fatal error)
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Connection newConnection() throws SQLException {
    Connection c = connect(file, immutable);
    try (Statement s = c.createStatement()) {
      if (!immutable) {
        s.execute("PRAGMA journal_mode = WAL");
      }
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA foreign_keys = ON");
      s.execute("PRAGMA temp_store = MEMORY");
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c); // a damaged schema fails here; an open handle left behind could write later
      throw e;
    }
    allConnections.add(c);
    return c;
  }

  private static Connection connect(Path file, boolean immutable) throws SQLException {
    Connection c =
        immutable
            ? DriverManager.getConnection(
                "jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1", readOnly())
            : DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  private static java.util.Properties readOnly() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    return p;
  }

  private static int pragmaInt(Connection c, String pragma) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static int tableCount(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  static boolean isBusy(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("SQLITE_BUSY") || m.contains("database is locked");
  }

  /**
   * Work that failed in a way the product does not expect may have read a damaged file: SQLite has
   * no checksums, so bytes overwritten inside a row come back as they are, and code that parses
   * them fails. Stored JSON that does not parse is damage by definition (only this program wrote
   * it); for any other unexpected failure SQLite's own {@code quick_check} decides. A sound file
   * lets the original exception through: a bug stays a bug.
   */
  private RuntimeException damagedOr(RuntimeException e) {
    if (e instanceof BadInputException
        || e instanceof StoreException
        || e instanceof java.util.concurrent.CancellationException) {
      return e;
    }
    String what;
    if (e instanceof JsonText.Malformed) {
      what = "a stored value is not the JSON it was written as: " + shorten(e.getMessage());
    } else {
      what = quickCheckProblem();
      if (what == null) {
        return e;
      }
    }
    return damaged(file, what, e);
  }

  /** The first problem {@code PRAGMA quick_check} reports, or null for a sound file. */
  private String quickCheckProblem() {
    try (Connection c = connect(file, immutable);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
      String result = rs.next() ? rs.getString(1) : "no result";
      return "ok".equals(result) ? null : "quick_check: " + shorten(result);
    } catch (SQLException failed) {
      return "quick_check: " + shorten(failed.getMessage());
    }
  }

  private static String shorten(String s) {
    String one = String.valueOf(s).replaceAll("\\p{Cntrl}", " ");
    return one.length() <= 120 ? one : one.substring(0, 117) + "...";
  }

  /** Turns an SQLite failure into the message a person needs. */
  static RuntimeException describe(Path file, SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
      return new BadInputException(
          file + ": the file is not a LabelLens project or is damaged (" + m + ")", e);
    }
    if (m.contains("SQLITE_CORRUPT")
        || m.contains("malformed")
        || m.contains("SQLITE_IOERR_SHORT_READ")
        || m.contains("no such table")
        || m.contains("no such column")) {
      // a short read is a page the file's own structure points to beyond its end (cut or
      // overwritten); a missing table or column in a file that passed the project checks has lost
      // part of its schema
      return damaged(file, shorten(m), e);
    }
    if (isDiskFull(m)) {
      return new BadInputException(
          file + ": the disk is full (" + shorten(m) + "); nothing was changed. Free some space",
          e);
    }
    if (m.contains("SQLITE_READONLY") || m.contains("readonly database")) {
      return new BadInputException(
          file + ": the project is read-only (" + m + "); nothing was changed", e);
    }
    if (m.contains("SQLITE_IOERR")) {
      return new BadInputException(
          file
              + ": the disk reported an error reading or writing the project ("
              + m
              + "); an unfinished change was rolled back. Check the disk, then the file"
              + " (docs/robustness.md)",
          e);
    }
    if (isBusy(e)) {
      // only after waiting: the busy timeout for a read, minutes of retries for a write
      return new BadInputException(
          file
              + ": another program has been writing to the project for too long (a large import?);"
              + " nothing was changed. Try again when it has finished",
          e);
    }
    if (m.contains("SQLITE_CANTOPEN")) {
      return new BadInputException(file + ": cannot open the project (" + m + ")", e);
    }
    return new StoreException(file + ": " + m, e);
  }

  /** Whether an SQLite or file system message means that no space is left. */
  static boolean isDiskFull(String m) {
    return m.contains("SQLITE_FULL")
        || m.contains("disk is full")
        || m.contains("SQLITE_IOERR_SHMSIZE")
        || m.contains("No space left")
        || m.contains("ENOSPC");
  }

  /** The message for a damaged project: what is wrong, and the command that examines it. */
  static BadInputException damaged(Path file, String what, Throwable cause) {
    return new BadInputException(
        file
            + ": the project is damaged ("
            + what
            + "): run 'labellens doctor --db "
            + file
            + "' (or restore it from a backup, see docs/robustness.md)",
        cause);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("database " + file + " is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    writer.shutdown();
    try {
      writer.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      for (Connection c : allConnections) {
        closeQuietly(c);
      }
      allConnections.clear();
    }
    idleReaders.clear();
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing; nothing to do
    }
  }
}
