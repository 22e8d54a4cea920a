package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (κ = 0.430). */
class Fleiss1971Test {
  private final AgreementStudy<String> study = PublishedExamples.load("fleiss1971_diagnoses");

  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        study,
        Map.of(
            "percent_agreement", 0.555556,
            "light_kappa", 0.459412,
            "fleiss_kappa", 0.430245,
            "krippendorff_alpha_nominal", 0.43341,
            "gwet_ac1", 0.447885,
            "bennett_s", 0.444444,
            "conger_kappa", 0.441808540329));
  }

  @Test
  void isCompleteWithSixRatingsPerItem() {
    assertThat(study.itemCount()).isEqualTo(30);
    assertThat(study.ratingCount()).isEqualTo(180);
    assertThat(study.missingRatingCount()).isZero();
    assertThat(study.categoryCount()).isEqualTo(5);
  }
}
