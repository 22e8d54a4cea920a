package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;

class DatabaseTest {
  @TempDir Path dir;

  static <T> T jdbcRead(Database db, SqlWork<T> work) {
    return db.read(tx -> tx.jdbc(work));
  }

  static <T> T jdbcWrite(Database db, SqlWork<T> work) {
    return db.write(tx -> tx.jdbc(work));
  }

  @Test
  void createdProjectOpensWithThePackagedSchemaVersion() {
    Path file = dir.resolve("p.db");
    try (Database db = Database.create(file)) {
      assertThat(db.schemaVersion()).isEqualTo(Schema.packaged().version());
    }
    try (Database db = Database.open(file)) {
      int tables =
          jdbcRead(
              db,
              c -> {
                try (var rs =
                    c.createStatement()
                        .executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(tables).isGreaterThan(15);
      String journal =
          jdbcRead(
              db,
              c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertThat(journal).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void createRefusesAnExistingFile() throws Exception {
    Path file = dir.resolve("p.db");
    Files.writeString(file, "something precious");
    assertThatThrownBy(() -> Database.create(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(file)).isEqualTo("something precious");
  }

  @Test
  void openRefusesAMissingFile() {
    assertThatThrownBy(() -> Database.open(dir.resolve("nope.db")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such project")
        .hasMessageContaining("labellens init");
  }

  @Test
  void openRefusesANewerSchemaVersionAndLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("p.db");
    Database.create(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("newer LabelLens")
        .hasMessageContaining("99");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void openRefusesAnSqliteFileThatIsNotAProject() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x)");
    }
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a LabelLens project");
  }

  @Test
  void openRefusesAFileThatIsNotADatabase() throws Exception {
    Path file = dir.resolve("junk.db");
    Files.write(
        file, "this is not sqlite at all, just text that goes on and on".repeat(100).getBytes());
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("junk.db");
  }

  @Test
  void aFailedWriteLeavesNothingBehind() {
    try (Database db = Database.create(dir.resolve("p.db"))) {
      assertThatThrownBy(
              () ->
                  jdbcWrite(
                      db,
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute(
                              "INSERT INTO annotator (name, created_at) VALUES ('ann', 'now')");
                        }
                        throw new BadInputException("bad line");
                      }))
          .isInstanceOf(BadInputException.class)
          .hasMessage("bad line");
      int n =
          jdbcRead(
              db,
              c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM annotator")) {
                  rs.next();
                  return rs.getInt(1);
                }
              });
      assertThat(n).isZero();
    }
  }

  @Test
  void annotationEventsAreAppendOnly() {
    try (Database db = Database.create(dir.resolve("p.db"))) {
      jdbcWrite(
          db,
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "INSERT INTO issue (repo, number, framework, title, body, content_hash, imported_at, updated_at) VALUES ('a/b', 1, 'b', 't', '', 'h', 'now', 'now')");
              s.execute("INSERT INTO annotator (name, created_at) VALUES ('ann', 'now')");
              s.execute(
                  "INSERT INTO sample (name, frame, strata, allocation, seed, size, parameters, created_at) VALUES ('s', 'all', '', 'equal', 1, 1, '{}', 'now')");
              s.execute(
                  "INSERT INTO annotation_event (event_key, sample_id, issue_id, annotator_id, dimension, value, phase, decided_at, recorded_at) VALUES ('k', 1, 1, 1, 'primary', '\"gpu\"', 'blind', 'now', 'now')");
            }
            return null;
          });
      assertThatThrownBy(
              () ->
                  jdbcWrite(
                      db,
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute("UPDATE annotation_event SET value = '\"api\"'");
                        }
                        return null;
                      }))
          .hasMessageContaining("append-only");
      assertThatThrownBy(
              () ->
                  jdbcWrite(
                      db,
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute("DELETE FROM annotation_event");
                        }
                        return null;
                      }))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void foreignKeysAreEnforced() {
    try (Database db = Database.create(dir.resolve("p.db"))) {
      assertThatThrownBy(
              () ->
                  jdbcWrite(
                      db,
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.execute(
                              "INSERT INTO run_item (run_id, issue_id, primary_label) VALUES (42, 42, 'gpu')");
                        }
                        return null;
                      }))
          .hasMessageContaining("FOREIGN KEY");
    }
  }
}
