package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Wilson score intervals against values computed by hand (and by R's prop.test without correction).
 */
class WilsonIntervalTest {
  @Test
  void eightOfTen() {
    Interval i = WilsonInterval.of(8, 10).orElseThrow();
    assertThat(i.low()).isCloseTo(0.4901625, within(1e-6));
    assertThat(i.high()).isCloseTo(0.9433178, within(1e-6));
  }

  @Test
  void boundsStayInsideTheUnitInterval() {
    assertThat(WilsonInterval.of(0, 5).orElseThrow().low()).isEqualTo(0.0);
    assertThat(WilsonInterval.of(5, 5).orElseThrow().high()).isEqualTo(1.0);
    assertThat(WilsonInterval.of(0, 0)).isEmpty();
  }
}
