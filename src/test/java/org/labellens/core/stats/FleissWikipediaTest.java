package org.labellens.core.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the Wikipedia article "Fleiss' kappa": 10 subjects, 14 raters, 5 categories
 * (κ = 0.210).
 */
class FleissWikipediaTest {
  private final AgreementStudy<String> study = PublishedExamples.load("fleiss_wikipedia");

  /** The article's worked example: P̄ = 0.378 and κ = 0.210 (three decimals printed). */
  @Test
  void matchesTheArticle() {
    PublishedExamples.assertMatches(
        study, Map.of("percent_agreement", 0.378, "fleiss_kappa", 0.210), 0.0005);
  }

  /**
   * DKPro Statistics 2.1.0: {@code PercentageAgreement}, {@code FleissKappaAgreement}, {@code
   * KrippendorffAlphaAgreement} (nominal), {@code RandolphKappaAgreement} (Bennett's S), {@code
   * HubertKappaAgreement} (Conger on complete data), the mean of {@code CohenKappaAgreement} over
   * the 91 rater pairs (Light).
   */
  @Test
  void matchesDkproStatistics() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "percent_agreement", 0.378022,
            "fleiss_kappa", 0.209931,
            "krippendorff_alpha_nominal", 0.215574,
            "bennett_s", 0.222527,
            "conger_kappa", 0.217042,
            "light_kappa", 0.234672));
  }

  /** Gwet's AC1: src/test/python/agreement_reference.py (independent, Python 3.11), 0.225614151. */
  @Test
  void matchesTheIndependentReferenceForAc1() {
    PublishedExamples.assertMatches(study, Map.of("gwet_ac1", 0.225614));
  }
}
