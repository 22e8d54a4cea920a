package org.labellens.core.annotation;

import java.util.Locale;
import java.util.Optional;

/** How many labels of a dimension one decision holds (the taxonomy's dimension kinds). */
public enum ValueKind {
  /** Any subset of the labels; the empty set means none applies. Written as a JSON array. */
  SET("set"),
  /** Exactly one label. */
  SINGLE("single"),
  /** Exactly one of two labels (e.g. yes / no). */
  BINARY("binary"),
  /** Exactly one label of an ordered scale. */
  ORDINAL("ordinal"),
  /**
   * Free text: one string of at most {@link AnnotationScheme#MAX_TEXT} characters, stored as the
   * decision's value. Not categorical: agreement, gold and validation leave it out.
   */
  TEXT("text");

  private final String key;

  ValueKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean isSet() {
    return this == SET;
  }

  /** Whether decisions take labels (every kind but free text). */
  public boolean isCategorical() {
    return this != TEXT;
  }

  public static Optional<ValueKind> fromKey(String key) {
    for (ValueKind k : values()) {
      if (k.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
