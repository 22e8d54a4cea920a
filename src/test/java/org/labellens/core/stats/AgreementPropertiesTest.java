package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariances and bounds that every coefficient must satisfy, on generated studies. */
class AgreementPropertiesTest {
  private static final double TOLERANCE = 1e-12;
  private static final AgreementOptions NO_BOOTSTRAP = new AgreementOptions(0, 1, true);

  @Provide
  Arbitrary<RatingMatrix> matrices() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 25),
            Arbitraries.integers().between(2, 5),
            Arbitraries.integers().between(2, 5))
        .flatAs(
            (items, raters, categories) ->
                Arbitraries.integers()
                    .between(-1, categories - 1)
                    .list()
                    .ofSize(items * raters)
                    .map(cells -> matrix(cells, items, raters, categories)));
  }

  @Provide
  Arbitrary<List<Integer>> permutations() {
    return Arbitraries.shuffle(0, 1, 2, 3, 4);
  }

  @Property(tries = 300)
  boolean relabellingCategoriesChangesNoNominalCoefficient(
      @ForAll("matrices") RatingMatrix matrix, @ForAll("permutations") List<Integer> permutation) {
    List<Integer> rename = restrict(permutation, matrix.categories);
    RatingMatrix relabelled = matrix.relabel(rename::get);
    if (matrix.study().ratingCount() == 0) {
      return true;
    }
    AgreementReport before = AgreementReport.compute(matrix.study(), NO_BOOTSTRAP);
    AgreementReport after = AgreementReport.compute(relabelled.study(), NO_BOOTSTRAP);
    for (Metric metric : Metric.forReport(false)) {
      assertSameValue(
          after.metrics().get(metric).estimate(), before.metrics().get(metric).estimate(), metric);
    }
    for (int pair = 0; pair < before.pairs().size(); pair++) {
      assertSameValue(
          after.pairs().get(pair).agreement().cohenKappa(),
          before.pairs().get(pair).agreement().cohenKappa(),
          Metric.COHEN_KAPPA);
    }
    return true;
  }

  @Property(tries = 300)
  boolean reorderingRatersChangesNothing(
      @ForAll("matrices") RatingMatrix matrix, @ForAll("permutations") List<Integer> permutation) {
    if (matrix.study().ratingCount() == 0) {
      return true;
    }
    int[] order = restrict(permutation, matrix.raters()).stream().mapToInt(i -> i).toArray();
    AgreementReport before = AgreementReport.compute(matrix.study(), NO_BOOTSTRAP);
    AgreementReport after =
        AgreementReport.compute(matrix.reorderRaters(order).study(), NO_BOOTSTRAP);
    for (Metric metric : Metric.values()) {
      assertSameValue(
          after.metrics().get(metric).estimate(), before.metrics().get(metric).estimate(), metric);
    }
    assertThat(sortedKappas(after)).containsExactlyElementsOf(sortedKappas(before));
    return true;
  }

  @Property(tries = 300)
  boolean perfectAgreementGivesOneWhereDefined(@ForAll("matrices") RatingMatrix matrix) {
    RatingMatrix perfect = unanimous(matrix);
    if (perfect.study().ratingCount() == 0) {
      return true;
    }
    AgreementReport report = AgreementReport.compute(perfect.study(), NO_BOOTSTRAP);
    report
        .metrics()
        .forEach(
            (metric, result) ->
                result
                    .estimate()
                    .optionalValue()
                    .ifPresent(
                        v -> assertThat(v).as(metric.key()).isCloseTo(1.0, within(TOLERANCE))));
    return true;
  }

  @Property(tries = 500)
  boolean coefficientsStayWithinTheirBounds(@ForAll("matrices") RatingMatrix matrix) {
    if (matrix.study().ratingCount() == 0) {
      return true;
    }
    AgreementReport report = AgreementReport.compute(matrix.study(), NO_BOOTSTRAP);
    for (Map.Entry<Metric, MetricResult> entry : report.metrics().entrySet()) {
      entry
          .getValue()
          .estimate()
          .optionalValue()
          .ifPresent(
              v -> {
                assertThat(v).as(entry.getKey().key()).isLessThanOrEqualTo(1.0 + TOLERANCE);
                if (entry.getKey() == Metric.PERCENT_AGREEMENT) {
                  assertThat(v).isGreaterThanOrEqualTo(0.0);
                }
                if (entry.getKey() == Metric.COHEN_KAPPA) {
                  assertThat(v).isGreaterThanOrEqualTo(-1.0 - TOLERANCE);
                }
              });
    }
    for (PairResult pair : report.pairs()) {
      pair.agreement()
          .percentAgreement()
          .optionalValue()
          .ifPresent(v -> assertThat(v).isBetween(0.0, 1.0));
      pair.agreement()
          .cohenKappa()
          .optionalValue()
          .ifPresent(v -> assertThat(v).isBetween(-1.0 - TOLERANCE, 1.0 + TOLERANCE));
    }
    return true;
  }

  @Property(tries = 50)
  boolean theSameSeedGivesTheSameIntervals(
      @ForAll("matrices") RatingMatrix matrix, @ForAll long seed) {
    if (matrix.study().ratingCount() == 0) {
      return true;
    }
    AgreementOptions options = new AgreementOptions(60, seed, true);
    AgreementReport first = AgreementReport.compute(matrix.study(), options);
    AgreementReport second = AgreementReport.compute(matrix.study(), options);
    return first.equals(second);
  }

  @Property(tries = 200)
  boolean theReportAgreesWithEachMeasure(@ForAll("matrices") RatingMatrix matrix) {
    AgreementStudy<Integer> study = matrix.study();
    if (study.ratingCount() == 0) {
      return true;
    }
    Map<Metric, MetricResult> metrics = AgreementReport.compute(study, NO_BOOTSTRAP).metrics();
    assertThat(metrics.get(Metric.PERCENT_AGREEMENT).estimate())
        .isEqualTo(PercentAgreement.compute(study));
    assertThat(metrics.get(Metric.FLEISS_KAPPA).estimate()).isEqualTo(FleissKappa.compute(study));
    assertThat(metrics.get(Metric.KRIPPENDORFF_ALPHA).estimate())
        .isEqualTo(KrippendorffAlpha.nominal(study));
    assertThat(metrics.get(Metric.KRIPPENDORFF_ALPHA_ORDINAL).estimate())
        .isEqualTo(KrippendorffAlpha.ordinal(study));
    assertThat(metrics.get(Metric.LIGHT_KAPPA).estimate()).isEqualTo(LightKappa.compute(study));
    assertThat(metrics.get(Metric.CONGER_KAPPA).estimate()).isEqualTo(CongerKappa.compute(study));
    assertThat(metrics.get(Metric.GWET_AC1).estimate()).isEqualTo(GwetAc1.compute(study));
    assertThat(metrics.get(Metric.BENNETT_S).estimate()).isEqualTo(BennettS.compute(study));
    if (study.raterCount() == 2) {
      assertThat(metrics.get(Metric.COHEN_KAPPA).estimate()).isEqualTo(CohenKappa.compute(study));
      assertThat(metrics.get(Metric.SCOTT_PI).estimate()).isEqualTo(ScottPi.compute(study));
    }
    return true;
  }

  private static void assertSameValue(Coefficient actual, Coefficient expected, Metric metric) {
    assertThat(actual.isDefined()).as(metric.key() + " defined").isEqualTo(expected.isDefined());
    if (expected.isDefined()) {
      assertThat(actual.value()).as(metric.key()).isCloseTo(expected.value(), within(TOLERANCE));
    }
  }

  private static List<Double> sortedKappas(AgreementReport report) {
    List<Double> kappas = new ArrayList<>();
    for (PairResult pair : report.pairs()) {
      kappas.add(pair.agreement().cohenKappa().optionalValue().orElse(Double.MAX_VALUE));
    }
    kappas.sort(null);
    List<Double> rounded = new ArrayList<>();
    for (double kappa : kappas) {
      rounded.add(Math.rint(kappa * 1e9) / 1e9);
    }
    return rounded;
  }

  /** The permutation of 0..n−1 that {@code permutation} (of 0..4) induces. */
  private static List<Integer> restrict(List<Integer> permutation, int n) {
    List<Integer> restricted = new ArrayList<>();
    for (int value : permutation) {
      if (value < n) {
        restricted.add(value);
      }
    }
    return restricted;
  }

  private static RatingMatrix unanimous(RatingMatrix matrix) {
    Integer[][] ratings = new Integer[matrix.items()][matrix.raters()];
    for (int i = 0; i < matrix.items(); i++) {
      for (int r = 0; r < matrix.raters(); r++) {
        ratings[i][r] = matrix.ratings[i][r] == null ? null : i % matrix.categories;
      }
    }
    return new RatingMatrix(ratings, matrix.categories);
  }

  private static RatingMatrix matrix(List<Integer> cells, int items, int raters, int categories) {
    Integer[][] ratings = new Integer[items][raters];
    for (int i = 0; i < items; i++) {
      for (int r = 0; r < raters; r++) {
        int cell = cells.get(i * raters + r);
        ratings[i][r] = cell < 0 ? null : cell;
      }
    }
    return new RatingMatrix(ratings, categories);
  }
}
