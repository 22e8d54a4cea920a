package org.labellens.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A GitHub issue as LabelLens keeps it, normalised from any input format: labels are names, state
 * is lower case, a missing body is the empty string, timestamps are ISO-8601 text as the source
 * gave them.
 *
 * @param comments the number of comments, or {@code null} when the source did not say
 */
public record Issue(
    String repo,
    int number,
    String framework,
    String title,
    String body,
    List<String> labels,
    String state,
    String createdAt,
    String closedAt,
    String url,
    String author,
    Integer comments) {

  public Issue {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(labels);
  }

  public IssueKey key() {
    return new IssueKey(repo, number);
  }
}
