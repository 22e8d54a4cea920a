package org.labellens.core.stats;

import java.util.function.ToDoubleFunction;

/**
 * Krippendorff's alpha from the coincidence matrix of the pairable items, for nominal, ordinal and
 * interval data.
 *
 * <pre>
 *   o_ck = Σ_i  (number of ordered pairs of different raters of item i with values c, k) / (n_i − 1)
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c                         (items with n_i ≥ 2 only)
 *   D_o  = Σ_{c,k} o_ck δ²_ck / n
 *   D_e  = Σ_{c,k} n_c n_k δ²_ck / (n (n − 1))
 *   α    = 1 − D_o / D_e
 * </pre>
 *
 * Distances: nominal δ² = [c ≠ k], where α equals (A_o − A_e)/(1 − A_e) with A_o = Σ_c o_cc / n and
 * A_e = Σ_c n_c (n_c − 1) / (n (n − 1)); ordinal δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the
 * categories in their declared order; interval δ²_ck = (v_c − v_k)². Missing ratings are handled by
 * construction: an item contributes its n_i values with weight 1/(n_i − 1). Undefined without
 * pairable items or when all pairable values are equal (D_e = 0).
 *
 * <p>References: Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd
 * ed., chapter 11. Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg
 * School for Communication Departmental Papers 43.
 */
public final class KrippendorffAlpha {
  static final String NAME = "Krippendorff's alpha";

  private KrippendorffAlpha() {}

  /**
   * α for nominal data.
   *
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient nominal(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return nominal(Tally.of(study, false));
  }

  /**
   * α for ordinal data, the study's category order being the order of the scale.
   *
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient ordinal(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return ordinal(Tally.of(study, true));
  }

  /**
   * α for interval data, each category having the numeric value {@code value}.
   *
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static <C> Coefficient interval(
      AgreementStudy<C> study, ToDoubleFunction<? super C> value) {
    study.requireAtLeastTwoRaters(NAME);
    double[] values = new double[study.categoryCount()];
    for (int k = 0; k < values.length; k++) {
      values[k] = value.applyAsDouble(study.categories().get(k));
      if (!Double.isFinite(values[k])) {
        throw new IllegalArgumentException(
            "category '" + study.categories().get(k) + "' has no finite value: " + values[k]);
      }
    }
    return interval(Tally.of(study, true), values);
  }

  /**
   * α for set-valued ratings with the MASI distance (1 − J·M, exact thirds) between sets.
   *
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient masi(SetAgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return SetTally.of(study).alphaMasi();
  }

  static Coefficient nominal(Tally tally) {
    String reason = degenerate(tally);
    if (reason != null) {
      return Coefficient.undefined(reason);
    }
    double n = tally.pairableValues;
    long sameValuePairs = 0;
    for (long count : tally.pairableMarginals) {
      sameValuePairs += count * (count - 1);
    }
    double observed = tally.coincidentAgreement / n;
    double expected = sameValuePairs / (n * (n - 1));
    return ChanceCorrection.agreement(observed, expected, () -> reason);
  }

  static Coefficient ordinal(Tally tally) {
    String reason = degenerate(tally);
    if (reason != null) {
      return Coefficient.undefined(reason);
    }
    int q = tally.categories;
    long[] marginals = tally.pairableMarginals;
    double[] distance = new double[q * q];
    for (int c = 0; c < q; c++) {
      long between = 0;
      for (int k = c; k < q; k++) {
        between += marginals[k];
        double d = between - (marginals[c] + marginals[k]) / 2.0;
        distance[c * q + k] = d * d;
        distance[k * q + c] = d * d;
      }
    }
    return withDistance(tally, distance);
  }

  static Coefficient interval(Tally tally, double[] values) {
    String reason = degenerate(tally);
    if (reason != null) {
      return Coefficient.undefined(reason);
    }
    int q = tally.categories;
    double[] distance = new double[q * q];
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        double d = values[c] - values[k];
        distance[c * q + k] = d * d;
      }
    }
    return withDistance(tally, distance);
  }

  private static Coefficient withDistance(Tally tally, double[] distance) {
    int q = tally.categories;
    double n = tally.pairableValues;
    double observed = 0.0;
    double expected = 0.0;
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        double d = distance[c * q + k];
        if (d != 0.0) {
          observed += tally.coincidence[c * q + k] * d;
          expected += (double) tally.pairableMarginals[c] * tally.pairableMarginals[k] * d;
        }
      }
    }
    return ChanceCorrection.disagreement(
        observed / n,
        expected / (n * (n - 1)),
        () -> "the expected disagreement is 0: all pairable values are equally distant");
  }

  private static String degenerate(Tally tally) {
    if (tally.pairableItems == 0) {
      return Tally.NO_PAIRABLE_ITEMS;
    }
    String sole = tally.soleCategory(tally.pairableMarginals);
    if (sole != null) {
      return "every rating of the pairable items is '"
          + sole
          + "', so the expected disagreement is 0 and alpha is 0/0";
    }
    return null;
  }
}
