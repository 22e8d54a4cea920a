package org.labellens.core.stats;

/**
 * Cohen's weighted kappa for exactly two raters on an ordinal scale, on the items both rated.
 * Disagreements are weighted by the distance between the categories' positions in the study's
 * category order (declare the scale with its order; a category nobody used still counts for the
 * distance only if it is declared).
 *
 * <pre>
 *   κ_w = 1 − Σ_jk d_jk p_jk / Σ_jk d_jk p_j. p_.k
 *   d_jk = |j − k|     (linear)      or     (j − k)²     (quadratic)
 * </pre>
 *
 * This equals Cohen's (1968) form (p_o(w) − p_e(w)) / (1 − p_e(w)) with agreement weights w_jk = 1
 * − d_jk / d_max. With quadratic weights it equals the intraclass correlation under the usual
 * assumptions. Undefined when both raters put every common item in one category, or share no item.
 *
 * <p>References: Cohen, J. (1968). Weighted kappa: nominal scale agreement with provision for
 * scaled disagreement or partial credit. Psychological Bulletin 70(4), 213–220.
 */
public final class WeightedKappa {
  static final String NAME = "Weighted kappa";

  /** How a disagreement between categories j and k of the ordered scale is weighted. */
  public enum Weights {
    /** |j − k|. */
    LINEAR,
    /** (j − k)². */
    QUADRATIC;

    long distance(int j, int k) {
      long d = Math.abs(j - k);
      return this == LINEAR ? d : d * d;
    }
  }

  private WeightedKappa() {}

  /**
   * @throws InsufficientDataException unless the study has ratings and exactly 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study, Weights weights) {
    study.requireTwoRaters(NAME);
    return of(Tally.of(study, false).pair(0), weights);
  }

  static Coefficient of(RaterPairCounts pair, Weights weights) {
    String none = pair.noCommonItems();
    if (none != null) {
      return Coefficient.undefined(none);
    }
    int q = pair.categories;
    double observed = 0.0;
    double expected = 0.0;
    for (int j = 0; j < q; j++) {
      for (int k = 0; k < q; k++) {
        long d = weights.distance(j, k);
        if (d != 0) {
          observed += (double) d * pair.joint[j * q + k];
          expected += (double) d * pair.firstTotals[j] * pair.secondTotals[k];
        }
      }
    }
    double n = pair.items;
    return ChanceCorrection.disagreement(observed / n, expected / (n * n), pair::degenerateReason);
  }
}
