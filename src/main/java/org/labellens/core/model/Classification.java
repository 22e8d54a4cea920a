package org.labellens.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword classifier's output for one issue.
 *
 * @param predicted per predicted or derived dimension (in taxonomy order), its labels in taxonomy
 *     order: any number for a set dimension, exactly one for a single, binary or derived one
 * @param primary the run's primary label: the value of the taxonomy's primary dimension (the label
 *     with the most evidence, ties by taxonomy order; the fallback, e.g. {@code other}, when none)
 * @param production whether the issue is in the production frame; null when the taxonomy defines
 *     none
 * @param bugPerf whether the issue carries a bug/perf label; null when the taxonomy defines none
 * @param evidence the evidence of every predicted label, in taxonomy order
 */
public record Classification(
    Map<String, List<String>> predicted,
    String primary,
    Boolean production,
    Boolean bugPerf,
    List<Evidence> evidence) {

  public Classification {
    predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
    evidence = List.copyOf(evidence);
  }

  /** The predicted labels of a dimension; empty when the dimension is not predicted. */
  public List<String> labels(String dimension) {
    return predicted.getOrDefault(dimension, List.of());
  }
}
