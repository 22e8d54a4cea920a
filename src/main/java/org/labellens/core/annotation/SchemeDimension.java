package org.labellens.core.annotation;

import java.util.List;
import java.util.Objects;

/**
 * A dimension annotators decide, as far as validating a decision needs: its kind and labels.
 *
 * @param id e.g. {@code category}
 * @param kind set, single, binary, ordinal or text
 * @param labels the label identifiers in taxonomy order (scale order for ordinal); none for text
 */
public record SchemeDimension(String id, ValueKind kind, List<String> labels) {
  public SchemeDimension {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    labels = List.copyOf(labels);
  }

  /** Whether decisions on this dimension take labels (not free text). */
  public boolean isCategorical() {
    return kind.isCategorical();
  }
}
