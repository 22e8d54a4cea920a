package org.labellens.core.model;

import java.util.Locale;
import java.util.Optional;

/** How many labels of a dimension an issue takes, and whether they are ordered. */
public enum DimensionKind {
  /** Any subset of the labels (multi-label), e.g. {@code category}; the empty set is allowed. */
  SET("set"),
  /** Exactly one label, e.g. {@code primary} or {@code root_cause}. */
  SINGLE("single"),
  /** Exactly one of two labels, e.g. {@code production}: yes / no. */
  BINARY("binary"),
  /** Exactly one label of an ordered scale, listed from first to last, e.g. {@code severity}. */
  ORDINAL("ordinal"),
  /**
   * Free text, e.g. a short explanation: no labels, never predicted, not compared between
   * annotators (docs/taxonomy-format.md).
   */
  TEXT("text");

  private final String key;

  DimensionKind(String key) {
    this.key = key;
  }

  /** The name used in taxonomy files and exchange files. */
  public String key() {
    return key;
  }

  public static Optional<DimensionKind> fromKey(String key) {
    for (DimensionKind kind : values()) {
      if (kind.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
