package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Percentile bootstrap confidence intervals over items.
 *
 * <p>Procedure, fixed so that a seed gives the same interval on every machine:
 *
 * <ol>
 *   <li>The units are the M items with at least one rating. A {@link SplitMix64} generator seeded
 *       with the seed gives one 64-bit seed per replicate, in order.
 *   <li>Replicate r draws M items uniformly with replacement from its own generator, and every
 *       coefficient is recomputed on the drawn items (items drawn twice count twice).
 *   <li>A replicate in which a coefficient is undefined (0/0) is dropped for that coefficient and
 *       counted; the interval is computed from the m defined replicates.
 *   <li>The bounds are the type-7 sample quantiles (Hyndman &amp; Fan 1996; the default of R and
 *       NumPy) at 0.025 and 0.975 of the m sorted values: with h = (m − 1) p, the bound is x_⌊h⌋ +
 *       (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), 0-based.
 * </ol>
 *
 * The replicates run one after another on the calling thread. Each depends only on its own seed, so
 * the order in which they are computed cannot change a result. On the shared 2-core test machine a
 * single thread was faster than two (docs/benchmarks.md), and it leaves a core to the window.
 *
 * <p>References: Efron, B., &amp; Tibshirani, R. J. (1993). An Introduction to the Bootstrap,
 * chapter 13. Hyndman, R. J., &amp; Fan, Y. (1996). Sample quantiles in statistical packages. The
 * American Statistician 50(4), 361–365.
 */
public final class PercentileBootstrap {
  public static final int DEFAULT_REPLICATES = 1000;
  public static final long DEFAULT_SEED = 1L;
  static final double LOWER = 0.025;
  static final double UPPER = 0.975;

  private PercentileBootstrap() {}

  /**
   * Runs the bootstrap: each replicate's weights per pattern are turned into a tally by {@code
   * tally}, and every statistic is evaluated on it.
   *
   * @param itemPattern the pattern of each resampling unit
   * @param patternCount the number of patterns
   */
  static <T> List<BootstrapInterval> run(
      int[] itemPattern,
      int patternCount,
      int replicates,
      long seed,
      Function<int[], T> tally,
      List<Function<T, Coefficient>> statistics) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
    }
    int units = itemPattern.length;
    int statisticCount = statistics.size();
    double[][] values = new double[statisticCount][replicates];
    int[] defined = new int[statisticCount];
    SplitMix64 seeds = new SplitMix64(seed);
    int[] weights = new int[patternCount];
    for (int replicate = 0; replicate < replicates; replicate++) {
      SplitMix64 random = new SplitMix64(seeds.nextLong());
      Arrays.fill(weights, 0);
      for (int draw = 0; draw < units; draw++) {
        weights[itemPattern[random.nextInt(units)]]++;
      }
      T replicateTally = tally.apply(weights);
      for (int s = 0; s < statisticCount; s++) {
        Coefficient value = statistics.get(s).apply(replicateTally);
        if (value.isDefined()) {
          values[s][defined[s]++] = value.value();
        }
      }
    }
    List<BootstrapInterval> intervals = new ArrayList<>(statisticCount);
    for (int s = 0; s < statisticCount; s++) {
      intervals.add(interval(values[s], defined[s], replicates));
    }
    return intervals;
  }

  /** The percentile interval of the first {@code defined} entries of {@code values}. */
  static BootstrapInterval interval(double[] values, int defined, int replicates) {
    int undefined = replicates - defined;
    if (defined == 0) {
      return BootstrapInterval.none(
          "the coefficient is undefined in every bootstrap replicate", replicates, undefined);
    }
    double[] sorted = Arrays.copyOf(values, defined);
    Arrays.sort(sorted);
    return BootstrapInterval.of(
        new Interval(quantile(sorted, LOWER), quantile(sorted, UPPER)), replicates, undefined);
  }

  /** The type-7 quantile of sorted values. */
  static double quantile(double[] sorted, double probability) {
    double h = (sorted.length - 1) * probability;
    int below = (int) Math.floor(h);
    double fraction = h - below;
    if (below + 1 >= sorted.length || fraction == 0.0) {
      return sorted[below];
    }
    return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
  }
}
