package org.labellens.io;

/** Receives what a reader finds, one item at a time, as it streams through a file. */
public interface IssueSink {
  void issue(ImportedIssue issue);

  /** A pull request (REST items carrying {@code pull_request}): skipped and counted. */
  void pullRequestSkipped(String location);

  /** An outside prediction row of a predictions CSV ({@code repo,number,label}). */
  default void prediction(String repo, int number, String label, String location) {
    throw new org.labellens.core.BadInputException(location + ": unexpected prediction row");
  }

  /** Bytes of the current file consumed so far; called often, cheaply. */
  default void progress(long bytesRead) {}
}
