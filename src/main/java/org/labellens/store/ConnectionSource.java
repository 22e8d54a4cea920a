package org.labellens.store;

/**
 * Where a project's connections come from, and how work on them is made transactional: today one
 * SQLite file ({@link Database}). Repositories are built over a source ({@link Repositories}) and
 * never open connections themselves; every repository method runs inside the {@link Tx} that one of
 * these methods hands out, so a use case that touches several repositories is one transaction
 * (docs/decisions/0017-repositories.md).
 */
public interface ConnectionSource extends AutoCloseable {
  /**
   * Runs {@code work} in one transaction and returns its result; on any exception nothing is
   * written and the exception is rethrown (database failures as the message a person needs).
   */
  <T> T write(TxWork<T> work);

  /**
   * Like {@link #write} for bulk work (imports): just as atomic; its commit may not wait for the
   * disk, so after a power cut the whole transaction may be missing, never half of it.
   */
  <T> T writeBulk(TxWork<T> work);

  /** Runs read-only {@code work} on a read connection. */
  <T> T read(TxWork<T> work);

  /** The few statements that differ between database engines. */
  Dialect dialect();

  /** Closes the source; pending writes finish first. */
  @Override
  void close();
}
