package org.labellens.core.stats;

/**
 * Scott's pi for exactly two raters, on the items both rated: like Cohen's kappa, but chance
 * agreement comes from the pooled marginals of the two raters.
 *
 * <pre>
 *   π   = (p_o − p_e) / (1 − p_e)
 *   p_e = Σ_k ((p_k. + p_.k) / 2)²
 * </pre>
 *
 * Undefined when both raters put every common item in one category, or share no item.
 *
 * <p>References: Scott, W. A. (1955). Reliability of content analysis: the case of nominal scale
 * coding. Public Opinion Quarterly 19(3), 321–325.
 */
public final class ScottPi {
  static final String NAME = "Scott's pi";

  private ScottPi() {}

  /**
   * @throws InsufficientDataException unless the study has ratings and exactly 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireTwoRaters(NAME);
    return of(Tally.of(study, false).pair(0));
  }

  static Coefficient of(RaterPairCounts pair) {
    String none = pair.noCommonItems();
    if (none != null) {
      return Coefficient.undefined(none);
    }
    if (pair.sharedSoleCategory() != null) {
      return Coefficient.undefined(pair.degenerateReason());
    }
    double twiceItems = 2.0 * pair.items;
    double expected = 0.0;
    for (int k = 0; k < pair.categories; k++) {
      double pooled = (pair.firstTotals[k] + pair.secondTotals[k]) / twiceItems;
      expected += pooled * pooled;
    }
    double observed = (double) pair.agreements / pair.items;
    return ChanceCorrection.agreement(observed, expected, pair::degenerateReason);
  }
}
