package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Design-weighted validation of a classifier against gold on a stratified sample: per label
 * precision, recall, F1 and the estimated share in the population, per domain the estimated shares,
 * the weighted and unweighted co-occurrence of predicted and gold labels, and the strata behind the
 * weights.
 *
 * <p>Every item of stratum h stands for N_h/m_h population items ({@link DesignSample}). Each
 * weighted figure is a ratio of weighted totals, and its 95% interval is the percentile interval of
 * the rescaling bootstrap that resamples within strata ({@link StratifiedBootstrap}). Unweighted
 * figures (k of n sampled items, with Wilson intervals) describe the sample: on a stratified sample
 * whose strata were sampled at different rates they are biased estimates of the population, and
 * every output labels them as sample figures.
 *
 * @param items judged items (items with gold)
 * @param population Σ N_h: the frame's size
 * @param uncoveredPopulation Σ N_h of strata without a judged item (no estimate covers them)
 * @param labels the labels, in study order
 * @param perLabel one entry per label, in label order
 * @param domains one entry per domain, in order of first appearance
 * @param confusionWeighted [predicted][gold]: Σw over items predicted the row label whose gold has
 *     the column label (an item with several labels counts in several cells)
 * @param confusionUnweighted the same as item counts
 * @param strata the strata with N_h, n_h, m_h and the weight
 * @param replicates bootstrap replicates (0: no intervals)
 * @param seed the bootstrap seed
 * @param collapsed strata with one judged item resampled with a neighbour for the intervals
 * @param varianceNotEstimable why no interval could be estimated, or null
 */
public record ClassifierValidation(
    int items,
    long population,
    long uncoveredPopulation,
    List<String> labels,
    List<LabelValidation> perLabel,
    List<DomainValidation> domains,
    double[][] confusionWeighted,
    long[][] confusionUnweighted,
    List<StratumWeight> strata,
    int replicates,
    long seed,
    List<DesignSample.Collapse> collapsed,
    String varianceNotEstimable) {

  /**
   * A stratum behind the weights.
   *
   * @param population N_h
   * @param designSize n_h, as drawn
   * @param judged m_h, the items with gold
   * @param weight N_h / m_h (0 when m_h = 0)
   */
  public record StratumWeight(
      String key, long population, int designSize, int judged, double weight) {}

  public ClassifierValidation {
    labels = List.copyOf(labels);
    perLabel = List.copyOf(perLabel);
    domains = List.copyOf(domains);
    strata = List.copyOf(strata);
    collapsed = List.copyOf(collapsed);
  }

  /** The figures of one label. */
  public Optional<LabelValidation> label(String label) {
    return perLabel.stream().filter(l -> l.label().equals(label)).findFirst();
  }

  /**
   * Computes every figure; with {@code replicates} &gt; 0, bootstrap intervals for every weighted
   * one.
   *
   * @throws InsufficientDataException if no item has gold
   */
  public static ClassifierValidation compute(ValidationStudy study, int replicates, long seed) {
    DesignSample design = study.design();
    int n = design.unitCount();
    if (n == 0) {
      throw new InsufficientDataException(
          "no sampled item has gold yet: nothing to validate the classifier against");
    }
    int labelCount = study.labels().size();
    int domainCount = study.domains().size();
    // totals: W; per label P, G, A; per domain W_d and G_dk
    int domainBase = 1 + 3 * labelCount;
    int totalCount = domainBase + domainCount * (labelCount + 1);
    int[][] unitTotals = new int[n][];
    long[] predictedItems = new long[labelCount];
    long[] goldItems = new long[labelCount];
    long[] bothItems = new long[labelCount];
    long[][] domainGoldItems = new long[domainCount][labelCount];
    int[] domainItems = new int[domainCount];
    long[][] confusion = new long[labelCount][labelCount];
    double[][] confusionWeighted = new double[labelCount][labelCount];
    for (int u = 0; u < n; u++) {
      List<Integer> idx = new ArrayList<>();
      idx.add(0);
      int d = study.domainOf(u);
      int dBase = domainBase + d * (labelCount + 1);
      idx.add(dBase);
      domainItems[d]++;
      double w = design.weight(u);
      for (int k = 0; k < labelCount; k++) {
        boolean p = study.predicted(u, k);
        boolean g = study.gold(u, k);
        if (p) {
          idx.add(1 + 3 * k);
          predictedItems[k]++;
          for (int c = 0; c < labelCount; c++) {
            if (study.gold(u, c)) {
              confusion[k][c]++;
              confusionWeighted[k][c] += w;
            }
          }
        }
        if (g) {
          idx.add(2 + 3 * k);
          idx.add(dBase + 1 + k);
          goldItems[k]++;
          domainGoldItems[d][k]++;
        }
        if (p && g) {
          idx.add(3 + 3 * k);
          bothItems[k]++;
        }
      }
      unitTotals[u] = idx.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Function<double[], Coefficient>> statistics = new ArrayList<>();
    for (int k = 0; k < labelCount; k++) {
      String label = study.labels().get(k);
      int p = 1 + 3 * k;
      int g = 2 + 3 * k;
      int a = 3 + 3 * k;
      statistics.add(t -> ratio(t[a], t[p], "no judged item was predicted '" + label + "'"));
      statistics.add(t -> ratio(t[a], t[g], "no judged item has '" + label + "' in its gold"));
      statistics.add(
          t ->
              ratio(
                  2 * t[a],
                  t[p] + t[g],
                  "no judged item was predicted '" + label + "' or has it in its gold"));
      statistics.add(t -> ratio(t[g], t[0], "no judged item"));
    }
    for (int d = 0; d < domainCount; d++) {
      int dBase = domainBase + d * (labelCount + 1);
      String domain = study.domains().get(d);
      for (int k = 0; k < labelCount; k++) {
        int gk = dBase + 1 + k;
        statistics.add(t -> ratio(t[gk], t[dBase], "no judged item of " + domain));
      }
    }
    double[] totals = StratifiedBootstrap.totals(design, unitTotals, totalCount);
    List<Coefficient> estimates = new ArrayList<>();
    for (Function<double[], Coefficient> s : statistics) {
      estimates.add(s.apply(totals));
    }
    List<BootstrapInterval> intervals =
        replicates == 0
            ? null
            : StratifiedBootstrap.run(design, unitTotals, totalCount, replicates, seed, statistics);

    List<LabelValidation> perLabel = new ArrayList<>();
    for (int k = 0; k < labelCount; k++) {
      String label = study.labels().get(k);
      int s = 4 * k;
      double a = totals[3 + 3 * k];
      double p = totals[1 + 3 * k];
      double g = totals[2 + 3 * k];
      long pa = predictedItems[k] + goldItems[k];
      perLabel.add(
          new LabelValidation(
              label,
              result(estimates, intervals, s),
              result(estimates, intervals, s + 1),
              result(estimates, intervals, s + 2),
              result(estimates, intervals, s + 3),
              p / totals[0],
              new Proportion(bothItems[k], predictedItems[k]),
              new Proportion(bothItems[k], goldItems[k]),
              new Proportion(goldItems[k], n),
              pa == 0
                  ? Coefficient.undefined(
                      "no judged item was predicted '" + label + "' or has it in its gold")
                  : Coefficient.of(2.0 * bothItems[k] / pa),
              p,
              g,
              a));
    }
    List<DomainValidation> domains = new ArrayList<>();
    for (int d = 0; d < domainCount; d++) {
      Map<String, MetricResult> shares = new LinkedHashMap<>();
      Map<String, Proportion> unweighted = new LinkedHashMap<>();
      for (int k = 0; k < labelCount; k++) {
        int s = 4 * labelCount + d * labelCount + k;
        shares.put(study.labels().get(k), result(estimates, intervals, s));
        unweighted.put(
            study.labels().get(k), new Proportion(domainGoldItems[d][k], domainItems[d]));
      }
      domains.add(
          new DomainValidation(
              study.domains().get(d),
              domainItems[d],
              totals[domainBase + d * (labelCount + 1)],
              shares,
              unweighted));
    }
    List<StratumWeight> strata = new ArrayList<>();
    for (int h = 0; h < design.stratumCount(); h++) {
      strata.add(
          new StratumWeight(
              design.strata().get(h),
              design.population(h),
              design.designSize(h),
              design.unitCount(h),
              design.stratumWeight(h)));
    }
    return new ClassifierValidation(
        n,
        design.population(),
        design.uncoveredPopulation(),
        study.labels(),
        perLabel,
        domains,
        confusionWeighted,
        confusion,
        strata,
        replicates,
        seed,
        design.collapsed(),
        design.varianceNotEstimable());
  }

  private static Coefficient ratio(double numerator, double denominator, String reason) {
    return denominator > 0
        ? Coefficient.of(numerator / denominator)
        : Coefficient.undefined(reason);
  }

  private static MetricResult result(
      List<Coefficient> estimates, List<BootstrapInterval> intervals, int index) {
    Coefficient estimate = estimates.get(index);
    Optional<BootstrapInterval> bootstrap = Optional.empty();
    if (intervals != null) {
      BootstrapInterval interval = intervals.get(index);
      bootstrap =
          Optional.of(
              estimate.isDefined()
                  ? interval
                  : BootstrapInterval.none(
                      "the estimate is undefined",
                      interval.replicates(),
                      interval.undefinedReplicates()));
    }
    return new MetricResult(estimate, bootstrap, Optional.empty());
  }
}
