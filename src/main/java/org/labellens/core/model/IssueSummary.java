package org.labellens.core.model;

import java.util.List;

/** What a list of issues shows: enough to find one, not its body. */
public record IssueSummary(
    long id,
    String framework,
    String repo,
    int number,
    String title,
    List<String> labels,
    String state) {
  public IssueSummary {
    labels = List.copyOf(labels);
  }

  public IssueKey key() {
    return new IssueKey(repo, number);
  }
}
