package org.labellens.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.StratumKey;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.LabelValidation;
import org.labellens.core.stats.MetricResult;
import org.labellens.core.stats.UnresolvedBounds;

/**
 * Gold per (item, label) on a crafted sample whose every figure is worked out by hand below (exact
 * fractions), as docs/validation.md defines them.
 *
 * <p>Two strata: h1 (N = 100, n = 4: i1..i4, framework vLLM) and h2 (N = 60, n = 2: i5, i6,
 * framework SGLang). Labels crash and api, with {@code other} for the empty set.
 *
 * <pre>
 * item  predicted  annotators              crash  api     other
 * i1    {crash}    {api}, {}               out    tie     unresolved (no label in, api tied)
 * i2    {crash}    {crash}                 in     out     out
 * i3    {api}      {api}                   out    in      out
 * i4    {}         {}                      out    out     in
 * i5    {crash}    {crash}, {crash, api}   in     tie     out (crash is in)
 * i6    {api}      {crash}                 in     out     out
 * </pre>
 *
 * i1 is the miniature of an item the classifier called crash that every annotator said was not a
 * crash, but whose annotators tie on another label: under a whole-item rule it is dropped, and the
 * crash precision of h1 is computed without its false positive.
 */
class PerLabelGoldTest {
  private static final SchemeDimension CATEGORY =
      new SchemeDimension("category", ValueKind.SET, List.of("crash", "api"));
  private static final SchemeDimension PRIMARY =
      new SchemeDimension("primary", ValueKind.SINGLE, List.of("crash", "api"));
  private static final StratumKey H1 = new StratumKey(List.of("s"), List.of("h1"));
  private static final StratumKey H2 = new StratumKey(List.of("s"), List.of("h2"));
  private static final List<SampleDraw.Stratum> STRATA =
      List.of(new SampleDraw.Stratum(H1, 100, 4), new SampleDraw.Stratum(H2, 60, 2));
  private static final double EXACT = 1e-12;

  private static DecisionValue set(String... labels) {
    return DecisionValue.set(List.of(labels));
  }

  private static DimensionValidation.Item item(
      int number,
      StratumKey h,
      DecisionValue predicted,
      DecisionValue adjudicated,
      DecisionValue... annotators) {
    return new DimensionValidation.Item(
        new IssueKey("o/r", number),
        h,
        h == H1 ? "vLLM" : "SGLang",
        predicted,
        adjudicated,
        List.of(annotators));
  }

  private static List<DimensionValidation.Item> sample(DecisionValue i1, DecisionValue i5) {
    return List.of(
        item(1, H1, set("crash"), i1, set("api"), set()),
        item(2, H1, set("crash"), null, set("crash")),
        item(3, H1, set("api"), null, set("api")),
        item(4, H1, set(), null, set()),
        item(5, H2, set("crash"), i5, set("crash"), set("crash", "api")),
        item(6, H2, set("api"), null, set("crash")));
  }

  private static ClassifierValidation figures(List<DimensionValidation.Item> items) {
    return DimensionValidation.compute(CATEGORY, "other", STRATA, items, 0, 1).figures();
  }

  private static double value(MetricResult m) {
    return m.estimate().value();
  }

  private static void assertBounds(UnresolvedBounds b, int items, double low, double high) {
    assertThat(b.items()).isEqualTo(items);
    assertThat(b.low().value()).isCloseTo(low, within(EXACT));
    assertThat(b.high().value()).isCloseTo(high, within(EXACT));
  }

  @Test
  void aTieOnOneLabelLeavesTheItemsOtherLabelsResolved() {
    Gold i1 = GoldRule.derive(CATEGORY, null, List.of(set("api"), set()));
    assertThat(i1.isUnresolved()).isTrue();
    assertThat(i1.has("crash")).isFalse();
    assertThat(i1.has("api")).isNull();
    assertThat(i1.isEmptySet()).isNull();
    Gold i5 = GoldRule.derive(CATEGORY, null, List.of(set("crash"), set("crash", "api")));
    assertThat(i5.has("crash")).isTrue();
    assertThat(i5.has("api")).isNull();
    assertThat(i5.isEmptySet()).isFalse();
    assertThat(DimensionValidation.goldOn(i5, "other", "other")).isFalse();
  }

  @Test
  void crashUsesEveryItemAndCountsTheFalsePositiveTheAnnotatorsAgreedOn() {
    // crash is resolved on all six items: w = 100/4 = 25 in h1, 60/2 = 30 in h2
    LabelValidation crash = figures(sample(null, null)).label("crash").orElseThrow();
    assertThat(crash.judged()).isEqualTo(6);
    // predicted crash: i1 (out), i2 (in), i5 (in): (25 + 30) / (25 + 25 + 30) = 11/16
    assertThat(value(crash.precision())).isCloseTo(11.0 / 16, within(EXACT));
    // gold crash: i2, i5, i6: 55 / 85 = 11/17
    assertThat(value(crash.recall())).isCloseTo(11.0 / 17, within(EXACT));
    // F1 = 2 * 55 / (80 + 85) = 2/3
    assertThat(value(crash.f1())).isCloseTo(2.0 / 3, within(EXACT));
    // share 85 / 160 = 17/32
    assertThat(value(crash.estimatedShare())).isCloseTo(17.0 / 32, within(EXACT));
    assertThat(crash.precisionBounds().any()).isFalse();
    assertThat(crash.shareBounds().any()).isFalse();
    // the whole-item rule drops i1 and i5 (both tie on api): h1 keeps i2..i4 (w 100/3), h2 keeps
    // i6 (w 60), and the only crash prediction left is right: it would say precision 1
  }

  @Test
  void apiUsesOnlyItsResolvedItemsWithTheirOwnWeightsAndIsBoundedByTheTies() {
    // api is resolved on i2, i3, i4 (h1: w = 100/3) and i6 (h2: w = 60)
    LabelValidation api = figures(sample(null, null)).label("api").orElseThrow();
    assertThat(api.judged()).isEqualTo(4);
    // predicted api: i3 (in), i6 (out): (100/3) / (100/3 + 60) = 5/14
    assertThat(value(api.precision())).isCloseTo(5.0 / 14, within(EXACT));
    assertThat(value(api.recall())).isCloseTo(1.0, within(EXACT));
    // F1 = 2 (100/3) / (280/3 + 100/3) = 10/19
    assertThat(value(api.f1())).isCloseTo(10.0 / 19, within(EXACT));
    // share (100/3) / 160 = 5/24
    assertThat(value(api.estimatedShare())).isCloseTo(5.0 / 24, within(EXACT));
    // bounds: all six items, w' = 25 (h1) and 30 (h2); i1 and i5 are unresolved, neither
    // predicted api, so the precision has none
    assertThat(api.precisionBounds().any()).isFalse();
    // recall low counts i1, i5 in (they were not predicted api): 25 / (25 + 25 + 30) = 5/16;
    // high counts them out: 25 / 25 = 1
    assertBounds(api.recallBounds(), 2, 5.0 / 16, 1.0);
    // F1 low 2*25 / (55 + 80) = 10/27, high 2*25 / (55 + 25) = 5/8
    assertBounds(api.f1Bounds(), 2, 10.0 / 27, 5.0 / 8);
    // share low 25/160 = 5/32, high (25 + 25 + 30)/160 = 1/2
    assertBounds(api.shareBounds(), 2, 5.0 / 32, 1.0 / 2);
  }

  @Test
  void otherIsResolvedOutAsSoonAsOneLabelIsIn() {
    // other: i1 unresolved; i5 out (crash is in); h1: i2, i3, i4 (w 100/3), h2: i5, i6 (w 30)
    LabelValidation other = figures(sample(null, null)).label("other").orElseThrow();
    assertThat(other.judged()).isEqualTo(5);
    assertThat(value(other.precision())).isCloseTo(1.0, within(EXACT));
    assertThat(value(other.estimatedShare())).isCloseTo((100.0 / 3) / 160, within(EXACT));
    assertBounds(other.shareBounds(), 1, 25.0 / 160, 50.0 / 160);
    assertBounds(other.recallBounds(), 1, 25.0 / 50, 1.0);
  }

  @Test
  void frameworkSharesHaveTheirOwnBounds() {
    ClassifierValidation f = figures(sample(null, null));
    var sglang =
        f.domains().stream().filter(d -> d.domain().equals("SGLang")).findFirst().orElseThrow();
    // api in SGLang: only i6 is resolved (out): 0; i5 could be in: bounds [0, 30/60]
    assertThat(value(sglang.estimatedShare().get("api"))).isCloseTo(0.0, within(EXACT));
    assertBounds(sglang.shareBounds().get("api"), 1, 0.0, 0.5);
    assertThat(value(sglang.estimatedShare().get("crash"))).isCloseTo(1.0, within(EXACT));
    assertThat(sglang.shareBounds().get("crash").any()).isFalse();
  }

  @Test
  void adjudicatingTheTiesOneWayGivesThatBoundAndRemovesTheBounds() {
    LabelValidation before = figures(sample(null, null)).label("api").orElseThrow();
    // the lead puts api into both tied items: the share is the old high bound, recall the low
    LabelValidation after =
        figures(sample(set("api"), set("crash", "api"))).label("api").orElseThrow();
    assertThat(value(after.estimatedShare()))
        .isCloseTo(before.shareBounds().high().value(), within(EXACT));
    assertThat(value(after.recall())).isCloseTo(before.recallBounds().low().value(), within(EXACT));
    assertThat(after.shareBounds().any()).isFalse();
    assertThat(after.recallBounds().any()).isFalse();
    assertThat(after.judged()).isEqualTo(6);
  }

  @Test
  void aSingleValuedDimensionWithoutAMajorityIsUnresolvedOnEveryLabel() {
    List<DimensionValidation.Item> items = new ArrayList<>();
    items.add(item(1, H1, DecisionValue.single("crash"), null, single("crash"), single("api")));
    items.add(item(2, H1, DecisionValue.single("crash"), null, single("crash")));
    items.add(item(3, H2, DecisionValue.single("api"), null, single("api")));
    ClassifierValidation f =
        DimensionValidation.compute(PRIMARY, null, STRATA, items, 0, 1).figures();
    for (LabelValidation l : f.perLabel()) {
      assertThat(l.judged()).as(l.label()).isEqualTo(2);
    }
    LabelValidation crash = f.label("crash").orElseThrow();
    // h1: i2 only (w 100), h2: i3 (w 60): precision 100/100 = 1; bounds over i1 (w' 50): [100/150,
    // 1]
    assertThat(value(crash.precision())).isCloseTo(1.0, within(EXACT));
    assertBounds(crash.precisionBounds(), 1, 50.0 / 100, 1.0);
  }

  @Test
  void f1IsUndefinedWithAReasonWhenPrecisionIs() {
    List<DimensionValidation.Item> items =
        List.of(item(1, H1, set("api"), null, set("crash")), item(5, H2, set(), null, set()));
    LabelValidation crash = figures(items).label("crash").orElseThrow();
    assertThat(crash.precision().estimate().isDefined()).isFalse();
    Coefficient f1 = crash.f1().estimate();
    assertThat(f1.isDefined()).isFalse();
    assertThat(f1.reason().orElseThrow()).contains("precision");
    assertThat(crash.f1Unweighted().isDefined()).isFalse();
  }

  private static DecisionValue single(String label) {
    return DecisionValue.single(label);
  }
}
