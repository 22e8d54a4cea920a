package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Raters who always agree, on at least two categories, get 1 from every coefficient. */
class FullAgreementTest {
  @Test
  void everyCoefficientIsOneForTwoRaters() {
    AgreementStudy<String> study =
        Studies.declared(List.of("a", "b", "c"), "a a", "b b", "c c", "a a");
    AgreementReport report = AgreementReport.compute(study, new AgreementOptions(50, 1, true));
    report
        .metrics()
        .forEach(
            (metric, result) ->
                assertThat(result.estimate().value()).as(metric.key()).isEqualTo(1.0));
    assertThat(report.metrics().get(Metric.COHEN_KAPPA).asymptotic().orElseThrow().standardError())
        .isZero();
  }

  @Test
  void everyMultiRaterCoefficientIsOneWithMissingRatings() {
    AgreementStudy<String> study = Studies.of("a a a", "b - b", "- c c", "a a -", "b b b", "c - -");
    AgreementReport report = AgreementReport.compute(study, new AgreementOptions(0, 1, true));
    for (Metric metric : Metric.values()) {
      if (!metric.twoRatersOnly()) {
        assertThat(report.metrics().get(metric).estimate().value()).as(metric.key()).isEqualTo(1.0);
      }
    }
    for (PairResult pair : report.pairs()) {
      assertThat(pair.agreement().cohenKappa().value()).isEqualTo(1.0);
      assertThat(pair.agreement().percentAgreement().value()).isEqualTo(1.0);
    }
  }

  @Test
  void theBootstrapIntervalOfPerfectAgreementIsOneToOne() {
    AgreementStudy<String> study = Studies.of("a a", "b b", "a a", "b b", "a a", "b b");
    MetricResult kappa =
        AgreementReport.compute(study, new AgreementOptions(500, 1, false))
            .metrics()
            .get(Metric.COHEN_KAPPA);
    BootstrapInterval interval = kappa.bootstrap().orElseThrow();
    assertThat(interval.ci95()).contains(new Interval(1.0, 1.0));
    // replicates drawing only 'a' items (or only 'b') are 0/0 and are dropped, not counted as 1
    assertThat(interval.undefinedReplicates()).isPositive();
  }
}
