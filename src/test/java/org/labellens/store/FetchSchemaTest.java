package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 5: the upgrade from version 4 gives exactly the tables a new project has. */
class FetchSchemaTest {
  private static final List<String> FETCH_TABLES =
      List.of("issue_comment", "issue_source", "fetch_page", "fetch_source");

  @TempDir Path dir;

  @Test
  void upgradingAVersion4ProjectGivesTheFetchTablesOfANewOne() throws Exception {
    Path fresh = dir.resolve("fresh.db");
    Database.create(fresh).close();
    Path old = dir.resolve("old.db");
    Database.create(old).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement s = c.createStatement()) {
      for (String table : FETCH_TABLES) {
        s.execute("DROP TABLE " + table);
      }
      s.execute("PRAGMA user_version = 4");
    }
    assertThat(describe(old)).isNotEqualTo(describe(fresh));
    try (Database db = Database.open(old)) {
      assertThat(db.schemaVersion()).isEqualTo(5);
    }
    assertThat(describe(old)).isEqualTo(describe(fresh));
  }

  @Test
  void anIssuesCommentsAndProvenanceGoWithIt() {
    try (Database db = Database.create(dir.resolve("p.db"))) {
      StoreProbe.update(
          db,
          "INSERT INTO issue (id, repo, number, framework, title, body, content_hash, imported_at,"
              + " updated_at) VALUES (1, 'o/r', 1, 'r', 't', 'b', '', 'x', 'x')");
      db.write(
          tx -> {
            new Repositories(db)
                .fetchState()
                .fetched(tx, 1, "https://api.github.com/repos/o/r/issues", "now", null);
            new Repositories(db)
                .comments()
                .replace(
                    tx,
                    1,
                    List.of(
                        new org.labellens.core.model.IssueComment(7, "a", "hi", null, null, null)));
            return null;
          });
      List<org.labellens.core.model.IssueComment> stored =
          db.read(tx -> new Repositories(db).comments().of(tx, 1));
      assertThat(stored).extracting(c -> c.body()).containsExactly("hi");
      StoreProbe.update(db, "DELETE FROM issue WHERE id = 1");
      assertThat(StoreProbe.count(db, "SELECT count(*) FROM issue_comment")).isZero();
      assertThat(StoreProbe.count(db, "SELECT count(*) FROM issue_source")).isZero();
    }
  }

  /** Every table's and index's columns, in order: what a schema is, comments aside. */
  private static List<String> describe(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      List<String[]> objects = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                  + " ORDER BY type, name")) {
        while (rs.next()) {
          objects.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] o : objects) {
        out.add(o[0] + " " + o[1]);
        String pragma =
            o[0].equals("table") ? "table_xinfo" : o[0].equals("index") ? "index_xinfo" : null;
        if (pragma == null) {
          continue;
        }
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma + "('" + o[1] + "')")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder("  ");
            for (int i = 1; i <= n; i++) {
              row.append(rs.getString(i)).append('|');
            }
            out.add(row.toString());
          }
        }
        if (o[0].equals("table")) {
          try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_list('" + o[1] + "')")) {
            while (rs.next()) {
              out.add("  fk " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(7));
            }
          }
        }
      }
    }
    return out;
  }
}
