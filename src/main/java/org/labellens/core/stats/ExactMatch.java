package org.labellens.core.stats;

/**
 * Exact match for set-valued ratings: the mean over pairable items of the share of rater pairs that
 * gave identical sets (the empty set included). Not chance-corrected.
 *
 * <pre>
 *   exact_match = mean over items with n_i ≥ 2 of  #{pairs a &lt; b : S_ia = S_ib} / C(n_i, 2)
 * </pre>
 *
 * Undefined without pairable items.
 */
public final class ExactMatch {
  private ExactMatch() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(SetAgreementStudy<?> study) {
    study.requireAtLeastTwoRaters("Exact match");
    return SetTally.of(study).exactMatch();
  }
}
