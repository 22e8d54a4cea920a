package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Weighted kappa and ordinal/interval α on small ordered scales, computed by hand. */
class WeightedAndOrdinalTest {
  private static final double EXACT = 1e-12;
  private static final List<String> SCALE = List.of("1", "2", "3");

  /** Two raters on a 3-point scale: (1,1) (1,2) (2,2) (3,2) (3,3). */
  private final AgreementStudy<String> study =
      Studies.declared(SCALE, "1 1", "1 2", "2 2", "3 2", "3 3");

  @Test
  void linearWeightsCountOneStepAsOne() {
    // D_o = (1 + 1) / 5 = 2/5; A: 1→2, 2→1, 3→2; B: 1→1, 2→3, 3→1
    // D_e = Σ |j−k| a_j b_k / 25 = (2·3·1 + 2·1·2 + 1·1·1 + 1·1·1 + 2·3·1 + 2·1·2) / 25 = 22/25
    // (pairs (1,2) (1,3) (2,1) (2,3) (3,1) (3,2) weighted 1 2 1 1 2 1)
    // κ_w = 1 − (2/5) / (22/25) = 1 − 10/22 = 6/11
    assertThat(WeightedKappa.compute(study, WeightedKappa.Weights.LINEAR).value())
        .isCloseTo(6.0 / 11, within(EXACT));
  }

  @Test
  void quadraticWeightsSquareTheSteps() {
    // D_o = 2/5; D_e = (1·2·3 + 4·2·1 + 1·1·1 + 1·1·1 + 4·2·1 + 1·2·3) / 25 = 30/25
    // κ_w = 1 − (2/5) / (6/5) = 2/3
    assertThat(WeightedKappa.compute(study, WeightedKappa.Weights.QUADRATIC).value())
        .isCloseTo(2.0 / 3, within(EXACT));
  }

  @Test
  void unweightedKappaIsNotWeighted() {
    // p_o = 3/5, p_e = (2·1 + 1·3 + 2·1)/25 = 7/25, κ = (15/25 − 7/25) / (18/25) = 4/9
    assertThat(CohenKappa.compute(study).value()).isCloseTo(4.0 / 9, within(EXACT));
  }

  @Test
  void ordinalAlphaUsesRanksAndMarginals() {
    // pairable values: n_1 = 3, n_2 = 4, n_3 = 3, n = 10
    // δ(1,2) = (3 + 4 − 7/2)² = 3.5², δ(2,3) = (4 + 3 − 7/2)² = 3.5², δ(1,3) = (10 − 3)² = 49
    // o_12 = o_21 = 1, o_23 = o_32 = 1: D_o = 2 (12.25 + 12.25) / 10 = 4.9
    // D_e = 2 (3·4·12.25 + 4·3·12.25 + 3·3·49) / 90 = 2 (147 + 147 + 441) / 90 = 1470/90
    // α = 1 − 4.9 / (1470/90) = 1 − 441/1470 = 0.7
    assertThat(KrippendorffAlpha.ordinal(study).value()).isCloseTo(0.7, within(EXACT));
  }

  @Test
  void intervalAlphaUsesTheValues() {
    // δ = (v_c − v_k)²: D_o = 2 (1 + 1) / 10 = 0.4
    // D_e = 2 (3·4·1 + 4·3·1 + 3·3·4) / 90 = 120/90; α = 1 − 0.4 · 90/120 = 0.7
    assertThat(KrippendorffAlpha.interval(study, Double::parseDouble).value())
        .isCloseTo(0.7, within(EXACT));
  }

  @Test
  void anUnusedCategoryAtTheEndOfTheScaleChangesNothing() {
    AgreementStudy<String> wider =
        Studies.declared(List.of("1", "2", "3", "4"), "1 1", "1 2", "2 2", "3 2", "3 3");
    assertThat(WeightedKappa.compute(wider, WeightedKappa.Weights.LINEAR).value())
        .isCloseTo(6.0 / 11, within(EXACT));
    assertThat(KrippendorffAlpha.ordinal(wider).value()).isCloseTo(0.7, within(EXACT));
  }

  @Test
  void theReportAddsOrdinalMetricsOnlyWhenAsked() {
    AgreementReport nominal = AgreementReport.compute(study, new AgreementOptions(0, 1, false));
    AgreementReport ordinal = AgreementReport.compute(study, new AgreementOptions(0, 1, true));
    assertThat(nominal.metrics()).doesNotContainKey(Metric.COHEN_KAPPA_LINEAR);
    assertThat(ordinal.metrics().get(Metric.COHEN_KAPPA_LINEAR).estimate().value())
        .isCloseTo(6.0 / 11, within(EXACT));
    assertThat(ordinal.metrics().get(Metric.COHEN_KAPPA_QUADRATIC).estimate().value())
        .isCloseTo(2.0 / 3, within(EXACT));
    assertThat(ordinal.metrics().get(Metric.KRIPPENDORFF_ALPHA_ORDINAL).estimate().value())
        .isCloseTo(0.7, within(EXACT));
  }
}
