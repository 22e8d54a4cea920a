package org.labellens.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.AllocationMethod;
import org.labellens.core.sampling.Candidate;
import org.labellens.core.sampling.SampleDesign;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.StratumKey;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.LabelValidation;
import org.labellens.core.stats.MetricResult;

/**
 * Coverage of the design-weighted intervals: a synthetic population whose true labels are known, a
 * classifier whose errors differ by framework, stratified samples drawn by the production draw
 * (framework × predicted primary, equal allocation, so that weights differ a lot), three simulated
 * annotators of known accuracy whose disagreements a lead adjudicates, and gold and figures from
 * {@link DimensionValidation}, the computation {@code validate} runs. Over 200 seeded repetitions
 * the 95% intervals of weighted precision and recall must cover the population's true values at
 * least 93% of the time (all categories together: 1,200 intervals), and no single category's figure
 * may fall below 90% (a count of 200 has a binomial standard deviation of about 3 at 95%). Running
 * {@link #main} prints each figure's bias, spread and mean interval width as well.
 */
class ValidationCoverageTest {
  private static final List<String> LABELS = List.of("memory", "gpu", "crash");
  private static final String[] FRAMEWORKS = {"vLLM", "llama.cpp", "SGLang"};
  private static final double[] FRAMEWORK_SHARE = {0.35, 0.45, 0.20};
  private static final double[][] PREVALENCE = {
    {0.30, 0.25, 0.15}, {0.20, 0.35, 0.10}, {0.25, 0.15, 0.20}
  };

  /** P(predicted | true) per framework and label. */
  private static final double[][] HIT = {
    {0.85, 0.75, 0.90}, {0.70, 0.90, 0.80}, {0.60, 0.80, 0.70}
  };

  /** P(predicted | not true) per framework and label. */
  private static final double[][] FALSE_ALARM = {
    {0.05, 0.10, 0.20}, {0.15, 0.05, 0.30}, {0.10, 0.20, 0.10}
  };

  private static final int POPULATION = 8000;
  private static final int SAMPLE = 500;
  private static final int REPETITIONS = 200;
  private static final int REPLICATES = 1000;
  private static final double ANNOTATOR_ACCURACY = 0.9;
  private static final SchemeDimension CATEGORY =
      new SchemeDimension("category", ValueKind.SET, LABELS);

  record Member(IssueKey issue, String framework, List<String> truth, List<String> predicted) {}

  @Test
  @Tag("slow")
  void weightedPrecisionAndRecallIntervalsCoverThePopulationValues() {
    List<Member> population = population(new Random(2024));
    Map<String, double[]> truth = trueValues(population);
    Map<String, Integer> precisionCovered = new LinkedHashMap<>();
    Map<String, Integer> recallCovered = new LinkedHashMap<>();
    Map<String, Integer> shareCovered = new LinkedHashMap<>();
    Map<IssueKey, Member> byKey = new HashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      Member m = population.get(i);
      byKey.put(m.issue(), m);
      String primary = m.predicted().isEmpty() ? "other" : m.predicted().get(0);
      candidates.add(
          new Candidate(
              i + 1,
              m.issue(),
              new StratumKey(List.of("framework", "predicted"), List.of(m.framework(), primary))));
    }
    for (int rep = 0; rep < REPETITIONS; rep++) {
      SampleDraw.Result draw =
          SampleDraw.draw(
              candidates,
              new SampleDesign(
                  rep + 1,
                  SAMPLE,
                  null,
                  0.95,
                  AllocationMethod.EQUAL,
                  0,
                  List.of(),
                  BigDecimal.ZERO));
      Random noise = new Random(1000 + rep);
      List<DimensionValidation.Item> items = new ArrayList<>();
      for (SampleDraw.Item d : draw.items()) {
        Member m = byKey.get(d.issue());
        List<DecisionValue> said = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
          List<String> set = new ArrayList<>();
          for (String label : LABELS) {
            boolean real = m.truth().contains(label);
            if ((noise.nextDouble() < ANNOTATOR_ACCURACY) == real) {
              set.add(label);
            }
          }
          said.add(DecisionValue.set(set));
        }
        boolean agree = said.stream().distinct().count() == 1;
        DecisionValue adjudicated = agree ? null : DecisionValue.set(m.truth());
        items.add(
            new DimensionValidation.Item(
                m.issue(),
                d.stratum(),
                m.framework(),
                DecisionValue.set(m.predicted()),
                adjudicated,
                said));
      }
      ClassifierValidation v =
          DimensionValidation.compute(CATEGORY, "other", draw.strata(), items, REPLICATES, rep)
              .figures();
      for (String label : LABELS) {
        LabelValidation l = v.label(label).orElseThrow();
        double[] t = truth.get(label);
        if (DIAGNOSE) {
          diagnose(label + " precision", l.precision(), t[0]);
          diagnose(label + " recall", l.recall(), t[1]);
          diagnose(label + " share", l.estimatedShare(), t[2]);
        }
        precisionCovered.merge(label, covers(l.precision(), t[0]) ? 1 : 0, Integer::sum);
        recallCovered.merge(label, covers(l.recall(), t[1]) ? 1 : 0, Integer::sum);
        shareCovered.merge(label, covers(l.estimatedShare(), t[2]) ? 1 : 0, Integer::sum);
      }
    }
    System.out.println(
        "coverage of 200: precision "
            + precisionCovered
            + ", recall "
            + recallCovered
            + ", share "
            + shareCovered);
    int pooled = 0;
    int pooledShares = 0;
    for (String label : LABELS) {
      pooled += precisionCovered.get(label) + recallCovered.get(label);
      pooledShares += shareCovered.get(label);
      // one figure alone is a binomial count with sd 3 at 95%: a floor of 90% catches a broken one
      assertThat(precisionCovered.get(label))
          .as("precision of " + label)
          .isGreaterThanOrEqualTo(180);
      assertThat(recallCovered.get(label)).as("recall of " + label).isGreaterThanOrEqualTo(180);
      assertThat(shareCovered.get(label)).as("share of " + label).isGreaterThanOrEqualTo(180);
    }
    int intervals = 2 * LABELS.size() * REPETITIONS;
    assertThat((double) pooled / intervals)
        .as("coverage of the precision and recall intervals, all categories")
        .isGreaterThanOrEqualTo(0.93);
    assertThat((double) pooledShares / (LABELS.size() * REPETITIONS))
        .as("coverage of the estimated-share intervals")
        .isGreaterThanOrEqualTo(0.93);
  }

  static boolean DIAGNOSE = false;
  static final Map<String, List<double[]>> SEEN = new LinkedHashMap<>();

  static void diagnose(String what, MetricResult r, double truth) {
    Interval ci = r.bootstrap().orElseThrow().ci95().orElseThrow();
    SEEN.computeIfAbsent(what, k -> new ArrayList<>())
        .add(
            new double[] {
              r.estimate().value() - truth,
              ci.high() - ci.low(),
              truth - ci.low(),
              ci.high() - truth
            });
  }

  public static void main(String[] args) {
    DIAGNOSE = true;
    try {
      new ValidationCoverageTest().weightedPrecisionAndRecallIntervalsCoverThePopulationValues();
    } catch (AssertionError e) {
      System.out.println(e.getMessage());
    }
    SEEN.forEach(
        (what, rows) -> {
          double bias = rows.stream().mapToDouble(x -> x[0]).average().orElse(0);
          double sd =
              Math.sqrt(
                  rows.stream().mapToDouble(x -> (x[0] - bias) * (x[0] - bias)).sum()
                      / (rows.size() - 1));
          double width = rows.stream().mapToDouble(x -> x[1]).average().orElse(0) / 3.92;
          long below = rows.stream().filter(x -> x[2] < 0).count();
          long above = rows.stream().filter(x -> x[3] < 0).count();
          System.out.printf(
              "%-18s bias %+.4f  sd %.4f  ci-width/3.92 %.4f  truth below ci %d above ci %d%n",
              what, bias, sd, width, below, above);
        });
  }

  private static boolean covers(MetricResult result, double value) {
    Interval ci = result.bootstrap().orElseThrow().ci95().orElseThrow();
    return ci.low() <= value && value <= ci.high();
  }

  private static List<Member> population(Random rnd) {
    List<Member> out = new ArrayList<>();
    int[] next = new int[FRAMEWORKS.length];
    for (int i = 0; i < POPULATION; i++) {
      double u = rnd.nextDouble();
      int f = u < FRAMEWORK_SHARE[0] ? 0 : u < FRAMEWORK_SHARE[0] + FRAMEWORK_SHARE[1] ? 1 : 2;
      List<String> truth = new ArrayList<>();
      List<String> predicted = new ArrayList<>();
      for (int k = 0; k < LABELS.size(); k++) {
        boolean real = rnd.nextDouble() < PREVALENCE[f][k];
        if (real) {
          truth.add(LABELS.get(k));
        }
        if (rnd.nextDouble() < (real ? HIT[f][k] : FALSE_ALARM[f][k])) {
          predicted.add(LABELS.get(k));
        }
      }
      out.add(
          new Member(
              new IssueKey("org/" + FRAMEWORKS[f], ++next[f]), FRAMEWORKS[f], truth, predicted));
    }
    return out;
  }

  /** Per label: true precision, recall and share over the whole population. */
  private static Map<String, double[]> trueValues(List<Member> population) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String label : LABELS) {
      long predicted = 0;
      long real = 0;
      long both = 0;
      for (Member m : population) {
        boolean p = m.predicted().contains(label);
        boolean t = m.truth().contains(label);
        predicted += p ? 1 : 0;
        real += t ? 1 : 0;
        both += p && t ? 1 : 0;
      }
      out.put(
          label,
          new double[] {
            (double) both / predicted, (double) both / real, (double) real / population.size()
          });
    }
    return out;
  }
}
