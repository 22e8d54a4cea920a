package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Cochran's sample size with the finite-population correction, n = n₀ / (1 + (n₀ − 1)/N), n₀ =
 * z²·0.25/E², rounded up. Expected values worked out by hand (and with Python's statistics module).
 */
class Cochran1977Test {
  @Test
  void studyPopulationAtFivePointsAndNinetyFivePercentNeeds373() {
    assertThat(SampleSize.infinitePopulation(0.05, 0.95))
        .isCloseTo(384.1458820694123, within(1e-9));
    assertThat(SampleSize.cochranUnrounded(12_349, 0.05, 0.95))
        .isCloseTo(372.58585800182016, within(1e-9));
    assertThat(SampleSize.cochran(12_349, 0.05, 0.95)).isEqualTo(373);
  }

  @Test
  void handComputedSizesForOtherPopulations() {
    assertThat(SampleSize.cochran(4_019, 0.05, 0.95)).isEqualTo(351); // 350.711
    assertThat(SampleSize.cochran(1_062, 0.05, 0.95)).isEqualTo(283); // 282.299
    assertThat(SampleSize.cochran(100, 0.05, 0.95)).isEqualTo(80); // 79.509
    assertThat(SampleSize.cochran(12_349, 0.03, 0.99)).isEqualTo(1604); // 1603.798
  }

  @Test
  void tinyPopulationsAreTakenWhole() {
    assertThat(SampleSize.cochran(0, 0.05, 0.95)).isZero();
    assertThat(SampleSize.cochran(1, 0.05, 0.95)).isEqualTo(1); // exactly 1.0: no extra item
    assertThat(SampleSize.cochran(2, 0.05, 0.95)).isEqualTo(2);
    assertThat(SampleSize.cochran(10, 0.05, 0.95)).isEqualTo(10);
  }

  @Test
  void marginMustBeAShare() {
    assertThatThrownBy(() -> SampleSize.cochran(100, 5, 0.95))
        .hasMessageContaining("margin of error must be between 0 and 1");
  }
}
