package org.labellens.classify;

import java.util.List;

/**
 * The parts of an issue the classifier reads.
 *
 * @param title the issue title
 * @param body the issue body (null is read as empty)
 * @param labels the issue's label names, in the source's order
 */
public record IssueText(String title, String body, List<String> labels) {

  public IssueText {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** The labels field as searched: the names joined with a line feed. */
  public String labelsText() {
    return String.join("\n", labels);
  }
}
