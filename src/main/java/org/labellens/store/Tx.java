package org.labellens.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An open transaction (or, for reads, a read connection), handed to work by a {@link
 * ConnectionSource}. Callers outside {@code store} pass it to repositories and never see JDBC;
 * repositories reach the connection through {@link #jdbc}, which turns {@link SQLException} into
 * the message a person needs.
 */
public final class Tx {
  private final Connection connection;
  private final Function<SQLException, RuntimeException> failure;

  /**
   * @param failure what a failed statement becomes (the source knows its engine's messages)
   */
  Tx(Connection connection, Function<SQLException, RuntimeException> failure) {
    this.connection = connection;
    this.failure = failure;
  }

  /** Runs JDBC work on this transaction's connection (for repositories in this package). */
  <T> T jdbc(SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }

  /** The first row of a query (see {@link Statements}), if there is one. */
  <T> Optional<T> first(String sql, Statements.Row<T> row, Object... params) {
    return jdbc(c -> Statements.first(c, sql, row, params));
  }

  /** Whether a query has a row. */
  boolean exists(String sql, Object... params) {
    return first(sql, rs -> true, params).isPresent();
  }

  /** Every row of a query (see {@link Statements}), in its order. */
  <T> List<T> list(String sql, Statements.Row<T> row, Object... params) {
    return jdbc(c -> Statements.list(c, sql, row, params));
  }

  /** Inserts one row (see {@link Statements}); returns the id the database gave it. */
  long insert(String sql, Object... params) {
    return jdbc(c -> Statements.insert(c, sql, params));
  }

  /** Runs a statement that changes rows (see {@link Statements}); returns how many it changed. */
  int update(String sql, Object... params) {
    return jdbc(c -> Statements.update(c, sql, params));
  }
}
