package org.labellens.core.stats;

/**
 * Bennett, Alpert and Goldstein's S (also Brennan and Prediger's κ_n, Randolph's free-marginal
 * kappa): chance agreement is 1/q, as if every category were equally likely.
 *
 * <pre>
 *   S = (P̄ − 1/q) / (1 − 1/q)
 * </pre>
 *
 * with P̄ as in {@link PercentAgreement} and q the number of categories (declared, or seen). S
 * depends on q: declaring categories that nobody used raises it. Undefined when q &lt; 2.
 *
 * <p>References: Bennett, E. M., Alpert, R., &amp; Goldstein, A. C. (1954). Communications through
 * limited response questioning. Public Opinion Quarterly 18(3), 303–308.
 */
public final class BennettS {
  static final String NAME = "Bennett's S";

  private BennettS() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    return ChanceCorrection.meanItemAgreement(
        tally, Tally::singleCategory, t -> 1.0 / t.categories, () -> "chance agreement 1/q is 1");
  }
}
