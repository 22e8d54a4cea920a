package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labellens.core.BadInputException;

/** SQLite's failures as a person reads them: a full disk, a damaged project. */
class FailureWordsTest {
  private static final Path FILE = Path.of("p.db");

  @org.junit.jupiter.api.Test
  void theOutputGuardKnowsTheProjectsApplicationId() {
    assertThat(org.labellens.io.OutputTarget.APPLICATION_ID).isEqualTo(Database.APPLICATION_ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)",
        "[SQLITE_IOERR_SHMSIZE] I/O error within the xShmMap method (disk I/O error)",
        "java.io.IOException: No space left on device"
      })
  void everySpellingOfAFullDiskSaysTheDiskIsFull(String sqlite) {
    RuntimeException e = Database.describe(FILE, new SQLException(sqlite));

    assertThat(e).isInstanceOf(BadInputException.class);
    assertThat(e.getMessage())
        .startsWith("p.db: the disk is full (")
        .contains("nothing was changed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[SQLITE_ERROR] SQL error or missing database (no such column: title)",
        "[SQLITE_ERROR] SQL error or missing database (no such table: sample)",
        "[SQLITE_CORRUPT] The database disk image is malformed (database disk image is malformed)"
      })
  void aDamagedSchemaOrFilePointsToDoctor(String sqlite) {
    RuntimeException e = Database.describe(FILE, new SQLException(sqlite));

    assertThat(e).isInstanceOf(BadInputException.class);
    assertThat(e.getMessage())
        .startsWith("p.db: the project is damaged (")
        .contains("): run 'labellens doctor --db p.db'");
  }
}
