package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {
  @Test
  void splitMixMatchesTheReferenceSequence() {
    // Vigna's splitmix64.c with x = 0
    SplitMix64 random = new SplitMix64(0);
    assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void boundedDrawsStayInRangeAndCoverIt() {
    SplitMix64 random = new SplitMix64(42);
    int[] seen = new int[7];
    for (int draw = 0; draw < 7000; draw++) {
      seen[random.nextInt(7)]++;
    }
    for (int count : seen) {
      assertThat(count).isBetween(850, 1150);
    }
  }

  @Test
  void quantilesAreType7() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(PercentileBootstrap.quantile(sorted, 0.025)).isCloseTo(1.075, within(1e-15));
    assertThat(PercentileBootstrap.quantile(sorted, 0.975)).isCloseTo(3.925, within(1e-15));
    assertThat(PercentileBootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
    assertThat(PercentileBootstrap.quantile(new double[] {7}, 0.975)).isEqualTo(7);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    AgreementStudy<String> study = PublishedExamples.load("gwet_abstractors_3x3");
    AgreementReport first = AgreementReport.compute(study, new AgreementOptions(300, 7, false));
    AgreementReport again = AgreementReport.compute(study, new AgreementOptions(300, 7, false));
    AgreementReport other = AgreementReport.compute(study, new AgreementOptions(300, 8, false));
    assertThat(again.metrics()).isEqualTo(first.metrics());
    assertThat(again.pairs()).isEqualTo(first.pairs());
    assertThat(other.metrics()).isNotEqualTo(first.metrics());
  }

  @Test
  void theDefaultIntervalIsPinnedSoThatAnyChangeOfTheProcedureIsSeen() {
    // seed 1, 1,000 replicates: these bounds are what every machine must print
    AgreementReport report =
        AgreementReport.compute(
            PublishedExamples.load("cohen_wikipedia"), AgreementOptions.defaults());
    Interval kappa =
        report.metrics().get(Metric.COHEN_KAPPA).bootstrap().orElseThrow().ci95().orElseThrow();
    assertThat(kappa).isEqualTo(PINNED_COHEN_WIKIPEDIA_KAPPA);
  }

  static final Interval PINNED_COHEN_WIKIPEDIA_KAPPA =
      new Interval(0.13521688788038924, 0.6399999999999999);

  @Test
  void intervalsContainTheEstimateOnAPublishedExample() {
    AgreementReport report =
        AgreementReport.compute(
            PublishedExamples.load("fleiss1971_diagnoses"), AgreementOptions.defaults());
    report
        .metrics()
        .forEach(
            (metric, result) -> {
              if (result.estimate().isDefined()) {
                Interval ci = result.bootstrap().orElseThrow().ci95().orElseThrow();
                assertThat(result.estimate().value())
                    .as(metric.key())
                    .isBetween(ci.low(), ci.high());
                assertThat(result.bootstrap().orElseThrow().replicates()).isEqualTo(1000);
              }
            });
  }

  @Test
  void undefinedReplicatesAreDroppedAndCounted() {
    // three items, one of them 'y': about (2/3)³ ≈ 30% of replicates draw no 'y' and are 0/0
    AgreementStudy<String> study = Studies.of("x x", "x x", "y y");
    BootstrapInterval interval =
        AgreementReport.compute(study, new AgreementOptions(1000, 1, false))
            .metrics()
            .get(Metric.COHEN_KAPPA)
            .bootstrap()
            .orElseThrow();
    assertThat(interval.undefinedReplicates()).isBetween(220, 380);
    assertThat(interval.ci95()).contains(new Interval(1.0, 1.0));
  }

  @Test
  void noReplicatesMeansNoInterval() {
    AgreementReport report =
        AgreementReport.compute(
            PublishedExamples.load("cohen_wikipedia"), new AgreementOptions(0, 1, false));
    report.metrics().values().forEach(result -> assertThat(result.bootstrap()).isEmpty());
    report.pairs().forEach(pair -> assertThat(pair.cohenKappaBootstrap()).isEmpty());
  }
}
