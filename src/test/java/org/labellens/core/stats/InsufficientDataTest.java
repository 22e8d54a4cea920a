package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Structurally unusable studies throw {@link InsufficientDataException} with a message that
 * explains why; studies of the right shape whose data give 0/0 report undefined with a reason.
 */
class InsufficientDataTest {
  static List<Function<AgreementStudy<?>, Object>> everyMeasure() {
    return List.of(
        PercentAgreement::compute,
        FleissKappa::compute,
        LightKappa::compute,
        CongerKappa::compute,
        KrippendorffAlpha::nominal,
        KrippendorffAlpha::ordinal,
        GwetAc1::compute,
        BennettS::compute,
        PairwiseAgreement::compute,
        CohenKappa::compute,
        ScottPi::compute,
        study -> WeightedKappa.compute(study, WeightedKappa.Weights.LINEAR),
        study -> AgreementReport.compute(study, AgreementOptions.defaults()));
  }

  @ParameterizedTest
  @MethodSource("everyMeasure")
  void aSingleRaterIsRejected(Function<AgreementStudy<?>, Object> measure) {
    AgreementStudy<String> study = Studies.of("a", "b", "a");
    assertThatThrownBy(() -> measure.apply(study))
        .isInstanceOf(InsufficientDataException.class)
        .hasMessageContaining("2 raters; this study has 1");
  }

  @ParameterizedTest
  @MethodSource("everyMeasure")
  void aStudyWithoutRatingsIsRejected(Function<AgreementStudy<?>, Object> measure) {
    AgreementStudy<String> study = Studies.of("- -", "- -");
    assertThatThrownBy(() -> measure.apply(study))
        .isInstanceOf(InsufficientDataException.class)
        .hasMessageContaining("no rating");
  }

  @ParameterizedTest
  @MethodSource("everyMeasure")
  void anEmptyStudyIsRejected(Function<AgreementStudy<?>, Object> measure) {
    AgreementStudy<String> study = AgreementStudy.<String>builder().build();
    assertThatThrownBy(() -> measure.apply(study)).isInstanceOf(InsufficientDataException.class);
  }

  @Test
  void singleRaterMessageNamesTheRater() {
    assertThatThrownBy(() -> FleissKappa.compute(Studies.of("a", "b")))
        .hasMessage("Fleiss' kappa needs at least 2 raters; this study has 1 (A)");
  }

  @Test
  void twoRaterMeasuresRejectThreeRatersButTheReportSaysWhy() {
    AgreementStudy<String> study = Studies.of("a a b", "b b b", "a b a");
    assertThatThrownBy(() -> CohenKappa.compute(study))
        .isInstanceOf(InsufficientDataException.class)
        .hasMessageContaining("exactly 2 raters; this study has 3");
    AgreementReport report = AgreementReport.compute(study, new AgreementOptions(0, 1, true));
    for (Metric metric : Metric.values()) {
      if (metric.twoRatersOnly()) {
        Coefficient value = report.metrics().get(metric).estimate();
        assertThat(value.isDefined()).isFalse();
        assertThat(value.reason().orElseThrow()).contains("exactly 2 raters; this study has 3");
      }
    }
  }

  @Test
  void everyoneUsingOneCategoryLeavesEveryChanceCorrectedCoefficientUndefined() {
    AgreementStudy<String> study = Studies.of("x x", "x x", "x x");
    AgreementReport report = AgreementReport.compute(study, new AgreementOptions(100, 1, true));
    assertThat(report.metrics().get(Metric.PERCENT_AGREEMENT).estimate().value()).isEqualTo(1.0);
    for (Metric metric : Metric.values()) {
      if (metric != Metric.PERCENT_AGREEMENT) {
        MetricResult result = report.metrics().get(metric);
        assertThat(result.estimate().isDefined()).as(metric.key()).isFalse();
        assertThat(result.estimate().reason().orElseThrow()).as(metric.key()).contains("'x'");
        assertThat(result.bootstrap().orElseThrow().ci95()).as(metric.key()).isEmpty();
        assertThat(result.asymptotic()).isEmpty();
      }
    }
  }

  @Test
  void withTwoDeclaredCategoriesOneUsedCategoryGivesAc1AndSOfOne() {
    // AC1's and S's chance terms are 0 and 1/2: not 0/0, so they are defined (and 1)
    AgreementStudy<String> study = Studies.declared(List.of("x", "y"), "x x", "x x", "x x");
    assertThat(GwetAc1.compute(study).value()).isEqualTo(1.0);
    assertThat(BennettS.compute(study).value()).isEqualTo(1.0);
    assertThat(FleissKappa.compute(study).isDefined()).isFalse();
    assertThat(CohenKappa.compute(study).isDefined()).isFalse();
  }

  @Test
  void ratersWithoutACommonItemHaveNoPairableItems() {
    AgreementStudy<String> study = Studies.of("x -", "- y", "y -", "- x");
    assertThat(study.pairableItemCount()).isZero();
    for (Coefficient value :
        List.of(
            PercentAgreement.compute(study),
            FleissKappa.compute(study),
            KrippendorffAlpha.nominal(study),
            GwetAc1.compute(study),
            BennettS.compute(study),
            CongerKappa.compute(study))) {
      assertThat(value.reason().orElseThrow()).contains("no item was rated by two or more raters");
    }
    assertThat(CohenKappa.compute(study).reason().orElseThrow())
        .isEqualTo("raters 'A' and 'B' rated no item in common");
    assertThat(LightKappa.compute(study).reason().orElseThrow())
        .contains("rated no item in common");
  }

  @Test
  void undefinedCoefficientsNeverLeakNaN() {
    Coefficient undefined = KrippendorffAlpha.nominal(Studies.of("x x", "x x"));
    assertThat(undefined.optionalValue()).isEmpty();
    assertThatThrownBy(undefined::value).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Coefficient.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
