package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The rescaling bootstrap: its variance of a weighted total equals the textbook variance of
 * stratified sampling without replacement, Σ N_h²(1 − f_h) s_h²/m_h, and its intervals do not
 * depend on the number of workers.
 */
class StratifiedBootstrapTest {
  /** Two strata: N = 100 with 10 units (4 with y = 1), N = 30 with 5 units (all 1 but one). */
  private static final int[][] Y = {{1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 0}};

  private static DesignSample design(int[][] unitTotals) {
    DesignSample.Builder b = DesignSample.builder();
    int h0 = b.stratum("a", 100, 10);
    int h1 = b.stratum("b", 30, 5);
    int u = 0;
    for (int h = 0; h < 2; h++) {
      for (int y : Y[h]) {
        b.unit(h == 0 ? h0 : h1);
        unitTotals[u++] = y == 1 ? new int[] {0} : new int[0];
      }
    }
    return b.build();
  }

  @Test
  void varianceOfATotalIsTheStratifiedVarianceWithFiniteCorrection() {
    int[][] unitTotals = new int[15][];
    DesignSample design = design(unitTotals);
    List<Function<double[], Coefficient>> total = List.of(t -> Coefficient.of(t[0]));
    int b = 40_000;
    double[][] values = new double[1][b];
    boolean[][] defined = new boolean[1][b];
    StratifiedBootstrap.replicateValues(design, unitTotals, 1, b, 7, total, 2, values, defined);
    double mean = 0;
    for (double v : values[0]) {
      mean += v / b;
    }
    double variance = 0;
    for (double v : values[0]) {
      variance += (v - mean) * (v - mean) / (b - 1);
    }
    double expected = 0;
    long[] n = {100, 30};
    for (int h = 0; h < 2; h++) {
      int m = Y[h].length;
      double ybar = 0;
      for (int y : Y[h]) {
        ybar += (double) y / m;
      }
      double s2 = 0;
      for (int y : Y[h]) {
        s2 += (y - ybar) * (y - ybar) / (m - 1);
      }
      expected += n[h] * n[h] * (1 - (double) m / n[h]) * s2 / m;
    }
    double estimate = StratifiedBootstrap.totals(design, unitTotals, 1)[0];
    assertThat(estimate).isCloseTo(100 * 0.4 + 30 * 0.8, within(1e-9));
    assertThat(mean).isCloseTo(estimate, within(0.5));
    assertThat(variance / expected).isCloseTo(1.0, within(0.03));
  }

  @Test
  void theNumberOfWorkersChangesNoBit() {
    int[][] unitTotals = new int[15][];
    DesignSample design = design(unitTotals);
    List<Function<double[], Coefficient>> total = List.of(t -> Coefficient.of(t[0]));
    double[][] one = new double[1][999];
    boolean[][] oneDefined = new boolean[1][999];
    StratifiedBootstrap.replicateValues(design, unitTotals, 1, 999, 3, total, 1, one, oneDefined);
    double[][] four = new double[1][999];
    boolean[][] fourDefined = new boolean[1][999];
    StratifiedBootstrap.replicateValues(design, unitTotals, 1, 999, 3, total, 4, four, fourDefined);
    assertThat(four).isDeepEqualTo(one);
    assertThat(fourDefined).isDeepEqualTo(oneDefined);
  }

  @Test
  void aStratumTakenWholeAddsNoVariance() {
    DesignSample.Builder b = DesignSample.builder();
    int h = b.stratum("all", 3, 3);
    b.unit(h);
    b.unit(h);
    b.unit(h);
    int[][] unitTotals = {{0}, {}, {0}};
    List<BootstrapInterval> ci =
        StratifiedBootstrap.run(
            b.build(), unitTotals, 1, 200, 1, List.of(t -> Coefficient.of(t[0])));
    Interval i = ci.get(0).ci95().orElseThrow();
    assertThat(i.low()).isEqualTo(2.0);
    assertThat(i.high()).isEqualTo(2.0);
  }
}
