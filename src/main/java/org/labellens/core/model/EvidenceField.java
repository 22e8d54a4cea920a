package org.labellens.core.model;

import java.util.Optional;

/**
 * Where a match was found, as recorded with the evidence. Body zones are told apart ({@code
 * body:code}, {@code body:log}, ...) when the taxonomy zones the body; offsets are always into the
 * whole original field text ({@code body} for every body zone).
 */
public enum EvidenceField {
  TITLE("title"),
  /** The body, or its prose when the taxonomy zones the body. */
  BODY("body"),
  BODY_CODE("body:code"),
  BODY_LOG("body:log"),
  BODY_ENV("body:env"),
  BODY_TEMPLATE("body:template"),
  LABELS("labels"),
  /**
   * A match across the join of title and body in the study's text {@code title + " " + body}; its
   * offsets are into that joined original text.
   */
  TITLE_BODY("title+body");

  private final String key;

  EvidenceField(String key) {
    this.key = key;
  }

  /** The name stored in the database and used as a weight key in taxonomy files. */
  public String key() {
    return key;
  }

  public static Optional<EvidenceField> fromKey(String key) {
    for (EvidenceField field : values()) {
      if (field.key.equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
