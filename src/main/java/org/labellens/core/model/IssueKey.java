package org.labellens.core.model;

import java.util.Objects;

/** An issue's identity: its repository ({@code owner/name}) and its number there. */
public record IssueKey(String repo, int number) implements Comparable<IssueKey> {
  public IssueKey {
    Objects.requireNonNull(repo, "repo");
  }

  @Override
  public int compareTo(IssueKey other) {
    int c = repo.compareTo(other.repo);
    return c != 0 ? c : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return repo + "#" + number;
  }
}
