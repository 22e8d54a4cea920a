package org.labellens.core.stats;

/**
 * Fleiss' kappa for any number of raters, with Gwet's generalisation to missing ratings.
 *
 * <pre>
 *   κ   = (P̄ − p_e) / (1 − p_e)
 *   P̄   = mean over items with n_i ≥ 2 of Σ_k n_ik (n_ik − 1) / (n_i (n_i − 1))
 *   π_k = mean over items with n_i ≥ 1 of n_ik / n_i
 *   p_e = Σ_k π_k²
 * </pre>
 *
 * With complete data (every item rated by the same number of raters) this is Fleiss (1971) exactly;
 * with missing ratings P̄ is taken over pairable items and π_k over all rated items, as in Gwet
 * (2014). Undefined when every rating is in one category.
 *
 * <p>References: Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
 * Psychological Bulletin 76(5), 378–382. Gwet, K. L. (2014). Handbook of Inter-Rater Reliability,
 * 4th ed., chapter 5 (missing ratings).
 */
public final class FleissKappa {
  static final String NAME = "Fleiss' kappa";

  private FleissKappa() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    return ChanceCorrection.meanItemAgreement(
        tally, Tally::allInOneCategory, FleissKappa::chance, () -> "chance agreement Σπ_k² is 1");
  }

  /** p_e = Σ_k π_k². */
  private static double chance(Tally tally) {
    double expected = 0.0;
    for (int k = 0; k < tally.categories; k++) {
      double share = tally.categoryShare(k);
      expected += share * share;
    }
    return expected;
  }
}
