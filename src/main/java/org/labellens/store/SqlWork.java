package org.labellens.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work on one connection; the caller owns the transaction around it. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
