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
 * @param labels per label, whether it is in the gold value, for every label whose gold is resolved
 *     (docs/validation.md): all labels of a resolved item; for a set-valued dimension whose
 *     annotators tie on some labels, the other labels, each decided on its own; none for a
 *     single-valued dimension without a strict majority
 */
public record Gold(
    Status status,
    DecisionValue value,
    GoldSource source,
    int annotators,
    Map<String, Integer> votes,
    List<String> tied,
    Map<String, Boolean> labels) {

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
    labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    if ((status == Status.RESOLVED) != (value != null && source != null)) {
      throw new IllegalArgumentException("a resolved gold value has a value and a source");
    }
  }

  /**
   * A gold value whose per-label gold follows from the value (resolved: each label of {@code votes}
   * is in or out) or is unknown for every label (unresolved or none).
   */
  public Gold(
      Status status,
      DecisionValue value,
      GoldSource source,
      int annotators,
      Map<String, Integer> votes,
      List<String> tied) {
    this(status, value, source, annotators, votes, tied, perLabel(value, votes));
  }

  private static Map<String, Boolean> perLabel(DecisionValue value, Map<String, Integer> votes) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (value != null) {
      for (String label : votes.keySet()) {
        out.put(label, value.labels().contains(label));
      }
    }
    return out;
  }

  public static Gold none() {
    return new Gold(Status.NONE, null, null, 0, Map.of(), List.of());
  }

  /**
   * The gold on one label: true when the label is in the gold value, false when it is not, null
   * when that is unresolved (a tie on the label, no strict majority on a single-valued dimension,
   * or no annotator yet).
   */
  public Boolean has(String label) {
    return labels.get(label);
  }

  /**
   * For a set-valued dimension, whether the gold set is empty: true when every label is resolved
   * out of it, false as soon as one label is resolved into it (whatever the ties on others), null
   * otherwise (docs/validation.md).
   */
  public Boolean isEmptySet() {
    if (status == Status.NONE) {
      return null;
    }
    if (labels.containsValue(Boolean.TRUE)) {
      return false;
    }
    return labels.size() == votes.size() ? Boolean.TRUE : null;
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
