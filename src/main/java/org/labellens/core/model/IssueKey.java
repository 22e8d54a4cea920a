package org.labellens.core.model;

import java.util.Objects;

/**
 * An issue's identity: its repository ({@code owner/name}) and its number there. Repositories are
 * compared ignoring ASCII case, as GitHub does ({@code A/B#1} and {@code a/b#1} are one issue);
 * {@link #repo()} keeps the spelling given.
 */
public record IssueKey(String repo, int number) implements Comparable<IssueKey> {
  public IssueKey {
    Objects.requireNonNull(repo, "repo");
  }

  /** The repository as compared: ASCII letters in lower case (SQLite's NOCASE, GitHub's rule). */
  public static String repoKey(String repo) {
    StringBuilder sb = null;
    for (int i = 0; i < repo.length(); i++) {
      char ch = repo.charAt(i);
      if (ch >= 'A' && ch <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(repo);
        }
        sb.setCharAt(i, (char) (ch + ('a' - 'A')));
      }
    }
    return sb == null ? repo : sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IssueKey k && number == k.number && repoKey(repo).equals(repoKey(k.repo));
  }

  @Override
  public int hashCode() {
    return 31 * repoKey(repo).hashCode() + number;
  }

  @Override
  public int compareTo(IssueKey other) {
    int c = repoKey(repo).compareTo(repoKey(other.repo));
    return c != 0 ? c : Integer.compare(number, other.number);
  }

  @Override
  public String toString() {
    return repo + "#" + number;
  }
}
