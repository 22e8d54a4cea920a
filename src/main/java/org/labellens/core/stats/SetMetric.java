package org.labellens.core.stats;

/** The whole-set coefficients of a set-valued study, with their JSON keys (docs/agreement.md). */
public enum SetMetric {
  EXACT_MATCH("exact_match", "Exact match"),
  MEAN_JACCARD("mean_jaccard", "Mean Jaccard"),
  KRIPPENDORFF_ALPHA_MASI("krippendorff_alpha_masi", "Krippendorff's alpha (MASI)");

  private final String key;
  private final String label;

  SetMetric(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The JSON key, e.g. {@code mean_jaccard}. */
  public String key() {
    return key;
  }

  /** The name for people. */
  public String label() {
    return label;
  }

  Coefficient evaluate(SetTally tally) {
    switch (this) {
      case EXACT_MATCH:
        return tally.exactMatch();
      case MEAN_JACCARD:
        return tally.meanJaccard();
      case KRIPPENDORFF_ALPHA_MASI:
        return tally.alphaMasi();
      default:
        throw new AssertionError(this);
    }
  }
}
