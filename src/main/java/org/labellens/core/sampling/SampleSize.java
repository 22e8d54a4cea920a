package org.labellens.core.sampling;

/**
 * Cochran's sample size for estimating a proportion, with the finite-population correction.
 *
 * <p>For a margin of error E (half-width of the confidence interval) at confidence C, with z =
 * Φ⁻¹((1 + C) / 2) and the most conservative proportion p = 0.5:
 *
 * <pre>
 *   n₀ = z² · p(1 − p) / E²
 *   n  = n₀ / (1 + (n₀ − 1) / N)
 * </pre>
 *
 * rounded up. The second line is the exact solution of z² · (N − n)/(N − 1) · p(1 − p)/n = E² for
 * simple random sampling without replacement. N = 12,349, C = 0.95, E = 0.05 gives n₀ = 384.146 and
 * n = 372.59, so 373.
 *
 * <p>References: W. G. Cochran (1977), Sampling Techniques, 3rd ed., Wiley, §4.4 eq. (4.2).
 */
public final class SampleSize {
  /** The conservative proportion: it maximises p(1 − p) and so the size needed. */
  public static final double WORST_CASE_PROPORTION = 0.5;

  /**
   * Values this close to an integer count as that integer before rounding up, so that
   * floating-point noise in n never adds an item.
   */
  static final double ROUNDING_TOLERANCE = 1e-9;

  private SampleSize() {}

  /** n₀ = z² p(1 − p) / E², the size for an infinite population (not rounded). */
  public static double infinitePopulation(double margin, double confidence) {
    checkMargin(margin);
    double z = NormalDistribution.twoSidedZ(confidence);
    return z * z * WORST_CASE_PROPORTION * (1 - WORST_CASE_PROPORTION) / (margin * margin);
  }

  /** n before rounding, for a population of {@code population} units. */
  public static double cochranUnrounded(long population, double margin, double confidence) {
    if (population < 0) {
      throw new IllegalArgumentException("a population cannot be negative: " + population);
    }
    double n0 = infinitePopulation(margin, confidence);
    if (population == 0) {
      return 0;
    }
    return n0 / (1 + (n0 - 1) / population);
  }

  /** Cochran's n with the finite-population correction, rounded up; never above the population. */
  public static int cochran(long population, double margin, double confidence) {
    double n = cochranUnrounded(population, margin, confidence);
    long rounded = (long) Math.ceil(n - ROUNDING_TOLERANCE);
    return (int) Math.min(Math.max(rounded, 0), population);
  }

  static void checkMargin(double margin) {
    if (!(margin > 0 && margin < 1)) {
      throw new IllegalArgumentException(
          "the margin of error must be between 0 and 1 (e.g. 0.05 for ±5 points), got " + margin);
    }
  }
}
