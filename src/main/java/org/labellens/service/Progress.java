package org.labellens.service;

/** Progress of long work, reported from the worker thread; implementations must be cheap. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (message, done, total) -> {};

  /**
   * @param message what is being done, for people
   * @param done units done so far
   * @param total units in all, or -1 when unknown
   */
  void update(String message, long done, long total);
}
