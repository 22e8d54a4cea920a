package org.labellens.core.model;

import java.util.Optional;

/** How a keyword must sit in the text to count as a match. */
public enum MatchMode {
  /**
   * Anywhere, also inside another word: {@code hang} matches "change". This is the study's rule.
   */
  SUBSTRING("substring"),
  /**
   * As a whole word or phrase: the characters just before and after the match must not be word
   * characters (letters, digits, underscore). A keyword ending in {@code *} only needs a word
   * start, so {@code crash*} matches "crashes" and "crashed".
   */
  WORD("word");

  private final String key;

  MatchMode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<MatchMode> fromKey(String key) {
    for (MatchMode mode : values()) {
      if (mode.key.equals(key)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
