package org.labellens.core.stats;

/**
 * Conger's kappa: Fleiss' observed agreement P̄ with Cohen's rater-specific chance term, averaged
 * over rater pairs; the multi-rater generalisation of Cohen's kappa (Hubert's kappa in some
 * libraries).
 *
 * <pre>
 *   κ   = (P̄ − p_e) / (1 − p_e)
 *   p_e = mean over rater pairs (a, b) of Σ_k p_a(k) p_b(k)
 * </pre>
 *
 * where p_a(k) is rater a's share of category k. With complete data this is Conger (1980) exactly.
 * With missing ratings each pair's marginals are taken on the items both raters rated, and pairs
 * with no common item are left out of the mean (they contribute no pair to P̄ either); this keeps κ
 * equal to Cohen's kappa for two raters, as the definition requires. Undefined when the chance term
 * is 1.
 *
 * <p>References: Conger, A. J. (1980). Integration and generalization of kappas for multiple
 * raters. Psychological Bulletin 88(2), 322–328.
 */
public final class CongerKappa {
  static final String NAME = "Conger's kappa";

  private CongerKappa() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    Coefficient observed = tally.meanItemAgreement();
    if (!observed.isDefined()) {
      return observed;
    }
    double sum = 0.0;
    int used = 0;
    for (int pair = 0; pair < tally.pairCount(); pair++) {
      RaterPairCounts counts = tally.pair(pair);
      if (counts.items > 0) {
        sum += counts.cohenExpected();
        used++;
      }
    }
    String sole = tally.soleCategory(tally.pairableMarginals);
    if (sole != null) {
      return Coefficient.undefined(Tally.allInOneCategory(sole));
    }
    return ChanceCorrection.agreement(
        observed.value(),
        sum / used,
        () ->
            "every pair of raters put all its common items in one category,"
                + " so chance agreement is 1 and the coefficient is 0/0");
  }
}
