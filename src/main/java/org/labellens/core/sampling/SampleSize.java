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
 * <p>The arithmetic cannot overflow: n is computed as N / (1 + (N − 1) · E² / (z² p(1 − p))), the
 * same value without forming n₀, so a margin so small that E² underflows to 0 (n₀ infinite) gives n
 * = N, the census, and never NaN. n₀ itself is infinite then, and reported as such.
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
    checkMargin(margin);
    if (population == 0) {
      return 0;
    }
    double z = NormalDistribution.twoSidedZ(confidence);
    double pq = WORST_CASE_PROPORTION * (1 - WORST_CASE_PROPORTION);
    // 1 / n₀ = E² / (z² pq): finite and ≥ 0 for every margin in (0, 1), so n ∈ [1, N]
    double inverseN0 = (margin * margin) / (z * z * pq);
    double n = population / (1 + (population - 1) * inverseN0);
    return Math.min(n, population);
  }

  /**
   * Whether the size for this margin is the whole population (a census): the margin asks for at
   * least as many units as there are.
   */
  public static boolean isCensus(long population, double margin, double confidence) {
    return population > 0 && cochran(population, margin, confidence) >= population;
  }

  /** Cochran's n with the finite-population correction, rounded up; never above the population. */
  public static int cochran(long population, double margin, double confidence) {
    double n = cochranUnrounded(population, margin, confidence);
    long rounded = (long) Math.ceil(n - ROUNDING_TOLERANCE);
    return (int) Math.min(Math.max(rounded, 0), population);
  }

  /**
   * The one check of a requested size ({@code --size}, {@code --population}): at least 1, with one
   * message shape for every command.
   */
  public static void checkSize(String option, long size) {
    if (size < 1) {
      throw new org.labellens.core.BadInputException(option + " must be at least 1, got " + size);
    }
  }

  /**
   * The one message for a frame with no issues (the frame and run when known): nothing to {@code
   * what} (sample, plan for).
   */
  public static org.labellens.core.BadInputException emptyFrame(
      String frame, String run, String what) {
    return new org.labellens.core.BadInputException(
        "the frame"
            + (frame == null ? "" : " '" + frame + "'")
            + (run == null ? "" : " of run '" + run + "'")
            + " is empty: there is nothing to "
            + what);
  }

  static void checkMargin(double margin) {
    if (!(margin > 0 && margin < 1)) {
      throw new IllegalArgumentException(
          "the margin of error must be between 0 and 1 (e.g. 0.05 for ±5 points), got " + margin);
    }
  }
}
