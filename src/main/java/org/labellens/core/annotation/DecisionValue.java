package org.labellens.core.annotation;

import java.util.List;
import org.labellens.core.JsonText;

/**
 * A decided value: one label, or a set of labels for a set-valued dimension. Stored and exchanged
 * as JSON: a string, or an array of strings.
 *
 * @param labels the label, or the set's labels (in the dimension's label order once validated)
 * @param set whether this is a set (an array), even with one or no label
 */
public record DecisionValue(List<String> labels, boolean set) {
  public DecisionValue {
    labels = List.copyOf(labels);
    if (!set && labels.size() != 1) {
      throw new IllegalArgumentException("a single value has exactly one label");
    }
  }

  public static DecisionValue single(String label) {
    return new DecisionValue(List.of(label), false);
  }

  public static DecisionValue set(List<String> labels) {
    return new DecisionValue(labels, true);
  }

  /** The label of a single value. */
  public String label() {
    if (set) {
      throw new IllegalStateException("a set has no single label");
    }
    return labels.get(0);
  }

  public String toJson() {
    return set ? JsonText.stringArray(labels) : JsonText.string(labels.get(0));
  }

  /** Parses {@link #toJson}: an array is a set, a string a single value. */
  public static DecisionValue fromJson(String json) {
    String t = json.strip();
    return t.startsWith("[") ? set(JsonText.parseStringArray(t)) : single(JsonText.parseString(t));
  }

  /** For JSON output: the label, or the list of labels. */
  public Object plain() {
    return set ? labels : labels.get(0);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
