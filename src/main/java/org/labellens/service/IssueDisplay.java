package org.labellens.service;

import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.Issue;

/**
 * Everything the annotation window shows of one sampled issue: its text, what the sample's
 * classifier run predicted (per dimension, as recorded with a decision), and for highlighting every
 * occurrence of a rule with its offsets, plus the body's zones (prose, code, logs, environment,
 * template).
 */
public record IssueDisplay(
    long id,
    Issue issue,
    Map<String, DecisionValue> predicted,
    List<Highlight> highlights,
    List<Zone> zones) {

  public IssueDisplay {
    predicted = Map.copyOf(predicted);
    highlights = List.copyOf(highlights);
    zones = List.copyOf(zones);
  }

  /**
   * One occurrence of a keyword or pattern: in {@code field} ({@code title}, {@code body} or {@code
   * labels}) at [start, end); {@code counted} is false when a rule's exclusion or a zone's zero
   * weight kept it from voting, with {@code why}.
   */
  public record Highlight(
      String dimension,
      String label,
      String keyword,
      String field,
      int start,
      int end,
      boolean counted,
      String why) {}

  /** A zone of the body: {@code kind} is prose, code, log, env or template; [start, end). */
  public record Zone(String kind, int start, int end) {}
}
