package org.labellens.core.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gwet (2008/2014), two abstractors classifying 100 pregnancies into 3 categories (Ectopic, AIU,
 * NIU): AC1 = 0.849 against κ = 0.796.
 */
class GwetAbstractorsTest {
  private final AgreementStudy<String> study = PublishedExamples.load("gwet_abstractors_3x3");

  /**
   * The irrCAC 1.0 documentation (vignette "Calculating Chance-corrected Agreement Coefficients",
   * data set {@code cont3x3abstractors}) prints, to seven decimals: Cohen's κ 0.7964094 with SE
   * 0.05891072, Scott's π 0.7962397, AC1 0.8493305, Brennan-Prediger (Bennett's S) 0.835,
   * Krippendorff's α 0.7972585, percent agreement 0.89.
   */
  @Test
  void matchesIrrCac() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "cohen_kappa", 0.7964094,
            "cohen_kappa_se", 0.05891072,
            "scott_pi", 0.7962397,
            "gwet_ac1", 0.8493305,
            "bennett_s", 0.835,
            "krippendorff_alpha_nominal", 0.7972585,
            "percent_agreement", 0.89),
        0.00000005);
  }

  /**
   * DKPro Statistics 2.1.0: {@code FleissKappaAgreement} (Scott's π for two raters), {@code
   * HubertKappaAgreement} (Conger, Cohen for two raters) and {@code CohenKappaAgreement} of the one
   * pair (Light).
   */
  @Test
  void matchesDkproStatistics() {
    PublishedExamples.assertMatches(
        study, Map.of("fleiss_kappa", 0.796240, "conger_kappa", 0.796409, "light_kappa", 0.796409));
  }

  /**
   * The asymptotic interval κ ± 1.959963984540054 · SE (irrCAC prints a t-based one):
   * src/test/python/agreement_reference.py (independent, Python 3.11), [0.680946516, 0.911872288].
   */
  @Test
  void matchesTheIndependentReferenceForTheInterval() {
    PublishedExamples.assertMatches(
        study, Map.of("cohen_kappa_ci95_low", 0.680947, "cohen_kappa_ci95_high", 0.911872));
  }
}
