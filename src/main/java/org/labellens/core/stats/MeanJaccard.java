package org.labellens.core.stats;

/**
 * Mean Jaccard similarity for set-valued ratings: the mean over pairable items of the mean, over
 * the item's rater pairs, of |A ∩ B| / |A ∪ B|; two empty sets count as 1. Not chance-corrected.
 *
 * <pre>
 *   mean_jaccard = mean over items with n_i ≥ 2 of  Σ_{a &lt; b} J(S_ia, S_ib) / C(n_i, 2)
 * </pre>
 *
 * Undefined without pairable items.
 *
 * <p>References: Jaccard, P. (1912). The distribution of the flora in the alpine zone. New
 * Phytologist 11(2), 37–50.
 */
public final class MeanJaccard {
  private MeanJaccard() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(SetAgreementStudy<?> study) {
    study.requireAtLeastTwoRaters("Mean Jaccard");
    return SetTally.of(study).meanJaccard();
  }
}
