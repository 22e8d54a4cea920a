package org.labellens.core.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labellens.core.annotation.DecisionValue;

/**
 * An item's gold value on one dimension, or why it has none.
 *
 * @param status resolved, unresolved (a tie or no strict majority: never guessed), or none (no
 *     annotator decided the item)
 * @param value the gold value when resolved, else null
 * @param source where it came from when resolved, else null
 * @param annotators how many annotators' decisions were counted
 * @param votes per label, how many annotators chose it (in the dimension's label order)
 * @param tied for an unresolved item, the labels without a strict majority either way
 */
public record Gold(
    Status status,
    DecisionValue value,
    GoldSource source,
    int annotators,
    Map<String, Integer> votes,
    List<String> tied) {

  /** Whether the item has gold. */
  public enum Status {
    RESOLVED,
    UNRESOLVED,
    NONE
  }

  public Gold {
    Objects.requireNonNull(status, "status");
    votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    tied = List.copyOf(tied);
    if ((status == Status.RESOLVED) != (value != null && source != null)) {
      throw new IllegalArgumentException("a resolved gold value has a value and a source");
    }
  }

  public static Gold none() {
    return new Gold(Status.NONE, null, null, 0, Map.of(), List.of());
  }

  public boolean isResolved() {
    return status == Status.RESOLVED;
  }

  public boolean isUnresolved() {
    return status == Status.UNRESOLVED;
  }

  /** For people: why an unresolved item has no gold. */
  public String explanation() {
    if (status != Status.UNRESOLVED) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    boolean tie = !tied.isEmpty();
    for (String label : tied) {
      tie &= 2 * votes.getOrDefault(label, 0) == annotators;
    }
    sb.append(tie ? "a tie" : "no strict majority");
    sb.append(" among ").append(annotators).append(" annotators");
    if (!tied.isEmpty()) {
      sb.append(" on ").append(String.join(", ", tied));
    }
    sb.append(" (votes: ");
    boolean first = true;
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      first = false;
    }
    if (first) {
      sb.append("none");
    }
    return sb.append(')').toString();
  }
}
