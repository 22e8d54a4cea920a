package org.labellens.store;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC work on one connection, for repositories in this package. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
