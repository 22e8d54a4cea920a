package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap intervals for design-weighted estimates from a stratified sample drawn
 * without replacement: the rescaling bootstrap of Rao &amp; Wu (1988), which resamples within each
 * stratum.
 *
 * <p>Each statistic is a function of weighted totals T_j = Σ_i w_i x_ij, where unit i adds its
 * weight to the totals listed for it (its indicators). Replicate r:
 *
 * <ol>
 *   <li>in every stratum h with m_h ≥ 2 units, draws m_h − 1 of its units uniformly with
 *       replacement (strata in order, each draw from the replicate's own {@link SplitMix64}, seeded
 *       with the r-th output of SplitMix64(seed)); r_i counts how often unit i was drawn;
 *   <li>gives unit i the replicate weight w_i · (1 − λ_h + λ_h · m_h / (m_h − 1) · r_i) with λ_h =
 *       √(1 − f_h), f_h = m_h / N_h; units of a stratum taken whole (f_h = 1) keep their weight (a
 *       census stratum adds no sampling variance);
 *   <li>recomputes the totals and every statistic.
 * </ol>
 *
 * Strata collapsed for the variance ({@link DesignSample#varianceGroup}) are resampled as one
 * group: m_h, N_h and f_h above are then the group's sums and ratio, while every unit keeps its own
 * stratum's weight w_i, so the point estimates do not change. A group with a single unit would keep
 * its weight and add no variance: the caller collapses such strata, or reports the interval as not
 * estimable ({@link DesignSample#varianceNotEstimable()}), in which case no replicate is drawn.
 *
 * <p>An interval of zero width is never reported for a sample that is not a census: when every
 * replicate gives the same value (the judged items behind the figure agree within each stratum),
 * the interval is not estimable, with that reason. Only when every stratum is taken whole (f_h = 1)
 * is a figure exact and its interval a point.
 *
 * <p>For a total this reproduces the unbiased variance estimator of stratified sampling with the
 * finite-population correction, Σ_h N_h²(1 − f_h) s_h² / m_h, which the naive bootstrap (m_h draws,
 * no rescaling) underestimates by the factor (m_h − 1)/m_h and inflates by ignoring f_h. Replicate
 * weights are never zero or negative, so a statistic defined on the sample is defined in every
 * replicate. The interval is [Q(0.025), Q(0.975)] of the replicate values (type-7 quantiles), as in
 * {@link PercentileBootstrap}; replicates are computed in parallel blocks that write only their own
 * slots, so the result does not depend on the number of cores.
 *
 * <p>References: Rao, J. N. K., &amp; Wu, C. F. J. (1988). Resampling inference with complex survey
 * data. Journal of the American Statistical Association 83(401), 231–241. Rao, J. N. K., Wu, C. F.
 * J., &amp; Yue, K. (1992). Some recent work on resampling methods for complex surveys. Survey
 * Methodology 18(2), 209–217.
 */
public final class StratifiedBootstrap {
  /**
   * Why a statistic whose replicates all have the same value gets no interval (unless the whole
   * sample is a census, where a figure is exact).
   */
  static final String NO_SPREAD =
      "not estimable: every bootstrap replicate gives the same value, because the judged items"
          + " behind this figure agree within each stratum; the bootstrap cannot show its"
          + " uncertainty, which is not zero (see the unweighted Wilson interval)";

  private StratifiedBootstrap() {}

  /** Whether some stratum (or group of collapsed strata) is resampled, i.e. not a census. */
  private static boolean anyResampled(DesignSample design) {
    long[] population = new long[design.stratumCount()];
    int[] units = new int[design.stratumCount()];
    for (int h = 0; h < design.stratumCount(); h++) {
      int g = design.varianceGroup(h);
      population[g] += design.population(h);
      units[g] += design.unitCount(h);
    }
    for (int g = 0; g < population.length; g++) {
      if (units[g] >= 1 && units[g] < population[g]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The intervals of every statistic.
   *
   * @param unitTotals for each unit, the indices of the totals it adds its weight to
   * @param totalCount the number of totals
   */
  public static List<BootstrapInterval> run(
      DesignSample design,
      int[][] unitTotals,
      int totalCount,
      int replicates,
      long seed,
      List<Function<double[], Coefficient>> statistics) {
    int statisticCount = statistics.size();
    if (design.varianceNotEstimable() != null) {
      List<BootstrapInterval> none = new ArrayList<>(statisticCount);
      for (int s = 0; s < statisticCount; s++) {
        none.add(
            BootstrapInterval.none(
                "not estimable: " + design.varianceNotEstimable(), replicates, 0));
      }
      return none;
    }
    double[][] values = new double[statisticCount][replicates];
    boolean[][] defined = new boolean[statisticCount][replicates];
    int workers = Runtime.getRuntime().availableProcessors();
    replicateValues(
        design, unitTotals, totalCount, replicates, seed, statistics, workers, values, defined);
    List<BootstrapInterval> intervals = new ArrayList<>(statisticCount);
    for (int s = 0; s < statisticCount; s++) {
      double[] kept = new double[replicates];
      int count = 0;
      for (int r = 0; r < replicates; r++) {
        if (defined[s][r]) {
          kept[count++] = values[s][r];
        }
      }
      BootstrapInterval interval = PercentileBootstrap.interval(kept, count, replicates);
      Interval ci = interval.ci95().orElse(null);
      if (ci != null && ci.low() == ci.high() && anyResampled(design)) {
        interval = BootstrapInterval.none(NO_SPREAD, replicates, interval.undefinedReplicates());
      }
      intervals.add(interval);
    }
    return intervals;
  }

  /** Every statistic's value in every replicate; {@code defined} marks the defined ones. */
  static void replicateValues(
      DesignSample design,
      int[][] unitTotals,
      int totalCount,
      int replicates,
      long seed,
      List<Function<double[], Coefficient>> statistics,
      int workers,
      double[][] values,
      boolean[][] defined) {
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be at least 1: " + replicates);
    }
    if (unitTotals.length != design.unitCount()) {
      throw new IllegalArgumentException("one list of totals per unit");
    }
    int units = design.unitCount();
    int strata = design.stratumCount();
    // variance groups: a stratum alone, or strata collapsed together
    long[] groupPopulation = new long[strata];
    int[] groupUnits = new int[strata];
    for (int h = 0; h < strata; h++) {
      int g = design.varianceGroup(h);
      groupPopulation[g] += design.population(h);
      groupUnits[g] += design.unitCount(h);
    }
    double[] lambda = new double[strata];
    double[] scale = new double[strata];
    boolean[] resampled = new boolean[strata];
    for (int g = 0; g < strata; g++) {
      int m = groupUnits[g];
      double f = groupPopulation[g] == 0 ? 1.0 : (double) m / groupPopulation[g];
      resampled[g] = m >= 2 && f < 1.0;
      if (resampled[g]) {
        lambda[g] = Math.sqrt(1.0 - f);
        scale[g] = lambda[g] * m / (m - 1.0);
      }
    }
    int[][] groupMembers = new int[strata][];
    int[] fill = new int[strata];
    for (int g = 0; g < strata; g++) {
      groupMembers[g] = new int[groupUnits[g]];
    }
    for (int h = 0; h < strata; h++) {
      int g = design.varianceGroup(h);
      for (int u : design.members(h)) {
        groupMembers[g][fill[g]++] = u;
      }
    }
    // units of one stratum that add to the same totals are one pattern: a replicate needs only
    // how often each pattern was drawn
    int[] patternOf = new int[units];
    List<int[]> patternTotals = new ArrayList<>();
    List<Integer> patternStratum = new ArrayList<>();
    List<Integer> patternSize = new ArrayList<>();
    java.util.Map<String, Integer> patternIndex = new java.util.HashMap<>();
    for (int u = 0; u < units; u++) {
      String key = design.stratumOf(u) + ":" + Arrays.toString(unitTotals[u]);
      Integer p = patternIndex.get(key);
      if (p == null) {
        p = patternTotals.size();
        patternIndex.put(key, p);
        patternTotals.add(unitTotals[u]);
        patternStratum.add(design.stratumOf(u));
        patternSize.add(0);
      }
      patternSize.set(p, patternSize.get(p) + 1);
      patternOf[u] = p;
    }
    int patterns = patternTotals.size();
    long[] replicateSeeds = new long[replicates];
    SplitMix64 seeds = new SplitMix64(seed);
    for (int r = 0; r < replicates; r++) {
      replicateSeeds[r] = seeds.nextLong();
    }
    int statisticCount = statistics.size();
    int blocks = Math.max(1, Math.min(workers, replicates));
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            block -> {
              int[] draws = new int[patterns];
              double[] totals = new double[totalCount];
              int from = (int) ((long) replicates * block / blocks);
              int to = (int) ((long) replicates * (block + 1) / blocks);
              for (int r = from; r < to; r++) {
                SplitMix64 random = new SplitMix64(replicateSeeds[r]);
                Arrays.fill(draws, 0);
                for (int h = 0; h < strata; h++) {
                  if (!resampled[h]) {
                    continue;
                  }
                  int[] members = groupMembers[h];
                  for (int k = 0; k < members.length - 1; k++) {
                    draws[patternOf[members[random.nextInt(members.length)]]]++;
                  }
                }
                Arrays.fill(totals, 0.0);
                for (int p = 0; p < patterns; p++) {
                  int h = patternStratum.get(p);
                  int g = design.varianceGroup(h);
                  double base = design.stratumWeight(h);
                  int size = patternSize.get(p);
                  double w =
                      resampled[g]
                          ? base * ((1.0 - lambda[g]) * size + scale[g] * draws[p])
                          : base * size;
                  for (int j : patternTotals.get(p)) {
                    totals[j] += w;
                  }
                }
                for (int s = 0; s < statisticCount; s++) {
                  Coefficient value = statistics.get(s).apply(totals);
                  if (value.isDefined()) {
                    values[s][r] = value.value();
                    defined[s][r] = true;
                  }
                }
              }
            });
  }

  /** The totals with the units' own weights (the point estimates' inputs). */
  public static double[] totals(DesignSample design, int[][] unitTotals, int totalCount) {
    double[] totals = new double[totalCount];
    for (int u = 0; u < design.unitCount(); u++) {
      double w = design.weight(u);
      for (int j : unitTotals[u]) {
        totals[j] += w;
      }
    }
    return totals;
  }
}
