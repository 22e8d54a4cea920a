package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.stream.LongStream;
import org.dkpro.statistics.agreement.IAnnotationStudy;
import org.dkpro.statistics.agreement.coding.BennettSAgreement;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.HubertKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.coding.PercentageAgreement;
import org.dkpro.statistics.agreement.coding.RandolphKappaAgreement;
import org.dkpro.statistics.agreement.coding.ScottPiAgreement;
import org.dkpro.statistics.agreement.coding.WeightedKappaAgreement;
import org.dkpro.statistics.agreement.distance.IDistanceFunction;
import org.dkpro.statistics.agreement.distance.IntervalDistanceFunction;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.distance.OrdinalDistanceFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests against DKPro Statistics 2.1.0 on random seeded studies, for every measure
 * where DKPro uses the same definition as docs/agreement.md ("The coefficients").
 *
 * <p>Where the definitions differ we do not compare:
 *
 * <ul>
 *   <li>Percent agreement with missing ratings: DKPro weights each item's P_i by its number of
 *       ratings n_i (Σ_i n_i P_i / Σ_i n_i); we take the plain mean over pairable items. Equal for
 *       complete data, which is compared.
 *   <li>Cohen's kappa, Scott's pi and Fleiss/Hubert/Randolph with missing ratings: DKPro counts
 *       each rater's marginals over every item the rater rated and divides by all items; we use the
 *       items both raters rated (Cohen, Scott) or Gwet's generalisation (Fleiss). Cohen is compared
 *       with DKPro on the complete cases (the items both rated), which is our definition.
 *   <li>Ordinal α with missing ratings: DKPro's ordinal distance takes the category totals of all
 *       ratings, Krippendorff's takes those of the pairable values; compared when every item is
 *       pairable, where the two coincide.
 *   <li>0/0 in DKPro's disagreement measures (α, weighted kappa): DKPro returns 0 when D_o = D_e,
 *       including D_o = D_e = 0 (every rating in one category); we report undefined. Accepted as
 *       the same outcome by {@link #assertSameDisagreement}.
 *   <li>Gwet's AC1 and the MASI distance: DKPro 2.1.0 has no AC1, and its MASI distance is (1 − J)
 *       times a weight, not NLTK's 1 − J·M (see the set-valued tests).
 * </ul>
 *
 * Two quirks of DKPro 2.1.0 are worked around, not compared: its weighted kappa divides observed
 * and expected disagreement by different maxima (the largest distance observed vs. possible), so
 * distances are passed normalised to [0, 1], where both maxima are 1 and κ_w is unchanged (it is
 * scale-free); and measures built on per-rater category counts (Cohen, Hubert, weighted kappa) fail
 * with a NullPointerException on a declared category nobody used, so those get a DKPro study of the
 * categories seen (which does not change them; Bennett's S, which depends on q, gets every declared
 * category).
 */
class DkproDifferentialTest {
  private static final double TOLERANCE = 1e-9;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100);
  }

  /** Complete data: 2 to 6 raters, 2 to 6 categories, 2 to 80 items. */
  private static RatingMatrix complete(long seed) {
    Random shape = new Random(seed * 7919);
    return RatingMatrix.random(
        seed, 2 + shape.nextInt(79), 2 + shape.nextInt(5), 2 + shape.nextInt(5), 0.0, false);
  }

  /** Two raters, complete data. */
  private static RatingMatrix twoRaters(long seed) {
    Random shape = new Random(seed * 104729);
    return RatingMatrix.random(seed, 2 + shape.nextInt(79), 2, 2 + shape.nextInt(5), 0.0, false);
  }

  /** Missing ratings: up to 40% of cells, items with a single rating or none included. */
  private static RatingMatrix missing(long seed, boolean pairable) {
    Random shape = new Random(seed * 15485863);
    return RatingMatrix.random(
        seed,
        2 + shape.nextInt(79),
        2 + shape.nextInt(5),
        2 + shape.nextInt(5),
        0.4 * shape.nextDouble(),
        pairable);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void multiRaterMeasuresAgreeOnCompleteData(long seed) {
    RatingMatrix matrix = complete(seed);
    AgreementStudy<Integer> study = matrix.study();
    CodingAnnotationStudy dkpro = dkpro(matrix, true);
    CodingAnnotationStudy seen = dkpro(matrix, false);
    assertSame(
        PercentAgreement.compute(study), () -> new PercentageAgreement(dkpro).calculateAgreement());
    assertSame(
        FleissKappa.compute(study), () -> new FleissKappaAgreement(dkpro).calculateAgreement());
    assertSame(
        CongerKappa.compute(study), () -> new HubertKappaAgreement(seen).calculateAgreement());
    assertSame(
        BennettS.compute(study), () -> new RandolphKappaAgreement(dkpro).calculateAgreement());
    assertSameDisagreement(
        KrippendorffAlpha.nominal(study), () -> alpha(dkpro, new NominalDistanceFunction()));
    assertSameDisagreement(
        KrippendorffAlpha.ordinal(study), () -> alpha(dkpro, new OrdinalDistanceFunction()));
    assertSameDisagreement(
        KrippendorffAlpha.interval(study, Integer::doubleValue),
        () -> alpha(dkpro, new IntervalDistanceFunction()));
    assertSame(LightKappa.compute(study), () -> dkproLight(seen));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void twoRaterMeasuresAgreeOnCompleteData(long seed) {
    RatingMatrix matrix = twoRaters(seed);
    AgreementStudy<Integer> study = matrix.study();
    CodingAnnotationStudy dkpro = dkpro(matrix, true);
    CodingAnnotationStudy seen = dkpro(matrix, false);
    double scale = matrix.categories - 1;
    IDistanceFunction linear =
        (IAnnotationStudy s, Object a, Object b) -> Math.abs((Integer) a - (Integer) b) / scale;
    IDistanceFunction quadratic =
        (IAnnotationStudy s, Object a, Object b) ->
            Math.pow(((Integer) a - (Integer) b) / scale, 2);
    assertSame(CohenKappa.compute(study), () -> new CohenKappaAgreement(seen).calculateAgreement());
    assertSame(ScottPi.compute(study), () -> new ScottPiAgreement(seen).calculateAgreement());
    assertSame(BennettS.compute(study), () -> new BennettSAgreement(dkpro).calculateAgreement());
    assertSameDisagreement(
        WeightedKappa.compute(study, WeightedKappa.Weights.LINEAR),
        () -> new WeightedKappaAgreement(seen, linear).calculateAgreement());
    assertSameDisagreement(
        WeightedKappa.compute(study, WeightedKappa.Weights.QUADRATIC),
        () -> new WeightedKappaAgreement(seen, quadratic).calculateAgreement());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void krippendorffAlphaAgreesWithMissingRatings(long seed) {
    RatingMatrix matrix = missing(seed, false);
    if (matrix.study().pairableItemCount() == 0) {
      return;
    }
    assertSameDisagreement(
        KrippendorffAlpha.nominal(matrix.study()),
        () -> alpha(dkpro(matrix, true), new NominalDistanceFunction()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void ordinalAndIntervalAlphaAgreeWithMissingRatingsWhenEveryItemIsPairable(long seed) {
    RatingMatrix matrix = missing(seed, true);
    AgreementStudy<Integer> study = matrix.study();
    CodingAnnotationStudy dkpro = dkpro(matrix, true);
    assertSameDisagreement(
        KrippendorffAlpha.nominal(study), () -> alpha(dkpro, new NominalDistanceFunction()));
    assertSameDisagreement(
        KrippendorffAlpha.ordinal(study), () -> alpha(dkpro, new OrdinalDistanceFunction()));
    assertSameDisagreement(
        KrippendorffAlpha.interval(study, Integer::doubleValue),
        () -> alpha(dkpro, new IntervalDistanceFunction()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pairwiseCohenWithMissingRatingsIsDkproOnTheItemsBothRated(long seed) {
    RatingMatrix matrix = missing(seed, false);
    AgreementStudy<Integer> study = matrix.study();
    var pairs = PairwiseAgreement.compute(study);
    int index = 0;
    for (int a = 0; a < matrix.raters(); a++) {
      for (int b = a + 1; b < matrix.raters(); b++) {
        RaterPairAgreement pair = pairs.get(index++);
        RatingMatrix common = matrix.completeCases(a, b);
        assertThat(pair.items()).isEqualTo(common.items());
        if (common.items() == 0) {
          assertThat(pair.cohenKappa().isDefined()).isFalse();
          continue;
        }
        CodingAnnotationStudy dkpro = dkpro(common, false);
        assertSame(pair.cohenKappa(), () -> new CohenKappaAgreement(dkpro).calculateAgreement());
        CodingAnnotationStudy declared = dkpro(common, true);
        assertSame(
            pair.percentAgreement(), () -> new PercentageAgreement(declared).calculateAgreement());
        if (matrix.raters() == 2) {
          assertSame(
              CohenKappa.compute(study), () -> new CohenKappaAgreement(dkpro).calculateAgreement());
          assertSame(
              ScottPi.compute(study), () -> new ScottPiAgreement(dkpro).calculateAgreement());
        }
      }
    }
  }

  private static CodingAnnotationStudy dkpro(RatingMatrix matrix, boolean declareCategories) {
    CodingAnnotationStudy study = new CodingAnnotationStudy(matrix.raters());
    for (int k = 0; declareCategories && k < matrix.categories; k++) {
      study.addCategory(k);
    }
    for (Integer[] row : matrix.ratings) {
      study.addItemAsArray(row.clone());
    }
    return study;
  }

  private static double alpha(CodingAnnotationStudy study, IDistanceFunction distance) {
    return new KrippendorffAlphaAgreement(study, distance).calculateAgreement();
  }

  private static double dkproLight(CodingAnnotationStudy study) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < study.getRaterCount(); a++) {
      for (int b = a + 1; b < study.getRaterCount(); b++) {
        sum += new CohenKappaAgreement(study.extractRaters(a, b)).calculateAgreement();
        pairs++;
      }
    }
    return sum / pairs;
  }

  /** As {@link #assertSame}, where DKPro reports 0/0 as 0. */
  private static void assertSameDisagreement(Coefficient ours, DoubleSupplier dkpro) {
    if (!ours.isDefined()) {
      double theirs = dkpro.getAsDouble();
      assertThat(theirs == 0.0 || !Double.isFinite(theirs))
          .as("we report %s but DKPro gives %s", ours, theirs)
          .isTrue();
      return;
    }
    assertSame(ours, dkpro);
  }

  /** Our value equals DKPro's; where ours is undefined DKPro's must be NaN or fail. */
  private static void assertSame(Coefficient ours, DoubleSupplier dkpro) {
    double theirs;
    try {
      theirs = dkpro.getAsDouble();
    } catch (RuntimeException e) {
      assertThat(ours.isDefined()).as("DKPro failed (%s) but we report %s", e, ours).isFalse();
      return;
    }
    if (ours.isDefined()) {
      assertThat(ours.value()).isCloseTo(theirs, within(TOLERANCE));
    } else {
      assertThat(Double.isFinite(theirs))
          .as("we report %s but DKPro gives %s", ours, theirs)
          .isFalse();
    }
  }
}
