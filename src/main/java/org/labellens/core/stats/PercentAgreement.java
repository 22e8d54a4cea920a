package org.labellens.core.stats;

/**
 * Percent agreement: Fleiss' P̄, the mean over pairable items of the share of agreeing rater pairs.
 *
 * <pre>
 *   P_i = Σ_k n_ik (n_ik − 1) / (n_i (n_i − 1))      for items with n_i ≥ 2 ratings
 *   P̄  = mean of P_i over those items
 * </pre>
 *
 * With two raters and complete data this is the plain share of items with the same label. Items
 * with fewer than two ratings carry no agreement and are left out; with no pairable item the value
 * is undefined.
 *
 * <p>References: Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
 * Psychological Bulletin 76(5), 378–382.
 */
public final class PercentAgreement {
  static final String NAME = "Percent agreement";

  private PercentAgreement() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    return tally.meanItemAgreement();
  }
}
