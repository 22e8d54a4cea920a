package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the Wikipedia article "Cohen's kappa": 50 proposals, two readers, yes/no (κ
 * = 0.4).
 */
class CohenWikipediaTest {
  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        PublishedExamples.load("cohen_wikipedia"),
        Map.ofEntries(
            Map.entry("percent_agreement", 0.7),
            Map.entry("cohen_kappa", 0.4),
            Map.entry("scott_pi", 0.393939),
            Map.entry("light_kappa", 0.4),
            Map.entry("fleiss_kappa", 0.393939),
            Map.entry("krippendorff_alpha_nominal", 0.4),
            Map.entry("gwet_ac1", 0.405941),
            Map.entry("bennett_s", 0.4),
            Map.entry("cohen_kappa_se", 0.126996),
            Map.entry("cohen_kappa_ci95_low", 0.151092),
            Map.entry("cohen_kappa_ci95_high", 0.648908),
            Map.entry("conger_kappa", 0.4)));
  }

  @Test
  void everyIntervalUsesTheExactNormalQuantile() {
    // Φ⁻¹(0.975) = 1.959963984540054…; the table value 1.959964 moves the bounds by ~2e-9
    assertThat(CohenKappa.Z_95).isCloseTo(1.959963984540054, within(1e-15));
    assertThat(WilsonInterval.Z95).isEqualTo(CohenKappa.Z_95);
    AgreementStudy<String> study = PublishedExamples.load("cohen_wikipedia");
    double kappa = CohenKappa.compute(study).value();
    double se = CohenKappa.standardError(study).value();
    Interval interval = CohenKappa.asymptoticInterval(kappa, se);
    assertThat(interval.low()).isCloseTo(kappa - 1.959963984540054 * se, within(1e-15));
    assertThat(interval.high()).isCloseTo(kappa + 1.959963984540054 * se, within(1e-15));
    assertThat(Math.abs(interval.low() - (kappa - 1.959964 * se))).isGreaterThan(1e-10);
  }
}
