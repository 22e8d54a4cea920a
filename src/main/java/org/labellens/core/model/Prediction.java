package org.labellens.core.model;

import java.util.List;
import java.util.Map;

/**
 * What one classifier run said about one issue.
 *
 * @param labels per dimension, the predicted labels (one for single-label dimensions, any number
 *     for sets; an empty list is the empty set)
 * @param primary the primary category: most evidence, ties by taxonomy order; {@code other} if none
 */
public record Prediction(
    Map<String, List<String>> labels, String primary, List<Evidence> evidence) {
  public Prediction {
    labels = Map.copyOf(labels);
    evidence = List.copyOf(evidence);
  }
}
