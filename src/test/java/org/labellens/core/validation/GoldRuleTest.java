package org.labellens.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;

class GoldRuleTest {
  private static final SchemeDimension SET =
      new SchemeDimension("category", ValueKind.SET, List.of("memory", "gpu", "crash"));
  private static final SchemeDimension SINGLE =
      new SchemeDimension("primary", ValueKind.SINGLE, List.of("memory", "gpu", "other"));

  private static DecisionValue set(String... labels) {
    return DecisionValue.set(List.of(labels));
  }

  @Test
  void aSingleAnnotatorIsUnanimous() {
    Gold g = GoldRule.derive(SET, null, List.of(set("gpu")));
    assertThat(g.isResolved()).isTrue();
    assertThat(g.source()).isEqualTo(GoldSource.UNANIMOUS);
    assertThat(g.value().labels()).containsExactly("gpu");
  }

  @Test
  void setsInAnyOrderAreUnanimous() {
    Gold g = GoldRule.derive(SET, null, List.of(set("gpu", "memory"), set("memory", "gpu")));
    assertThat(g.source()).isEqualTo(GoldSource.UNANIMOUS);
  }

  @Test
  void setsAreDecidedLabelByLabel() {
    Gold g =
        GoldRule.derive(
            SET, null, List.of(set("memory", "gpu"), set("memory"), set("memory", "crash")));
    assertThat(g.source()).isEqualTo(GoldSource.MAJORITY);
    assertThat(g.value().labels()).containsExactly("memory");
    assertThat(g.votes())
        .containsEntry("memory", 3)
        .containsEntry("gpu", 1)
        .containsEntry("crash", 1);
  }

  @Test
  void aTieOnOneLabelLeavesTheSetUnresolvedButNotTheOtherLabels() {
    Gold g = GoldRule.derive(SET, null, List.of(set("memory", "gpu"), set("memory")));
    assertThat(g.isUnresolved()).isTrue();
    assertThat(g.has("memory")).isTrue();
    assertThat(g.has("gpu")).isNull();
    assertThat(g.has("crash")).isFalse();
    assertThat(g.tied()).containsExactly("gpu");
    assertThat(g.explanation()).startsWith("a tie among 2 annotators on gpu");
  }

  @Test
  void singleLabelsNeedMoreThanHalf() {
    assertThat(
            GoldRule.derive(
                    SINGLE,
                    null,
                    List.of(
                        DecisionValue.single("gpu"),
                        DecisionValue.single("gpu"),
                        DecisionValue.single("memory")))
                .value()
                .label())
        .isEqualTo("gpu");
    Gold spread =
        GoldRule.derive(
            SINGLE,
            null,
            List.of(
                DecisionValue.single("gpu"),
                DecisionValue.single("memory"),
                DecisionValue.single("other")));
    assertThat(spread.isUnresolved()).isTrue();
    assertThat(spread.explanation()).startsWith("no strict majority among 3 annotators");
    Gold tie =
        GoldRule.derive(
            SINGLE, null, List.of(DecisionValue.single("gpu"), DecisionValue.single("memory")));
    assertThat(tie.isUnresolved()).isTrue();
    assertThat(tie.explanation()).startsWith("a tie");
  }

  @Test
  void adjudicationWinsOverEverything() {
    Gold g = GoldRule.derive(SET, set("crash"), List.of(set("memory"), set("memory")));
    assertThat(g.source()).isEqualTo(GoldSource.ADJUDICATED);
    assertThat(g.value().labels()).containsExactly("crash");
    assertThat(GoldRule.derive(SET, set(), List.of()).isResolved()).isTrue();
  }

  @Test
  void noDecisionIsNoGold() {
    assertThat(GoldRule.derive(SET, null, List.of()).status()).isEqualTo(Gold.Status.NONE);
  }
}
