package org.labellens.core.validation;

/**
 * Where an item's gold value came from (docs/validation.md, "Gold", in this order of precedence).
 */
public enum GoldSource {
  /** The lead's adjudicated value. */
  ADJUDICATED("adjudicated"),
  /** Every annotator who decided the item gave this value (also: a single annotator). */
  UNANIMOUS("unanimous"),
  /** More than half of the annotators (for a set: label by label). */
  MAJORITY("majority");

  private final String key;

  GoldSource(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
