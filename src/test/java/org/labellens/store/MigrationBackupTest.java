package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.Mounts;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.TestIssues;

/**
 * The upgrade path of an older project: a backup before any schema change, identical in content to
 * the project before it, and an upgrade that is all or nothing. The project is made with this
 * build's schema (version 1); the test plays a build that knows version 2 and supplies its script.
 */
class MigrationBackupTest {
  private static final int CURRENT = Schema.packaged().version();
  private static final int NEXT = CURRENT + 1;
  private static final String ADD_MILESTONE =
      "ALTER TABLE issue ADD COLUMN milestone TEXT;\n"
          + "CREATE TABLE milestone (name TEXT PRIMARY KEY, due TEXT);\n"
          + "INSERT INTO milestone (name, due) VALUES ('v1.0', '2026-01-01');\n";

  private Path dir;
  private Path file;

  @BeforeEach
  void createProjectWithData() throws IOException {
    dir = FastTempDir.create("migrate");
    file = dir.resolve("p.db");
    try (Database db = Database.create(file)) {
      db.write(
          tx -> {
            try (IssueStore.Upserter up =
                new Repositories(db).issues().upserter(tx, "2025-01-01T00:00:00Z")) {
              TestIssues.make(50, 4).forEach(up::upsert);
            }
            return null;
          });
    }
  }

  @AfterEach
  void remove() throws IOException {
    FastTempDir.delete(dir);
  }

  private List<Path> backups() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().contains(".bak")).sorted().toList();
    }
  }

  private static String pragma(Path db, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void openingAnOlderProjectWritesAnIdenticalBackupThenUpgrades() throws Exception {
    String before = ProjectDigest.of(file);
    Map<String, Long> rowsBefore = ProjectDigest.rowCounts(file);

    try (Database db = Database.open(file, NEXT, v -> v == NEXT ? ADD_MILESTONE : null)) {
      assertThat(db.schemaVersion()).isEqualTo(NEXT);
    }

    List<Path> backups = backups();
    assertThat(backups).singleElement();
    Path backup = backups.get(0);
    assertThat(backup.getFileName().toString())
        .matches("p\\.db\\.v" + CURRENT + "-\\d{8}T\\d{6}(\\.\\d+)?Z\\.bak");
    assertThat(ProjectDigest.of(backup)).as("backup content").isEqualTo(before);
    assertThat(pragma(backup, "integrity_check")).isEqualTo("ok");
    assertThat(pragma(backup, "user_version")).isEqualTo(Integer.toString(CURRENT));

    assertThat(pragma(file, "user_version")).isEqualTo(Integer.toString(NEXT));
    assertThat(pragma(file, "integrity_check")).isEqualTo("ok");
    Map<String, Long> rowsAfter = ProjectDigest.rowCounts(file);
    assertThat(rowsAfter).containsAllEntriesOf(rowsBefore).containsEntry("milestone", 1L);

    // opened again, it is current: no second backup
    try (Database db = Database.open(file, NEXT, v -> null)) {
      assertThat(db.schemaVersion()).isEqualTo(NEXT);
    }
    assertThat(backups()).hasSize(1);
  }

  @Test
  void aFailingUpgradeIsRolledBackAndTheBackupStays() throws Exception {
    String before = ProjectDigest.of(file);
    String broken = "ALTER TABLE issue ADD COLUMN milestone TEXT;\nTHIS IS NOT SQL;\n";
    assertThatThrownBy(() -> Database.open(file, NEXT, v -> broken))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("rolled back")
        .hasMessageContaining(".bak");
    assertThat(ProjectDigest.of(file)).as("project after a failed upgrade").isEqualTo(before);
    assertThat(backups())
        .singleElement()
        .satisfies(b -> assertThat(ProjectDigest.of(b)).isEqualTo(before));
    // the project still opens with the build it was written by
    Database.open(file).close();
  }

  @Test
  void anUpgradeThisBuildDoesNotKnowChangesNothingAndWritesNoBackup() throws Exception {
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> Database.open(file, NEXT + 1, v -> v == NEXT ? ADD_MILESTONE : null))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no upgrade from schema version " + NEXT);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(backups()).isEmpty();
  }

  @Test
  void twoUpgradesInTheSameInstantKeepBothBackups() throws Exception {
    Path first = Migrations.backupPath(file, CURRENT);
    Files.writeString(first, "an earlier backup");
    Path second = Migrations.backupPath(file, CURRENT);
    assertThat(second).isNotEqualTo(first);
  }

  /** A backup that cannot be written (the disk is full) stops the upgrade before it starts. */
  @Test
  void noUpgradeWithoutABackup() throws Exception {
    try (Mounts mounts = new Mounts()) {
      Path small = mounts.tmpfs(dir.resolve("small"), "1m");
      Path project = small.resolve("p.db");
      Files.copy(file, project);
      assertThat(Files.size(project)).isLessThan(1 << 20);
      // fill the disk, leaving less room than a copy of the project needs
      long free = Files.getFileStore(small).getUsableSpace();
      Files.write(small.resolve("filler"), new byte[(int) Math.max(0, free - 64 * 1024)]);
      String before = ProjectDigest.of(project);
      byte[] bytes = Files.readAllBytes(project);

      assertThatThrownBy(() -> Database.open(project, NEXT, v -> ADD_MILESTONE))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("backup could not be written")
          .hasMessageContaining("nothing was changed");

      assertThat(Files.readAllBytes(project)).isEqualTo(bytes);
      assertThat(ProjectDigest.of(project)).isEqualTo(before);
      try (Stream<Path> left = Files.list(small)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("no backup, complete or partial")
            .noneMatch(n -> n.contains(".bak"));
      }
    }
  }
}
