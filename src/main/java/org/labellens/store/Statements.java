package org.labellens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain statements repositories run many times: parameters bound in order (an {@link Integer}
 * as an integer, a {@link Long} as a long, anything else as text, null as NULL), then one row, all
 * rows, a new row's id or a count of changed rows.
 */
final class Statements {
  private Statements() {}

  /** Reads one result row. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Binds {@code params} from index {@code first}; returns the next free index. */
  static int bind(PreparedStatement ps, int first, Object... params) throws SQLException {
    int i = first;
    for (Object p : params) {
      if (p instanceof Integer n) {
        ps.setInt(i++, n);
      } else if (p instanceof Long n) {
        ps.setLong(i++, n);
      } else {
        ps.setString(i++, (String) p);
      }
    }
    return i;
  }

  /** The first row of the query, if there is one. */
  static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, 1, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
      }
    }
  }

  /** Every row of the query, in its order. */
  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, 1, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }

  /** Runs an insert of one row and returns the id the database gave it. */
  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, 1, params);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Runs a statement that changes rows; returns how many it changed. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, 1, params);
      return ps.executeUpdate();
    }
  }
}
