package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feinstein &amp; Cicchetti (1990), "High agreement but low kappa", table (b): 85% agreement, κ =
 * 0.318, while AC1 = 0.808.
 */
class FeinsteinCicchetti1990Test {
  private final AgreementStudy<String> study = PublishedExamples.load("feinstein_cicchetti_1990_b");

  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        study,
        Map.ofEntries(
            Map.entry("percent_agreement", 0.85),
            Map.entry("cohen_kappa", 0.318182),
            Map.entry("scott_pi", 0.314286),
            Map.entry("light_kappa", 0.318182),
            Map.entry("fleiss_kappa", 0.314286),
            Map.entry("krippendorff_alpha_nominal", 0.317714),
            Map.entry("gwet_ac1", 0.808),
            Map.entry("bennett_s", 0.7),
            Map.entry("cohen_kappa_se", 0.133457),
            Map.entry("cohen_kappa_ci95_low", 0.056612),
            Map.entry("cohen_kappa_ci95_high", 0.579752),
            Map.entry("conger_kappa", 0.318181818182)));
  }

  @Test
  void showsTheParadoxHighAgreementLowKappa() {
    assertThat(PercentAgreement.compute(study).value()).isGreaterThan(0.8);
    assertThat(CohenKappa.compute(study).value()).isLessThan(0.35);
    assertThat(GwetAc1.compute(study).value()).isGreaterThan(0.8);
  }
}
