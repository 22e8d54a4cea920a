package org.labellens.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An annotation dimension: what annotators decide about an issue, and, for a predicted dimension,
 * how the keyword classifier predicts it.
 *
 * <p>A dimension is one of three sorts:
 *
 * <ul>
 *   <li><b>predicted</b> ({@code matching} present): its labels carry rules. A set dimension
 *       predicts every label whose score reaches the minimum; a single or binary one predicts the
 *       label with the highest score (ties by label order), or the fallback when none reaches it.
 *   <li><b>derived</b> ({@code derivedFrom} present): the classifier's value is the label of the
 *       named set dimension with the most evidence (highest score, ties by that dimension's label
 *       order), or the fallback when that set is empty. This is how {@code primary} is predicted.
 *   <li><b>manual</b>: annotators choose; the classifier says nothing.
 * </ul>
 *
 * @param id the stable identifier, e.g. {@code category}
 * @param kind how many labels an issue takes
 * @param description what annotators decide, in words they can act on
 * @param labels the labels in taxonomy order (for an ordinal dimension, the scale's order)
 * @param matching how the dimension is predicted from rules; null unless predicted
 * @param derivedFrom the set dimension the value is derived from; null unless derived
 * @param fallback the label predicted when no rule fires (single, binary, derived); null for none
 */
public record Dimension(
    String id,
    DimensionKind kind,
    String description,
    List<Label> labels,
    MatchSettings matching,
    String derivedFrom,
    String fallback) {

  public Dimension {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    description = description == null ? "" : description;
    labels = List.copyOf(labels);
  }

  public boolean isPredicted() {
    return matching != null;
  }

  public boolean isDerived() {
    return derivedFrom != null;
  }

  public Optional<Label> label(String labelId) {
    return labels.stream().filter(l -> l.id().equals(labelId)).findFirst();
  }

  /** The position of a label in taxonomy order, or -1. */
  public int indexOf(String labelId) {
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).id().equals(labelId)) {
        return i;
      }
    }
    return -1;
  }

  public List<String> labelIds() {
    return labels.stream().map(Label::id).toList();
  }
}
