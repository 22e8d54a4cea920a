package org.labellens.core.stats;

/**
 * Conger's kappa (Conger 1980; the same coefficient as Davies &amp; Fleiss 1982): Fleiss' observed
 * agreement P̄ with a chance term built from each rater's own distribution over categories; the
 * multi-rater generalisation of Cohen's kappa.
 *
 * <pre>
 *   κ    = (P̄ − p_e) / (1 − p_e)
 *   p_e  = Σ_k [ mean_g(p_gk)² − var_g(p_gk) / r ]
 *   p_gk = share of rater g's ratings in category k, over every item g rated
 * </pre>
 *
 * where the mean and the sample variance (divisor r − 1) run over the r raters who rated at least
 * one item, and P̄ is Fleiss' mean agreement over the pairable items. With complete data p_e is the
 * mean over rater pairs of Σ_k p_a(k) p_b(k), and for two raters it is Cohen's chance term, so κ is
 * Cohen's kappa. With missing ratings each rater's shares are taken over everything that rater
 * rated, not over the items shared with each other rater: this is the published definition (Gwet's
 * irrCAC {@code conger.kappa.raw}, NLTK's {@code multi_kappa}) and gives 0.76282 on Krippendorff's
 * (2011) nominal example. For two raters with missing ratings it can therefore differ from Cohen's
 * kappa, which uses the items both rated. Undefined when the chance term is 1 (every rater put
 * every rating in the same single category).
 *
 * <p>References: Conger, A. J. (1980). Integration and generalization of kappas for multiple
 * raters. Psychological Bulletin 88(2), 322–328. Davies, M., &amp; Fleiss, J. L. (1982). Measuring
 * agreement for multinomial data. Biometrics 38(4), 1047–1051. Gwet, K. L. (2014). Handbook of
 * Inter-Rater Reliability, 4th ed., chapter 2.
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
    return ChanceCorrection.meanItemAgreement(
        tally,
        Tally::allInOneCategory,
        CongerKappa::chance,
        () ->
            "every rater put all their ratings in one and the same category,"
                + " so chance agreement is 1 and the coefficient is 0/0");
  }

  /** p_e = Σ_k [ mean_g(p_gk)² − var_g(p_gk) / r ]. */
  private static double chance(Tally tally) {
    int q = tally.categories;
    long[] totals = new long[tally.raters];
    int active = 0;
    for (int g = 0; g < tally.raters; g++) {
      for (int k = 0; k < q; k++) {
        totals[g] += tally.raterMarginals[g * q + k];
      }
      if (totals[g] > 0) {
        active++;
      }
    }
    double expected = 0.0;
    for (int k = 0; k < q; k++) {
      double sum = 0.0;
      for (int g = 0; g < tally.raters; g++) {
        if (totals[g] > 0) {
          sum += (double) tally.raterMarginals[g * q + k] / totals[g];
        }
      }
      double mean = sum / active;
      double squares = 0.0;
      for (int g = 0; g < tally.raters; g++) {
        if (totals[g] > 0) {
          double d = (double) tally.raterMarginals[g * q + k] / totals[g] - mean;
          squares += d * d;
        }
      }
      double variance = active > 1 ? squares / (active - 1) : 0.0;
      expected += mean * mean - variance / active;
    }
    return expected;
  }
}
