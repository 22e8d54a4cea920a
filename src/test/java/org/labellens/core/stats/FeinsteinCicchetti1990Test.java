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

  /** The paper's example (b): 85% agreement and κ = .32 (two decimals). */
  @Test
  void matchesThePaper() {
    PublishedExamples.assertMatches(
        study, Map.of("percent_agreement", 0.85, "cohen_kappa", 0.32), 0.005);
  }

  /**
   * DKPro Statistics 2.1.0: {@code CohenKappaAgreement} (also Light's κ of the one pair), {@code
   * ScottPiAgreement}, {@code FleissKappaAgreement}, {@code KrippendorffAlphaAgreement} (nominal),
   * {@code BennettSAgreement}, {@code HubertKappaAgreement} (Conger).
   */
  @Test
  void matchesDkproStatistics() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "cohen_kappa", 0.318182,
            "light_kappa", 0.318182,
            "scott_pi", 0.314286,
            "fleiss_kappa", 0.314286,
            "krippendorff_alpha_nominal", 0.317714,
            "bennett_s", 0.7,
            "conger_kappa", 0.318182));
  }

  /**
   * Values neither the paper nor DKPro gives: src/test/python/agreement_reference.py (independent,
   * Python 3.11): AC1 0.808000000, the SE of Fleiss, Cohen &amp; Everitt (1969) 0.133456521, and κ
   * ± 1.959963984540054 · SE = [0.056611843, 0.579751793].
   */
  @Test
  void matchesTheIndependentReference() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "gwet_ac1", 0.808,
            "cohen_kappa_se", 0.133457,
            "cohen_kappa_ci95_low", 0.056612,
            "cohen_kappa_ci95_high", 0.579752));
  }

  @Test
  void showsTheParadoxHighAgreementLowKappa() {
    assertThat(PercentAgreement.compute(study).value()).isGreaterThan(0.8);
    assertThat(CohenKappa.compute(study).value()).isLessThan(0.35);
    assertThat(GwetAc1.compute(study).value()).isGreaterThan(0.8);
  }
}
