package org.labellens.core.annotation;

import java.util.Optional;

/**
 * When a decision was made relative to seeing the classifier: {@code blind} (the prediction was
 * hidden) or {@code revealed} (it was shown). Samples drawn blind-first take a blind decision and
 * then a revealed one for every item; other samples take revealed decisions only.
 */
public enum Phase {
  BLIND("blind"),
  REVEALED("revealed");

  private final String key;

  Phase(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Phase> fromKey(String key) {
    for (Phase p : values()) {
      if (p.key.equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
