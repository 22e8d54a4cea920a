package org.labellens.store;

/**
 * Work inside a transaction: what services hand to {@link Database#write} and {@link
 * Database#read}.
 */
@FunctionalInterface
public interface TxWork<T> {
  T run(Tx tx);
}
