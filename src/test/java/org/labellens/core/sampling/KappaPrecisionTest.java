package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The overlap planner's variance of Cohen's κ (Bloch & Kraemer 1989): hand-computed values, the
 * Fleiss–Cohen–Everitt null variance at κ = 0, and a Monte-Carlo check against simulated pairs.
 */
class KappaPrecisionTest {
  @Test
  void handComputedItemCounts() {
    // V1 = 0.2·[0.2·(−0.6) + 0.8·1.2/0.5] = 0.36; n = 1.959964²·0.36/0.01 = 138.29 -> 139
    assertThat(KappaPrecision.unitVariance(0.8, 0.5)).isCloseTo(0.36, within(1e-12));
    assertThat(KappaPrecision.items(0.8, 0.5, 0.1, 0.95)).isEqualTo(139);
    // V1 = 0.4·[0.4·(−0.2) + 0.6·1.4/0.42] = 0.768; n = 295.02 -> 296
    assertThat(KappaPrecision.unitVariance(0.6, 0.3)).isCloseTo(0.768, within(1e-12));
    assertThat(KappaPrecision.items(0.6, 0.3, 0.1, 0.95)).isEqualTo(296);
    // rare label: V1 = 0.5·[0 + 0.75/0.18] = 2.0833; n = 355.69 -> 356
    assertThat(KappaPrecision.items(0.5, 0.1, 0.15, 0.95)).isEqualTo(356);
  }

  @Test
  void atKappaZeroTheVarianceIsTheNullVarianceOneOverN() {
    for (double prevalence : new double[] {0.05, 0.2, 0.5, 0.9}) {
      assertThat(KappaPrecision.unitVariance(0, prevalence)).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void rarerLabelsNeedMoreItems() {
    assertThat(KappaPrecision.items(0.7, 0.1, 0.1, 0.95))
        .isGreaterThan(KappaPrecision.items(0.7, 0.3, 0.1, 0.95))
        .isGreaterThan(KappaPrecision.items(0.7, 0.5, 0.1, 0.95));
  }

  @Test
  void standardErrorMatchesSimulatedRaterPairs() {
    // Two raters with common prevalence π and kappa κ: P(1,1) = π² + κπ(1−π),
    // P(0,0) = (1−π)² + κπ(1−π), each discordant cell π(1−π)(1−κ).
    double kappa = 0.7;
    double prevalence = 0.3;
    int items = 300;
    int replicates = 4000;
    SplittableRandom random = new SplittableRandom(20250601L);
    double q = prevalence * (1 - prevalence);
    double p11 = prevalence * prevalence + kappa * q;
    double p10 = q * (1 - kappa);
    double p01 = q * (1 - kappa);
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < replicates; r++) {
      int a = 0;
      int b = 0;
      int c = 0;
      int d = 0;
      for (int i = 0; i < items; i++) {
        double u = random.nextDouble();
        if (u < p11) {
          a++;
        } else if (u < p11 + p10) {
          b++;
        } else if (u < p11 + p10 + p01) {
          c++;
        } else {
          d++;
        }
      }
      double po = (double) (a + d) / items;
      double r1 = (double) (a + b) / items;
      double r2 = (double) (a + c) / items;
      double pe = r1 * r2 + (1 - r1) * (1 - r2);
      double k = (po - pe) / (1 - pe);
      sum += k;
      sumSq += k * k;
    }
    double mean = sum / replicates;
    double sd = Math.sqrt(sumSq / replicates - mean * mean);
    double predicted = KappaPrecision.standardError(kappa, prevalence, items);
    assertThat(sd).isCloseTo(predicted, within(0.07 * predicted));
  }

  @Test
  void outOfRangeInputsAreRefused() {
    assertThatThrownBy(() -> KappaPrecision.items(1.0, 0.5, 0.1, 0.95))
        .hasMessageContaining("below 1");
    assertThatThrownBy(() -> KappaPrecision.items(0.5, 0.0, 0.1, 0.95))
        .hasMessageContaining("prevalence");
    assertThatThrownBy(() -> KappaPrecision.items(0.5, 0.5, 0, 0.95))
        .hasMessageContaining("half-width");
  }
}
