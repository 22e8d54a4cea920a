package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small studies with missing ratings, computed by hand (fractions in the comments). */
class MissingRatingsTest {
  private static final double EXACT = 1e-12;

  /**
   * Three raters, four items: item 1 rated by all, items 2 and 3 by two, item 4 by one.
   *
   * <pre>
   *   item1: x x x    item2: x y -    item3: y - y    item4: x - -
   * </pre>
   */
  private final AgreementStudy<String> three = Studies.of("x x x", "x y -", "y - y", "x - -");

  @Test
  void percentAgreementIsTheMeanOverPairableItemsOnly() {
    // P_1 = 1, P_2 = 0, P_3 = 1; item 4 has one rating and is left out: P̄ = 2/3
    assertThat(PercentAgreement.compute(three).value()).isCloseTo(2.0 / 3, within(EXACT));
    assertThat(three.pairableItemCount()).isEqualTo(3);
    assertThat(three.ratedItemCount()).isEqualTo(4);
    assertThat(three.missingRatingCount()).isEqualTo(4);
  }

  @Test
  void fleissTakesCategorySharesOverEveryRatedItem() {
    // π_x = (1 + 1/2 + 0 + 1) / 4 = 5/8, π_y = 3/8, p_e = 34/64 = 17/32
    // κ = (2/3 − 17/32) / (15/32) = 13/45
    assertThat(FleissKappa.compute(three).value()).isCloseTo(13.0 / 45, within(EXACT));
  }

  @Test
  void gwetAndBennettUseTheSameObservedAgreement() {
    // AC1: p_e = 2 (5/8)(3/8) / 1 = 15/32, (2/3 − 15/32) / (17/32) = 19/51
    assertThat(GwetAc1.compute(three).value()).isCloseTo(19.0 / 51, within(EXACT));
    // S = (2/3 − 1/2) / (1/2) = 1/3
    assertThat(BennettS.compute(three).value()).isCloseTo(1.0 / 3, within(EXACT));
  }

  @Test
  void krippendorffWeightsEachItemByOneOverItsRatingsLessOne() {
    // o_xx = 3·2/2 = 3 (item 1), o_xy = o_yx = 1 (item 2), o_yy = 2 (item 3)
    // n_x = 4, n_y = 3, n = 7; A_o = 5/7, A_e = (12 + 6) / 42 = 3/7; α = (2/7) / (4/7) = 1/2
    assertThat(KrippendorffAlpha.nominal(three).value()).isCloseTo(0.5, within(EXACT));
  }

  @Test
  void pairsUseTheItemsBothRaters() {
    List<RaterPairAgreement> pairs = PairwiseAgreement.compute(three);
    assertThat(pairs).extracting(RaterPairAgreement::first).containsExactly("A", "A", "B");
    assertThat(pairs).extracting(RaterPairAgreement::second).containsExactly("B", "C", "C");
    assertThat(pairs).extracting(RaterPairAgreement::items).containsExactly(2L, 2L, 1L);
    // A–B on items 1, 2: p_o = 1/2, p_e = (2·1 + 0·1)/4 = 1/2, κ = 0
    assertThat(pairs.get(0).percentAgreement().value()).isCloseTo(0.5, within(EXACT));
    assertThat(pairs.get(0).cohenKappa().value()).isCloseTo(0.0, within(EXACT));
    // A–C on items 1, 3: p_o = 1, p_e = 1/2, κ = 1
    assertThat(pairs.get(1).cohenKappa().value()).isCloseTo(1.0, within(EXACT));
    // B–C on item 1 only, both 'x': κ = 0/0
    assertThat(pairs.get(2).percentAgreement().value()).isEqualTo(1.0);
    assertThat(pairs.get(2).cohenKappa().isDefined()).isFalse();
    assertThat(pairs.get(2).cohenKappa().reason().orElseThrow()).contains("'B'", "'C'", "'x'");
  }

  @Test
  void lightIsUndefinedWhenOnePairIsAndSaysWhichPair() {
    Coefficient light = LightKappa.compute(three);
    assertThat(light.isDefined()).isFalse();
    assertThat(light.reason().orElseThrow()).contains("'B' and 'C'");
  }

  @Test
  void congerTakesEachRatersSharesOverEverythingThatRaterRated() {
    // p_A = (x 3/4, y 1/4), p_B = (x 1/2, y 1/2), p_C = (x 1/2, y 1/2)
    // x: mean 7/12, sample variance ((1/6)² + 2 (1/12)²) / 2 = 1/48; y: mean 5/12, variance 1/48
    // p_e = (49 + 25)/144 − 2 (1/48)/3 = 37/72 − 1/72 = 1/2; κ = (2/3 − 1/2) / (1/2) = 1/3
    // (the mean of the pairs' chance terms on their common items, 2/3, would give κ = 0)
    assertThat(CongerKappa.compute(three).value()).isCloseTo(1.0 / 3, within(EXACT));
  }

  /**
   * Two raters, five items, two of them rated by one rater only.
   *
   * <pre>
   *   x x,  x y,  y y,  y -,  - x
   * </pre>
   */
  private final AgreementStudy<String> two = Studies.of("x x", "x y", "y y", "y -", "- x");

  @Test
  void cohenAndScottUseTheItemsBothRated() {
    // both rated: items 1–3; p_o = 2/3; A: x 2, y 1; B: x 1, y 2; p_e = (2 + 2)/9 = 4/9
    // κ = (2/3 − 4/9) / (5/9) = 2/5
    assertThat(CohenKappa.compute(two).value()).isCloseTo(0.4, within(EXACT));
    // pooled: x 3/6, y 3/6, p_e = 1/2, π = (2/3 − 1/2) / (1/2) = 1/3
    assertThat(ScottPi.compute(two).value()).isCloseTo(1.0 / 3, within(EXACT));
    // Conger takes each rater's shares over all the items that rater rated: A x 2/4, y 2/4;
    // B x 2/4, y 2/4; p_e = 1/2, κ = (2/3 − 1/2) / (1/2) = 1/3, not Cohen's 2/5
    assertThat(CongerKappa.compute(two).value()).isCloseTo(1.0 / 3, within(EXACT));
    assertThat(LightKappa.compute(two).value()).isCloseTo(0.4, within(EXACT));
  }

  @Test
  void fleissAndAlphaWithTwoRatersAndMissingRatings() {
    // π_x = (1 + 1/2 + 0 + 0 + 1) / 5 = 1/2, p_e = 1/2, κ = (2/3 − 1/2) / (1/2) = 1/3
    assertThat(FleissKappa.compute(two).value()).isCloseTo(1.0 / 3, within(EXACT));
    // n_x = n_y = 3, n = 6, Σ o_cc = 4; A_o = 2/3, A_e = 12/30; α = (4/15) / (3/5) = 4/9
    assertThat(KrippendorffAlpha.nominal(two).value()).isCloseTo(4.0 / 9, within(EXACT));
  }

  @Test
  void confusionMatrixCountsTheItemsBothRated() {
    ConfusionMatrix matrix = ConfusionMatrix.of(two, "A", "B");
    assertThat(matrix.categories()).containsExactly("x", "y");
    assertThat(matrix.items()).isEqualTo(3);
    assertThat(matrix.count(0, 0)).isEqualTo(1);
    assertThat(matrix.count(0, 1)).isEqualTo(1);
    assertThat(matrix.count(1, 0)).isZero();
    assertThat(matrix.count(1, 1)).isEqualTo(1);
    assertThat(PairwiseAgreement.compute(two).get(0).confusion()).isEqualTo(matrix);
  }

  @Test
  void anItemWithoutAnyRatingChangesNothing() {
    AgreementStudy<String> withEmpty = Studies.of("x x", "x y", "y y", "y -", "- x", "- -");
    assertThat(withEmpty.itemCount()).isEqualTo(6);
    assertThat(withEmpty.ratedItemCount()).isEqualTo(5);
    AgreementReport before = AgreementReport.compute(two, new AgreementOptions(200, 3, false));
    AgreementReport after = AgreementReport.compute(withEmpty, new AgreementOptions(200, 3, false));
    assertThat(after.metrics()).isEqualTo(before.metrics());
  }
}
