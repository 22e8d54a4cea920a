package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Cohen's kappa and percent agreement for every pair of raters, each pair on the items both rated,
 * with the number of those items and the pair's confusion matrix. Pairs come in rater order: (r1,
 * r2), (r1, r3), …, (r2, r3), ….
 *
 * <p>References: Cohen, J. (1960), see {@link CohenKappa}.
 */
public final class PairwiseAgreement {
  static final String NAME = "Pairwise agreement";

  private PairwiseAgreement() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static List<RaterPairAgreement> compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static List<RaterPairAgreement> of(Tally tally) {
    List<RaterPairAgreement> pairs = new ArrayList<>(tally.pairCount());
    for (int pair = 0; pair < tally.pairCount(); pair++) {
      RaterPairCounts counts = tally.pair(pair);
      pairs.add(
          new RaterPairAgreement(
              counts.first,
              counts.second,
              counts.items,
              counts.percentAgreement(),
              CohenKappa.of(counts),
              ConfusionMatrix.of(counts)));
    }
    return List.copyOf(pairs);
  }
}
