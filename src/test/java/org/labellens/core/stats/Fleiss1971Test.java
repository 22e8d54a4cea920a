package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (κ = .430).
 *
 * <p>The paper gives each patient six ratings by psychiatrists who differ from patient to patient;
 * the test file numbers each patient's ratings 1 to 6. Light's and Conger's κ, which pair raters
 * across items, therefore describe that numbering, not a finding of the paper.
 */
class Fleiss1971Test {
  private final AgreementStudy<String> study = PublishedExamples.load("fleiss1971_diagnoses");

  /** Fleiss (1971), the worked example on Table 1: κ = .430 (three decimals printed). */
  @Test
  void matchesTheKappaOfThePaper() {
    PublishedExamples.assertMatches(study, Map.of("fleiss_kappa", 0.430), 0.0005);
  }

  /**
   * DKPro Statistics 2.1.0 on the same table: {@code PercentageAgreement}, {@code
   * FleissKappaAgreement}, {@code KrippendorffAlphaAgreement} with the nominal distance, {@code
   * RandolphKappaAgreement} (Bennett's S with the five categories), {@code HubertKappaAgreement}
   * (Conger's κ on complete data), and the mean of {@code CohenKappaAgreement} over the 15 rater
   * pairs (Light's κ).
   */
  @Test
  void matchesDkproStatistics() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "percent_agreement", 0.555556,
            "fleiss_kappa", 0.430245,
            "krippendorff_alpha_nominal", 0.433410,
            "bennett_s", 0.444444,
            "conger_kappa", 0.441809,
            "light_kappa", 0.459412));
  }

  /**
   * Gwet's AC1 is neither in the paper nor in DKPro: src/test/python/agreement_reference.py
   * (independent, Python 3.11) gives 0.447884516.
   */
  @Test
  void matchesTheIndependentReferenceForAc1() {
    PublishedExamples.assertMatches(study, Map.of("gwet_ac1", 0.447885));
  }

  @Test
  void isCompleteWithSixRatingsPerItem() {
    assertThat(study.itemCount()).isEqualTo(30);
    assertThat(study.ratingCount()).isEqualTo(180);
    assertThat(study.missingRatingCount()).isZero();
    assertThat(study.categoryCount()).isEqualTo(5);
  }
}
