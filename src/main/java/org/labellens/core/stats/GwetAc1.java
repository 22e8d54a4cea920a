package org.labellens.core.stats;

/**
 * Gwet's AC1, a chance-corrected agreement whose chance term stays small when one category
 * dominates (the "high agreement, low kappa" paradox of Feinstein and Cicchetti).
 *
 * <pre>
 *   AC1 = (P̄ − p_e) / (1 − p_e)
 *   p_e = Σ_k π_k (1 − π_k) / (q − 1)
 * </pre>
 *
 * with P̄ and π_k as in {@link FleissKappa} and q the number of categories (declared, or seen).
 * Undefined when q &lt; 2. With q ≥ 2 declared and every rating in one category, AC1 is 1 (p_e is
 * 0), which is the published definition, not a special case.
 *
 * <p>References: Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the
 * presence of high agreement. British Journal of Mathematical and Statistical Psychology 61(1),
 * 29–48.
 */
public final class GwetAc1 {
  static final String NAME = "Gwet's AC1";

  private GwetAc1() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    return ChanceCorrection.meanItemAgreement(
        tally, Tally::singleCategory, GwetAc1::chance, () -> "AC1's chance agreement is 1");
  }

  /** p_e = Σ_k π_k (1 − π_k) / (q − 1). */
  private static double chance(Tally tally) {
    int q = tally.categories;
    double sum = 0.0;
    for (int k = 0; k < q; k++) {
      double share = tally.categoryShare(k);
      sum += share * (1.0 - share);
    }
    return sum / (q - 1);
  }
}
