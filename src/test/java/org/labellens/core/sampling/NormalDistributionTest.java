package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {
  @Test
  void quantileMatchesPublishedValuesToFullPrecision() {
    assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(NormalDistribution.quantile(0.995)).isCloseTo(2.5758293035489, within(1e-13));
    assertThat(NormalDistribution.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-14));
    assertThat(NormalDistribution.quantile(0.5)).isEqualTo(0.0);
    assertThat(NormalDistribution.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
  }

  @Test
  void quantileIsSymmetric() {
    for (double p : new double[] {0.001, 0.02, 0.3, 0.45}) {
      assertThat(NormalDistribution.quantile(p))
          .isCloseTo(-NormalDistribution.quantile(1 - p), within(1e-12));
    }
  }

  @Test
  void twoSidedZForNinetyFivePercentIsNotTheTableValue() {
    double z = NormalDistribution.twoSidedZ(0.95);
    assertThat(z).isCloseTo(1.959963985, within(1e-9));
    assertThat(z).isNotEqualTo(1.96);
  }

  @Test
  void confidenceOutsideTheUnitIntervalIsRefused() {
    assertThatThrownBy(() -> NormalDistribution.twoSidedZ(95))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> NormalDistribution.quantile(1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
