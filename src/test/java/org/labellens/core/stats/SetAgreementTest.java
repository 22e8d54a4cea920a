package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.SetAnnotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Set-valued ratings: exact match, mean Jaccard, α with MASI, and per-label studies. */
class SetAgreementTest {
  private static final double EXACT = 1e-12;

  /**
   * Three raters, labels a, b, c.
   *
   * <pre>
   *   item1: {a}   {a}  {a,b}
   *   item2: {}    {}   -
   *   item3: {a,b} {c}  {b}
   *   item4: {c}   -    -        (not pairable)
   * </pre>
   */
  private final SetAgreementStudy<String> study =
      SetAgreementStudy.<String>builder()
          .labels(List.of("a", "b", "c"))
          .rate("1", "A", Set.of("a"))
          .rate("1", "B", Set.of("a"))
          .rate("1", "C", Set.of("a", "b"))
          .rate("2", "A", Set.of())
          .rate("2", "B", Set.of())
          .rate("3", "A", Set.of("a", "b"))
          .rate("3", "B", Set.of("c"))
          .rate("3", "C", Set.of("b"))
          .rate("4", "A", Set.of("c"))
          .build();

  @Test
  void masiUsesExactThirds() {
    assertThat(MasiDistance.between(Set.of("a"), Set.of("a"))).isZero();
    assertThat(MasiDistance.between(Set.of(), Set.of())).isZero();
    assertThat(MasiDistance.between(Set.of(), Set.of("a"))).isEqualTo(1.0);
    // subset: J = 1/2, M = 2/3
    assertThat(MasiDistance.between(Set.of("a"), Set.of("a", "b"))).isEqualTo(1.0 - 1.0 / 3);
    // overlap: J = 1/3, M = 1/3
    assertThat(MasiDistance.between(Set.of("a", "b"), Set.of("b", "c"))).isEqualTo(1.0 - 1.0 / 9);
    assertThat(MasiDistance.between(Set.of("a"), Set.of("b"))).isEqualTo(1.0);
  }

  @Test
  void exactMatchIsTheMeanShareOfIdenticalPairs() {
    // item1: 1 of 3 pairs, item2: 1 of 1, item3: 0 of 3 → (1/3 + 1 + 0) / 3 = 4/9
    assertThat(ExactMatch.compute(study).value()).isCloseTo(4.0 / 9, within(EXACT));
  }

  @Test
  void meanJaccardCountsTwoEmptySetsAsOne() {
    // item1: (1 + 1/2 + 1/2)/3 = 2/3, item2: 1, item3: (0 + 1/2 + 0)/3 = 1/6 → 11/18
    assertThat(MeanJaccard.compute(study).value()).isCloseTo(11.0 / 18, within(EXACT));
  }

  @Test
  void alphaMasiIsComputedFromTheCoincidencesOfSets() {
    // D_o = (4/3 + 0 + 8/3) / 8 = 1/2; D_e = 46/56; α = 1 − (1/2)(56/46) = 9/23
    assertThat(KrippendorffAlpha.masi(study).value()).isCloseTo(9.0 / 23, within(EXACT));
  }

  @Test
  void perLabelStudiesAreBinaryWithMissingKept() {
    AgreementStudy<Integer> a = study.perLabel("a");
    assertThat(a.categories()).containsExactly(0, 1);
    assertThat(a.ratingCount()).isEqualTo(study.ratingCount());
    assertThat(a.rating(1, 2)).isEmpty();
    assertThat(a.rating(2, 0)).contains(1);
    // P_1 = 1, P_2 = 1, P_3 = 2/6 → P̄ = 7/9
    assertThat(PercentAgreement.compute(a).value()).isCloseTo(7.0 / 9, within(EXACT));
  }

  @Test
  void theReportHasWholeSetMetricsAndEveryLabel() {
    SetAgreementReport report =
        SetAgreementReport.compute(study, new AgreementOptions(200, 1, false));
    assertThat(report.perLabel().keySet()).containsExactly("a", "b", "c");
    assertThat(report.metrics().get(SetMetric.KRIPPENDORFF_ALPHA_MASI).estimate().value())
        .isCloseTo(9.0 / 23, within(EXACT));
    assertThat(report.metrics().get(SetMetric.EXACT_MATCH).bootstrap().orElseThrow().replicates())
        .isEqualTo(200);
    assertThat(report.pairableItems()).isEqualTo(3);
    assertThat(report.ratings()).isEqualTo(9);
    assertThat(
            report.perLabel().get("a").metrics().get(Metric.PERCENT_AGREEMENT).estimate().value())
        .isCloseTo(7.0 / 9, within(EXACT));
    assertThat(SetAgreementReport.compute(study, new AgreementOptions(200, 1, false)))
        .isEqualTo(report);
  }

  @Test
  void identicalSetsEverywhereLeaveAlphaUndefined() {
    SetAgreementStudy<String> same =
        SetAgreementStudy.<String>builder()
            .rate("1", "A", Set.of("a"))
            .rate("1", "B", Set.of("a"))
            .rate("2", "A", Set.of("a"))
            .rate("2", "B", Set.of("a"))
            .build();
    assertThat(ExactMatch.compute(same).value()).isEqualTo(1.0);
    assertThat(MeanJaccard.compute(same).value()).isEqualTo(1.0);
    assertThat(KrippendorffAlpha.masi(same).reason().orElseThrow()).contains("same set");
  }

  @Test
  void aSingleRaterIsRejected() {
    SetAgreementStudy<String> single =
        SetAgreementStudy.<String>builder().rate("1", "A", Set.of("a")).build();
    assertThatThrownBy(() -> ExactMatch.compute(single))
        .isInstanceOf(InsufficientDataException.class);
    assertThatThrownBy(() -> SetAgreementReport.compute(single, AgreementOptions.defaults()))
        .isInstanceOf(InsufficientDataException.class);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100);
  }

  /**
   * DKPro's α machinery with NLTK's MASI definition (exact thirds) as its distance: the same α.
   * DKPro's own MASISetAnnotationDistanceFunction is (1 − J) times a weight and is not compared.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void alphaMasiAgreesWithDkproUsingTheSameDistance(long seed) {
    Random random = new Random(seed);
    int items = 2 + random.nextInt(40);
    int raters = 2 + random.nextInt(4);
    List<String> labels = List.of("a", "b", "c", "d");
    SetAgreementStudy.Builder<String> ours = SetAgreementStudy.<String>builder().labels(labels);
    CodingAnnotationStudy dkpro = new CodingAnnotationStudy(raters);
    for (int i = 0; i < items; i++) {
      Object[] row = new Object[raters];
      for (int r = 0; r < raters; r++) {
        if (random.nextDouble() < 0.2) {
          ours.rate("i" + i, "r" + r, null);
          continue;
        }
        SetAnnotation set = new SetAnnotation();
        for (String label : labels) {
          if (random.nextDouble() < 0.35) {
            set.add(label);
          }
        }
        ours.rate("i" + i, "r" + r, List.copyOf(set.stream().map(String::valueOf).toList()));
        row[r] = set;
      }
      dkpro.addItemAsArray(row);
    }
    SetAgreementStudy<String> study = ours.build();
    if (study.pairableItemCount() == 0) {
      return;
    }
    Coefficient alpha = KrippendorffAlpha.masi(study);
    double theirs =
        new KrippendorffAlphaAgreement(
                dkpro, (s, first, second) -> MasiDistance.between((Set<?>) first, (Set<?>) second))
            .calculateAgreement();
    if (alpha.isDefined()) {
      assertThat(alpha.value()).isCloseTo(theirs, within(1e-9));
    } else {
      assertThat(theirs == 0.0 || Double.isNaN(theirs)).isTrue();
    }
  }
}
