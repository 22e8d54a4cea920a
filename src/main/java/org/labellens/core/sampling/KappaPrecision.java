package org.labellens.core.sampling;

/**
 * How many items two raters must both label so that the confidence interval of Cohen's κ has a
 * given half-width, for a binary label with an expected κ and prevalence.
 *
 * <p>Under the common-correlation model (both raters have the same marginal prevalence π), the
 * large-sample variance of the κ estimate from n items is
 *
 * <pre>
 *   Var(κ̂) = (1 − κ)/n · [ (1 − κ)(1 − 2κ) + κ(2 − κ) / (2π(1 − π)) ]
 * </pre>
 *
 * so the interval κ̂ ± z·√Var has half-width w when n = z² · V₁ / w², V₁ the bracket times (1 − κ);
 * n is rounded up. At κ = 0 this is 1/n, the Fleiss–Cohen–Everitt null variance for any π; it
 * shrinks to 0 as κ → 1, and grows as the label gets rarer (π → 0 or 1). The formula is for one
 * pair of raters; with more raters it holds for each pair on the shared items.
 *
 * <p>References: D. A. Bloch and H. C. Kraemer (1989), 2 × 2 kappa coefficients: measures of
 * agreement or association, Biometrics 45(1), 269–287; A. Donner and M. Eliasziw (1992), A
 * goodness-of-fit approach to inference procedures for the kappa statistic, Statistics in Medicine
 * 11, 1511–1519. The unit tests check the formula against simulated rater pairs.
 */
public final class KappaPrecision {
  private KappaPrecision() {}

  /** V₁ = n · Var(κ̂): the variance of κ̂ for one item's worth of information. */
  public static double unitVariance(double kappa, double prevalence) {
    if (!(kappa >= 0 && kappa < 1)) {
      throw new IllegalArgumentException(
          "the expected kappa must be at least 0 and below 1, got " + kappa);
    }
    if (!(prevalence > 0 && prevalence < 1)) {
      throw new IllegalArgumentException(
          "the prevalence must be between 0 and 1 (the share of items with the label), got "
              + prevalence);
    }
    double spread = 2 * prevalence * (1 - prevalence);
    return (1 - kappa) * ((1 - kappa) * (1 - 2 * kappa) + kappa * (2 - kappa) / spread);
  }

  /** The standard error of κ̂ on {@code items} shared items. */
  public static double standardError(double kappa, double prevalence, long items) {
    if (items <= 0) {
      throw new IllegalArgumentException("the number of items must be positive, got " + items);
    }
    return Math.sqrt(unitVariance(kappa, prevalence) / items);
  }

  /** The number of shared items for a κ interval of half-width {@code halfWidth}, rounded up. */
  public static int items(double kappa, double prevalence, double halfWidth, double confidence) {
    if (!(halfWidth > 0 && halfWidth < 1)) {
      throw new IllegalArgumentException(
          "the half-width of the kappa interval must be between 0 and 1 (e.g. 0.1), got "
              + halfWidth);
    }
    double z = NormalDistribution.twoSidedZ(confidence);
    double n = z * z * unitVariance(kappa, prevalence) / (halfWidth * halfWidth);
    return (int) Math.max(1, Math.ceil(n - SampleSize.ROUNDING_TOLERANCE));
  }

  /** The half-width of the κ interval that {@code items} shared items give. */
  public static double halfWidth(double kappa, double prevalence, long items, double confidence) {
    return NormalDistribution.twoSidedZ(confidence) * standardError(kappa, prevalence, items);
  }
}
