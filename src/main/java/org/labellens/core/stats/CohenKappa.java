package org.labellens.core.stats;

import org.labellens.core.sampling.NormalDistribution;

/**
 * Cohen's kappa for exactly two raters, on the items both rated, with the large-sample standard
 * error of Fleiss, Cohen and Everitt (1969).
 *
 * <pre>
 *   κ   = (p_o − p_e) / (1 − p_e)
 *   p_o = Σ_k p_kk                         (share of items with the same category)
 *   p_e = Σ_k p_k. p_.k                    (each rater's own marginals)
 *   se  = √(A + B − C) / ((1 − p_e) √n)
 *   A   = Σ_k p_kk [1 − (p_k. + p_.k)(1 − κ)]²
 *   B   = (1 − κ)² Σ_{j≠k} p_jk (p_.j + p_k.)²
 *   C   = [κ − p_e (1 − κ)]²
 *   ci95_asymptotic = κ ± z se,  z = Φ⁻¹(0.975) = 1.959963984540054
 * </pre>
 *
 * κ is undefined when p_e = 1, that is when both raters put every common item in the same single
 * category, and when the raters share no item. The asymptotic interval is not clipped to [−1, 1];
 * it is the formula as published (prefer the bootstrap interval for small n).
 *
 * <p>References: Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
 * Psychological Measurement 20(1), 37–46. Fleiss, J. L., Cohen, J., &amp; Everitt, B. S. (1969).
 * Large sample standard errors of kappa and weighted kappa. Psychological Bulletin 72(5), 323–327.
 */
public final class CohenKappa {
  static final String NAME = "Cohen's kappa";

  /**
   * The 97.5% quantile of the standard normal distribution, Φ⁻¹(0.975) = 1.959963984540054,
   * computed to double precision (not a rounded table value), as every interval in the project uses
   * it.
   */
  public static final double Z_95 = NormalDistribution.twoSidedZ(0.95);

  private CohenKappa() {}

  /**
   * @throws InsufficientDataException unless the study has ratings and exactly 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireTwoRaters(NAME);
    return of(Tally.of(study, false).pair(0));
  }

  /**
   * The large-sample standard error of κ (Fleiss, Cohen &amp; Everitt 1969); undefined whenever κ
   * is.
   *
   * @throws InsufficientDataException unless the study has ratings and exactly 2 raters
   */
  public static Coefficient standardError(AgreementStudy<?> study) {
    study.requireTwoRaters(NAME);
    return standardError(Tally.of(study, false).pair(0));
  }

  /** κ ± z · se with z = Φ⁻¹(0.975) exactly. */
  public static Interval asymptoticInterval(double kappa, double standardError) {
    return new Interval(kappa - Z_95 * standardError, kappa + Z_95 * standardError);
  }

  static Coefficient of(RaterPairCounts pair) {
    String none = pair.noCommonItems();
    if (none != null) {
      return Coefficient.undefined(none);
    }
    double observed = (double) pair.agreements / pair.items;
    return ChanceCorrection.agreement(observed, pair.cohenExpected(), pair::degenerateReason);
  }

  static Coefficient standardError(RaterPairCounts pair) {
    Coefficient kappa = of(pair);
    if (!kappa.isDefined()) {
      return kappa;
    }
    double k = kappa.value();
    double n = pair.items;
    double expected = pair.cohenExpected();
    int q = pair.categories;
    double a = 0.0;
    double b = 0.0;
    for (int j = 0; j < q; j++) {
      double rowJ = pair.firstTotals[j] / n;
      double colJ = pair.secondTotals[j] / n;
      for (int m = 0; m < q; m++) {
        long count = pair.joint[j * q + m];
        if (count == 0) {
          continue;
        }
        double p = count / n;
        if (j == m) {
          double term = 1.0 - (rowJ + colJ) * (1.0 - k);
          a += p * term * term;
        } else {
          double term = pair.secondTotals[j] / n + pair.firstTotals[m] / n;
          b += p * term * term;
        }
      }
    }
    b *= (1.0 - k) * (1.0 - k);
    double c = k - expected * (1.0 - k);
    c *= c;
    double variance = Math.max(0.0, a + b - c);
    return Coefficient.of(Math.sqrt(variance / n) / (1.0 - expected));
  }
}
