package org.labellens.core.model;

import java.util.Optional;

/** The parts of an issue a rule can search. */
public enum TextField {
  TITLE("title"),
  BODY("body"),
  /** The labels, joined with a line feed (offsets refer to that joined text). */
  LABELS("labels");

  private final String key;

  TextField(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<TextField> fromKey(String key) {
    for (TextField field : values()) {
      if (field.key.equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
