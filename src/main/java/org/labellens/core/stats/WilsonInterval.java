package org.labellens.core.stats;

import java.util.Optional;
import org.labellens.core.sampling.NormalDistribution;

/**
 * The Wilson score interval for a binomial proportion k/n: unlike the Wald interval p ± z·√(p(1 −
 * p)/n) it stays inside [0, 1] and keeps close to its nominal coverage for small n and for p near 0
 * or 1.
 *
 * <p>With z = Φ⁻¹(0.975): centre (p + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p(1 − p)/n
 * + z²/4n²).
 *
 * <p>Reference: Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
 * inference. Journal of the American Statistical Association 22(158), 209–212. Brown, L. D., Cai,
 * T. T., &amp; DasGupta, A. (2001). Interval estimation for a binomial proportion. Statistical
 * Science 16(2), 101–133.
 */
public final class WilsonInterval {
  /** Φ⁻¹(0.975) to double precision, the same z as every other interval. */
  public static final double Z95 = NormalDistribution.twoSidedZ(0.95);

  private WilsonInterval() {}

  /** The 95% interval of k successes in n trials; empty when n = 0. */
  public static Optional<Interval> of(long successes, long trials) {
    if (successes < 0 || trials < 0 || successes > trials) {
      throw new IllegalArgumentException(successes + " successes in " + trials + " trials");
    }
    if (trials == 0) {
      return Optional.empty();
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = successes == trials ? 1.0 : Math.min(1.0, centre + half);
    return Optional.of(new Interval(low, high));
  }
}
