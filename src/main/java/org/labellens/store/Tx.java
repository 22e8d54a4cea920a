package org.labellens.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An open transaction (or, for reads, a read connection), handed to work by {@link Database}.
 * Callers outside {@code store} pass it to repositories and never see JDBC; repositories reach the
 * connection through {@link #jdbc}, which turns {@link SQLException} into the message a person
 * needs.
 */
public final class Tx {
  private final Database db;
  private final Connection connection;

  Tx(Database db, Connection connection) {
    this.db = db;
    this.connection = connection;
  }

  /** Runs JDBC work on this transaction's connection (for repositories in this package). */
  <T> T jdbc(SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw Database.describe(db.file(), e);
    }
  }
}
