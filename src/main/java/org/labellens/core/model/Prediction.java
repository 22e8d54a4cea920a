package org.labellens.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one classifier run said about one issue.
 *
 * @param labels per dimension (in the order given), the predicted labels (one for single-label
 *     dimensions, any number for sets; an empty list is the empty set)
 * @param primary the primary category: most evidence, ties by taxonomy order; {@code other} if none
 */
public record Prediction(
    Map<String, List<String>> labels, String primary, List<Evidence> evidence) {
  public Prediction {
    // the caller's order is kept (Map.copyOf would iterate in an order that changes from run to
    // run, and with it every listing of the labels)
    Map<String, List<String>> copy = new LinkedHashMap<>();
    labels.forEach(
        (dimension, values) -> copy.put(Objects.requireNonNull(dimension), List.copyOf(values)));
    labels = Collections.unmodifiableMap(copy);
    evidence = List.copyOf(evidence);
  }
}
