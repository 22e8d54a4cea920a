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
  private final AgreementStudy<String> study = PublishedExamples.load("cohen_wikipedia");

  /** The article's worked example: p_o = 0.7 and κ = 0.4 (exact: p_e = 0.5). */
  @Test
  void matchesTheArticle() {
    PublishedExamples.assertMatches(study, Map.of("percent_agreement", 0.7, "cohen_kappa", 0.4));
  }

  /**
   * DKPro Statistics 2.1.0: {@code ScottPiAgreement}, {@code FleissKappaAgreement}, {@code
   * KrippendorffAlphaAgreement} (nominal), {@code BennettSAgreement}, {@code HubertKappaAgreement}
   * (Conger) and {@code CohenKappaAgreement} of the one pair (Light).
   */
  @Test
  void matchesDkproStatistics() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "scott_pi", 0.393939,
            "fleiss_kappa", 0.393939,
            "krippendorff_alpha_nominal", 0.4,
            "bennett_s", 0.4,
            "conger_kappa", 0.4,
            "light_kappa", 0.4));
  }

  /**
   * Values neither the article nor DKPro gives: src/test/python/agreement_reference.py
   * (independent, Python 3.11): AC1 0.405940594, the large-sample SE of Fleiss, Cohen & Everitt
   * (1969) 0.126996063, and κ ± 1.959963984540054 · SE = [0.151092290, 0.648907710].
   */
  @Test
  void matchesTheIndependentReference() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "gwet_ac1", 0.405941,
            "cohen_kappa_se", 0.126996,
            "cohen_kappa_ci95_low", 0.151092,
            "cohen_kappa_ci95_high", 0.648908));
  }

  @Test
  void everyIntervalUsesTheExactNormalQuantile() {
    // Φ⁻¹(0.975) = 1.959963984540054…; the table value 1.959964 moves the bounds by ~2e-9
    assertThat(CohenKappa.Z_95).isCloseTo(1.959963984540054, within(1e-15));
    assertThat(WilsonInterval.Z95).isEqualTo(CohenKappa.Z_95);
    double kappa = CohenKappa.compute(study).value();
    double se = CohenKappa.standardError(study).value();
    Interval interval = CohenKappa.asymptoticInterval(kappa, se);
    assertThat(interval.low()).isCloseTo(kappa - 1.959963984540054 * se, within(1e-15));
    assertThat(interval.high()).isCloseTo(kappa + 1.959963984540054 * se, within(1e-15));
    assertThat(Math.abs(interval.low() - (kappa - 1.959964 * se))).isGreaterThan(1e-10);
  }
}
