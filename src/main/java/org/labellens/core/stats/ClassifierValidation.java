package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Design-weighted validation of a classifier against gold on a stratified sample: per label
 * precision, recall, F1 and the estimated share in the population, per domain the estimated shares,
 * the weighted and unweighted co-occurrence of predicted and gold labels, and the strata behind the
 * weights.
 *
 * <p>Gold is known per (item, label) ({@link ValidationStudy}): the figures of label c use the
 * items whose gold on c is resolved, and every such item of stratum h stands for N_h/m_h population
 * items, m_h the stratum's items resolved on c ({@link DesignSample}). The items unresolved on c
 * give each figure of c its worst-case bounds ({@link UnresolvedBounds}). Each weighted figure is a
 * ratio of weighted totals, and its 95% interval is the percentile interval of the rescaling
 * bootstrap that resamples within strata ({@link StratifiedBootstrap}). Unweighted figures (k of n
 * sampled items, with Wilson intervals) describe the sample: on a stratified sample whose strata
 * were sampled at different rates they are biased estimates of the population, and every output
 * labels them as sample figures.
 *
 * @param items items in the study (decided and predicted), resolved on every label or not
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
   * @param judged the items with gold on every label
   * @param weight N_h over them (0 when there is none): the weight of figures that need an item's
   *     whole gold value
   * @param studied the items decided and predicted, resolved or not (m'_h of the bounds)
   * @param judgedByLabel per label, m_h: the items whose gold on the label is resolved
   */
  public record StratumWeight(
      String key,
      long population,
      int designSize,
      int judged,
      double weight,
      int studied,
      Map<String, Integer> judgedByLabel) {
    public StratumWeight {
      judgedByLabel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(judgedByLabel));
    }

    /** The weight N_h/m_h of the stratum's items for a label's figures (0 when m_h = 0). */
    public double weight(String label) {
      int m = judgedByLabel.getOrDefault(label, 0);
      return m == 0 ? 0.0 : (double) population / m;
    }
  }

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
    long[][] confusion = new long[labelCount][labelCount];
    double[][] confusionWeighted = new double[labelCount][labelCount];
    List<LabelValidation> perLabel = new ArrayList<>();
    List<Map<String, MetricResult>> domainShares = new ArrayList<>();
    List<Map<String, Proportion>> domainUnweighted = new ArrayList<>();
    List<Map<String, UnresolvedBounds>> domainBounds = new ArrayList<>();
    for (int d = 0; d < domainCount; d++) {
      domainShares.add(new LinkedHashMap<>());
      domainUnweighted.add(new LinkedHashMap<>());
      domainBounds.add(new LinkedHashMap<>());
    }
    int[][] judgedByLabel = new int[labelCount][];
    // the strata collapsed for any figure: the whole sample's, then those of a label whose
    // resolved items leave a stratum with one (the rule is applied to each label's own counts)
    Map<String, DesignSample.Collapse> collapsed = new LinkedHashMap<>();
    design.collapsed().forEach(c -> collapsed.putIfAbsent(c.stratum() + "\n" + c.neighbour(), c));
    for (int label0 = 0; label0 < labelCount; label0++) {
      final int k = label0;
      String label = study.labels().get(k);
      int[] units = IntStream.range(0, n).filter(u -> study.resolved(u, k)).toArray();
      DesignSample dk = design.subset(units);
      dk.collapsed().forEach(c -> collapsed.putIfAbsent(c.stratum() + "\n" + c.neighbour(), c));
      judgedByLabel[k] = new int[design.stratumCount()];
      for (int h = 0; h < design.stratumCount(); h++) {
        judgedByLabel[k][h] = dk.unitCount(h);
      }
      // totals: 0 W, 1 P, 2 G, 3 A; per domain 4 + 2d W_d, 5 + 2d G_d
      int totalCount = 4 + 2 * domainCount;
      int[][] unitTotals = new int[units.length][];
      long predicted = 0;
      long gold = 0;
      long both = 0;
      long[] domainItems = new long[domainCount];
      long[] domainGold = new long[domainCount];
      for (int i = 0; i < units.length; i++) {
        int u = units[i];
        boolean p = study.predicted(u, k);
        boolean g = study.gold(u, k);
        int d = study.domainOf(u);
        List<Integer> idx = new ArrayList<>(List.of(0, 4 + 2 * d));
        domainItems[d]++;
        if (p) {
          idx.add(1);
          predicted++;
        }
        if (g) {
          idx.add(2);
          idx.add(5 + 2 * d);
          gold++;
          domainGold[d]++;
          double w = dk.weight(i);
          for (int r = 0; r < labelCount; r++) {
            if (study.predicted(u, r)) {
              confusion[r][k]++;
              confusionWeighted[r][k] += w;
            }
          }
        }
        if (p && g) {
          idx.add(3);
          both++;
        }
        unitTotals[i] = idx.stream().mapToInt(Integer::intValue).toArray();
      }
      String none = "no sampled item has resolved gold on '" + label + "'";
      List<Function<double[], Coefficient>> statistics = new ArrayList<>();
      statistics.add(t -> ratio(t[3], t[1], "no judged item was predicted '" + label + "'"));
      statistics.add(t -> ratio(t[3], t[2], "no judged item has '" + label + "' in its gold"));
      statistics.add(t -> f1(t[3], t[1], t[2], label));
      statistics.add(t -> ratio(t[2], t[0], none));
      for (int d = 0; d < domainCount; d++) {
        int w = 4 + 2 * d;
        String reason =
            "no judged item of " + study.domains().get(d) + " has resolved gold on '" + label + "'";
        statistics.add(t -> ratio(t[w + 1], t[w], reason));
      }
      double[] totals = StratifiedBootstrap.totals(dk, unitTotals, totalCount);
      List<Coefficient> estimates = new ArrayList<>();
      for (Function<double[], Coefficient> st : statistics) {
        estimates.add(st.apply(totals));
      }
      List<BootstrapInterval> intervals =
          replicates == 0 || units.length == 0
              ? null
              : StratifiedBootstrap.run(dk, unitTotals, totalCount, replicates, seed, statistics);
      Bounds b = bounds(study, k);
      perLabel.add(
          new LabelValidation(
              label,
              result(estimates, intervals, 0, replicates),
              result(estimates, intervals, 1, replicates),
              result(estimates, intervals, 2, replicates),
              result(estimates, intervals, 3, replicates),
              totals[0] > 0 ? totals[1] / totals[0] : Double.NaN,
              new Proportion(both, predicted),
              new Proportion(both, gold),
              new Proportion(gold, units.length),
              predicted == 0 || gold == 0
                  ? Coefficient.undefined(f1Reason(predicted == 0, label))
                  : Coefficient.of(2.0 * both / (predicted + gold)),
              totals[1],
              totals[2],
              totals[3],
              units.length,
              dk.uncoveredPopulation(),
              b.precision,
              b.recall,
              b.f1,
              b.share));
      for (int d = 0; d < domainCount; d++) {
        domainShares.get(d).put(label, result(estimates, intervals, 4 + d, replicates));
        domainUnweighted.get(d).put(label, new Proportion(domainGold[d], domainItems[d]));
        domainBounds.get(d).put(label, b.domainShares[d]);
      }
    }
    List<DomainValidation> domains = new ArrayList<>();
    for (int d = 0; d < domainCount; d++) {
      int items = 0;
      double weight = 0;
      for (int u = 0; u < n; u++) {
        if (study.domainOf(u) == d) {
          items++;
          weight += design.weight(u);
        }
      }
      domains.add(
          new DomainValidation(
              study.domains().get(d),
              items,
              weight,
              domainShares.get(d),
              domainUnweighted.get(d),
              domainBounds.get(d)));
    }
    int[] complete = new int[design.stratumCount()];
    for (int u = 0; u < n; u++) {
      boolean all = true;
      for (int k = 0; k < labelCount; k++) {
        all &= study.resolved(u, k);
      }
      if (all) {
        complete[design.stratumOf(u)]++;
      }
    }
    List<StratumWeight> strata = new ArrayList<>();
    for (int h = 0; h < design.stratumCount(); h++) {
      Map<String, Integer> byLabel = new LinkedHashMap<>();
      for (int k = 0; k < labelCount; k++) {
        byLabel.put(study.labels().get(k), judgedByLabel[k][h]);
      }
      strata.add(
          new StratumWeight(
              design.strata().get(h),
              design.population(h),
              design.designSize(h),
              complete[h],
              complete[h] == 0 ? 0.0 : (double) design.population(h) / complete[h],
              design.unitCount(h),
              byLabel));
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
        List.copyOf(collapsed.values()),
        design.varianceNotEstimable());
  }

  private static Coefficient f1(double both, double predicted, double gold, String label) {
    if (predicted <= 0 || gold <= 0) {
      return Coefficient.undefined(f1Reason(predicted <= 0, label));
    }
    return Coefficient.of(2 * both / (predicted + gold));
  }

  private static String f1Reason(boolean noPrediction, String label) {
    return noPrediction
        ? "F1 needs the precision, which is undefined: no judged item was predicted '" + label + "'"
        : "F1 needs the recall, which is undefined: no judged item has '" + label + "' in its gold";
  }

  private record Bounds(
      UnresolvedBounds precision,
      UnresolvedBounds recall,
      UnresolvedBounds f1,
      UnresolvedBounds share,
      UnresolvedBounds[] domainShares) {}

  /**
   * A label's weighted sums over every item of the study: the resolved items by prediction and
   * gold, the unresolved ones (open) by prediction.
   */
  private static final class Sums {
    double all;
    double predicted;
    double gold;
    double both;
    double openPredicted;
    double openOther;
    int openPredictedItems;
    int openItems;
  }

  /**
   * The worst-case bounds of a label's figures over the items unresolved on it
   * (docs/validation.md). Every item of the study counts, the unresolved ones resolved to a corner,
   * each weighing N_h/m'_h with m'_h all the study's items of stratum h. Precision and the shares
   * grow with each unresolved item counted in the gold; recall and F1 grow with an unresolved item
   * counted in the gold when it was predicted c, and shrink with one that was not: their low bound
   * counts the predicted ones out and the others in, their high bound the reverse.
   */
  private static Bounds bounds(ValidationStudy study, int k) {
    DesignSample design = study.design();
    String label = study.labels().get(k);
    int domainCount = study.domains().size();
    Sums s = new Sums();
    double[] dAll = new double[domainCount];
    double[] dGold = new double[domainCount];
    double[] dOpen = new double[domainCount];
    int[] dOpenItems = new int[domainCount];
    for (int u = 0; u < design.unitCount(); u++) {
      double w = design.weight(u);
      int d = study.domainOf(u);
      boolean p = study.predicted(u, k);
      s.all += w;
      dAll[d] += w;
      s.predicted += p ? w : 0;
      if (study.resolved(u, k)) {
        boolean g = study.gold(u, k);
        s.gold += g ? w : 0;
        s.both += g && p ? w : 0;
        dGold[d] += g ? w : 0;
      } else {
        s.openItems++;
        dOpenItems[d]++;
        dOpen[d] += w;
        if (p) {
          s.openPredicted += w;
          s.openPredictedItems++;
        } else {
          s.openOther += w;
        }
      }
    }
    String noPrediction = "no item was predicted '" + label + "'";
    String noGold = "no item has '" + label + "' in its gold at this bound";
    UnresolvedBounds precision =
        UnresolvedBounds.of(
            s.openPredictedItems,
            ratio(s.both, s.predicted, noPrediction),
            ratio(s.both + s.openPredicted, s.predicted, noPrediction));
    UnresolvedBounds recall =
        UnresolvedBounds.of(
            s.openItems,
            ratio(s.both, s.gold + s.openOther, noGold),
            ratio(s.both + s.openPredicted, s.gold + s.openPredicted, noGold));
    UnresolvedBounds f1 =
        UnresolvedBounds.of(
            s.openItems,
            f1(s.both, s.predicted, s.gold + s.openOther, label),
            f1(s.both + s.openPredicted, s.predicted, s.gold + s.openPredicted, label));
    UnresolvedBounds share =
        UnresolvedBounds.of(
            s.openItems,
            ratio(s.gold, s.all, "no item"),
            ratio(s.gold + s.openPredicted + s.openOther, s.all, "no item"));
    UnresolvedBounds[] domainShares = new UnresolvedBounds[domainCount];
    for (int d = 0; d < domainCount; d++) {
      String reason = "no item of " + study.domains().get(d);
      domainShares[d] =
          UnresolvedBounds.of(
              dOpenItems[d],
              ratio(dGold[d], dAll[d], reason),
              ratio(dGold[d] + dOpen[d], dAll[d], reason));
    }
    return new Bounds(precision, recall, f1, share, domainShares);
  }

  private static Coefficient ratio(double numerator, double denominator, String reason) {
    return denominator > 0
        ? Coefficient.of(numerator / denominator)
        : Coefficient.undefined(reason);
  }

  private static MetricResult result(
      List<Coefficient> estimates, List<BootstrapInterval> intervals, int index, int replicates) {
    Coefficient estimate = estimates.get(index);
    Optional<BootstrapInterval> bootstrap = Optional.empty();
    if (intervals == null && replicates > 0) {
      bootstrap =
          Optional.of(BootstrapInterval.none("the estimate is undefined", replicates, replicates));
    } else if (intervals != null) {
      bootstrap = Optional.of(intervals.get(index).around(estimate));
    }
    return new MetricResult(estimate, bootstrap, Optional.empty());
  }
}
