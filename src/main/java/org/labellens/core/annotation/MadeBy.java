package org.labellens.core.annotation;

import java.util.Optional;

/**
 * Who made a decision: a person (in the window, or in an exchange file of a person's decisions) or
 * the simulated annotator of {@code simulate}. Stored with every event and current decision, and
 * carried through exchange files, so that figures resting on simulated decisions can say so.
 */
public enum MadeBy {
  PERSON("person"),
  SIMULATE("simulate");

  private final String key;

  MadeBy(String key) {
    this.key = key;
  }

  /** The stored and exchanged name: {@code person} or {@code simulate}. */
  public String key() {
    return key;
  }

  public static Optional<MadeBy> fromKey(String key) {
    for (MadeBy m : values()) {
      if (m.key.equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Who makes a decision that enters through {@code origin} (an import says so itself). */
  public static MadeBy of(DecisionOrigin origin) {
    return origin == DecisionOrigin.SIMULATE ? SIMULATE : PERSON;
  }
}
