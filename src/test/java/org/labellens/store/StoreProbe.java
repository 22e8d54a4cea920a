package org.labellens.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against a project, for tests that inspect or arrange tables directly. */
public final class StoreProbe {
  private StoreProbe() {}

  /** The rows of a query, each row's columns as text joined by '|'. */
  public static List<String> rows(Database db, String sql) {
    return db.read(
        tx ->
            tx.jdbc(
                c -> {
                  List<String> rows = new ArrayList<>();
                  try (Statement s = c.createStatement();
                      ResultSet rs = s.executeQuery(sql)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                      StringBuilder sb = new StringBuilder();
                      for (int i = 1; i <= n; i++) {
                        sb.append(rs.getString(i)).append('|');
                      }
                      rows.add(sb.toString());
                    }
                  }
                  return rows;
                }));
  }

  /** The one number a {@code SELECT count(*) …} gives. */
  public static int count(Database db, String sql) {
    return Integer.parseInt(rows(db, sql).get(0).replace("|", ""));
  }

  /** Runs an update in its own write transaction. */
  public static int update(Database db, String sql) {
    return db.write(
        tx ->
            tx.jdbc(
                c -> {
                  try (Statement s = c.createStatement()) {
                    return s.executeUpdate(sql);
                  }
                }));
  }
}
