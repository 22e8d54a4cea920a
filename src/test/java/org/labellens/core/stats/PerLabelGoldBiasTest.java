package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Per-label gold keeps the classifier's precision and recall on a label unbiased when annotators
 * tie on another label, and ties there are correlated with the items the classifier gets wrong; the
 * whole-item rule (an item that ties on any label loses its gold on every label) does not.
 *
 * <p>A fixed population of 20,000 items in two strata (12,000 and 8,000); 30% of the items are
 * hard, and on those the classifier is wrong about label a half the time (10% on the others). Every
 * sampled item has two annotators who agree on a (they report its truth) and tie on b with
 * probability 0.6 on hard items, 0.05 on the others. 200 seeded stratified samples (150 + 100
 * items, without replacement); for each, the error of the estimate against the population's own
 * precision and recall on a.
 */
class PerLabelGoldBiasTest {
  private static final int N1 = 12_000;
  private static final int N2 = 8_000;
  private static final int N1_SAMPLE = 150;
  private static final int N2_SAMPLE = 100;
  private static final int SAMPLES = 200;

  private record Unit(boolean truthA, boolean predA, boolean truthB, boolean predB, boolean hard) {}

  @Test
  void perLabelGoldIsUnbiasedWhereTheWholeItemRuleIsNot() {
    Random random = new Random(20_240_601L);
    List<List<Unit>> strata = List.of(population(random, N1, 0.5), population(random, N2, 0.2));
    double both = 0;
    double predicted = 0;
    double gold = 0;
    for (List<Unit> stratum : strata) {
      for (Unit u : stratum) {
        both += u.predA() && u.truthA() ? 1 : 0;
        predicted += u.predA() ? 1 : 0;
        gold += u.truthA() ? 1 : 0;
      }
    }
    double truePrecision = both / predicted;
    double trueRecall = both / gold;

    double[][] errors = new double[4][SAMPLES]; // per-label P, R; whole-item P, R
    for (int s = 0; s < SAMPLES; s++) {
      Random draw = new Random(1000L + s);
      ValidationStudy.Builder perLabel = ValidationStudy.builder(List.of("a", "b"), "other");
      ValidationStudy.Builder wholeItem = ValidationStudy.builder(List.of("a", "b"), "other");
      int[] sizes = {N1_SAMPLE, N2_SAMPLE};
      int[] hp = new int[2];
      int[] hw = new int[2];
      for (int h = 0; h < 2; h++) {
        hp[h] = perLabel.stratum("h" + h, strata.get(h).size(), sizes[h]);
        hw[h] = wholeItem.stratum("h" + h, strata.get(h).size(), sizes[h]);
      }
      for (int h = 0; h < 2; h++) {
        List<Unit> units = new ArrayList<>(strata.get(h));
        java.util.Collections.shuffle(units, draw);
        for (int i = 0; i < sizes[h]; i++) {
          Unit u = units.get(i);
          boolean tieOnB = draw.nextDouble() < (u.hard() ? 0.6 : 0.05);
          List<String> pred = labels(u.predA(), u.predB());
          List<String> goldIn = labels(u.truthA(), !tieOnB && u.truthB());
          List<String> open = tieOnB ? List.of("b") : List.of();
          perLabel.item("u" + i, hp[h], "f", pred, goldIn, open);
          if (!tieOnB) {
            wholeItem.item("u" + i, hw[h], "f", pred, goldIn);
          }
        }
      }
      LabelValidation a = ClassifierValidation.compute(perLabel.build(), 0, 1).perLabel().get(0);
      LabelValidation aw = ClassifierValidation.compute(wholeItem.build(), 0, 1).perLabel().get(0);
      errors[0][s] = a.precision().estimate().value() - truePrecision;
      errors[1][s] = a.recall().estimate().value() - trueRecall;
      errors[2][s] = aw.precision().estimate().value() - truePrecision;
      errors[3][s] = aw.recall().estimate().value() - trueRecall;
    }
    assertThat(Math.abs(mean(errors[0]))).isLessThan(3 * standardError(errors[0]));
    assertThat(Math.abs(mean(errors[1]))).isLessThan(3 * standardError(errors[1]));
    // the whole-item rule keeps mostly easy items, where the classifier is right more often
    assertThat(mean(errors[2])).isGreaterThan(3 * standardError(errors[2]));
    assertThat(Math.abs(mean(errors[3]))).isGreaterThan(3 * standardError(errors[3]));
  }

  private static List<Unit> population(Random random, int size, double shareA) {
    List<Unit> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      boolean hard = random.nextDouble() < 0.3;
      boolean a = random.nextDouble() < shareA;
      boolean b = random.nextDouble() < 0.3;
      boolean wrongA = random.nextDouble() < (hard ? 0.5 : 0.1);
      boolean wrongB = random.nextDouble() < 0.2;
      out.add(new Unit(a, a != wrongA, b, b != wrongB, hard));
    }
    return out;
  }

  private static List<String> labels(boolean a, boolean b) {
    List<String> out = new ArrayList<>();
    if (a) {
      out.add("a");
    }
    if (b) {
      out.add("b");
    }
    return out;
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double standardError(double[] x) {
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1) / x.length);
  }
}
