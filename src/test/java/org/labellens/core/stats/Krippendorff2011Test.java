package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example: 4
 * observers, 12 units, with missing values (α = 0.743).
 */
class Krippendorff2011Test {
  private final AgreementStudy<String> study = PublishedExamples.load("krippendorff2011_nominal");

  /** The paper: α = 0.743 (three decimals), derived exactly from its coincidences below. */
  @Test
  void matchesThePaper() {
    PublishedExamples.assertMatches(study, Map.of("krippendorff_alpha_nominal", 0.743), 0.0005);
  }

  /**
   * With missing ratings DKPro's percent agreement, Fleiss and Hubert use other definitions (see
   * DkproDifferentialTest), so the six-decimal values come from
   * src/test/python/agreement_reference.py (independent, Python 3.11): P̄ 0.818181818, Light
   * 0.700162637, Fleiss (Gwet's generalisation) 0.761169275, α 0.743421053, AC1 0.775444068,
   * Bennett's S 0.772727273, Conger 0.762817441.
   */
  @Test
  void matchesTheIndependentReference() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "percent_agreement", 0.818182,
            "light_kappa", 0.700163,
            "fleiss_kappa", 0.761169,
            "krippendorff_alpha_nominal", 0.743421,
            "gwet_ac1", 0.775444,
            "bennett_s", 0.772727,
            "conger_kappa", 0.762817));
  }

  @Test
  void hasMissingRatingsAndOneUnpairableUnit() {
    assertThat(study.itemCount()).isEqualTo(12);
    assertThat(study.raterCount()).isEqualTo(4);
    assertThat(study.ratingCount()).isEqualTo(41);
    assertThat(study.missingRatingCount()).isEqualTo(7);
    assertThat(study.pairableItemCount()).isEqualTo(11);
  }

  @Test
  void coincidencesAreThoseOfThePaper() {
    // Krippendorff (2011), section C: n_c = 9, 13, 10, 5, 3 (n = 40), Σ_c o_cc = 32, so
    // α = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²) = 1 − 39 · 8 / 1216
    Tally tally = Tally.of(study, true);
    assertThat(tally.pairableMarginals).containsExactly(9, 13, 10, 5, 3);
    assertThat(tally.pairableValues).isEqualTo(40);
    assertThat(tally.coincidentAgreement).isCloseTo(32.0, within(1e-12));
    assertThat(KrippendorffAlpha.nominal(study).value())
        .isCloseTo(1.0 - 39.0 * 8 / 1216, within(1e-12));
  }
}
