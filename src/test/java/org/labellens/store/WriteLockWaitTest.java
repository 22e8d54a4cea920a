package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;

/**
 * Another program holding the write lock (as an import does, for its whole transaction) delays a
 * write for as long as it holds it, also beyond SQLite's busy timeout, and the write then succeeds;
 * reads go on meanwhile.
 */
class WriteLockWaitTest {
  @TempDir Path dir;

  @Test
  @Tag("slow")
  void aWriteWaitsOutALockHeldLongerThanTheBusyTimeout() throws Exception {
    Path file = dir.resolve("p.db");
    Database.create(file).close();
    try (Database db = Database.open(file);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = other.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        s.executeUpdate("INSERT INTO project_meta (key, value) VALUES ('other', 'first')");
      }
      CompletableFuture<Integer> write =
          CompletableFuture.supplyAsync(
              () ->
                  StoreProbe.update(
                      db, "INSERT INTO project_meta (key, value) VALUES ('ours', 'second')"));
      // the lock is held past the busy timeout: SQLite gives up once, the store tries again
      Thread.sleep(Database.BUSY_TIMEOUT_MS + 2_000);
      assertThat(write).isNotDone();
      // reading is not blocked by the other program's write
      assertThat(StoreProbe.count(db, "SELECT count(*) FROM project_meta WHERE key = 'other'"))
          .isZero();
      try (Statement s = other.createStatement()) {
        s.execute("COMMIT");
      }
      assertThat(write.get(60, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(
              StoreProbe.rows(
                  db,
                  "SELECT key, value FROM project_meta WHERE key IN ('other', 'ours')"
                      + " ORDER BY value"))
          .containsExactly("other|first|", "ours|second|");
    }
  }

  @Test
  void aLockThatOutlastsEveryRetryIsReportedInPlainWords() {
    RuntimeException e =
        Database.describe(
            Path.of("p.db"),
            new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)"));
    assertThat(e).isInstanceOf(BadInputException.class);
    assertThat(e.getMessage())
        .startsWith("p.db: another program has been writing to the project")
        .contains("nothing was changed")
        .doesNotContain("locked");
  }
}
