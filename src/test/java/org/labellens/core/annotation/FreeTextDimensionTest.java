package org.labellens.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;
import org.labellens.core.validation.Gold;
import org.labellens.core.validation.GoldRule;

/** A free-text dimension: one string kept as written, bounded, and never categorical. */
class FreeTextDimensionTest {
  private static final SchemeDimension RATIONALE =
      new SchemeDimension("rationale", ValueKind.TEXT, List.of());
  private static final AnnotationScheme SCHEME =
      new AnnotationScheme(
          "team",
          "1",
          List.of(new SchemeDimension("category", ValueKind.SET, List.of("a", "b")), RATIONALE),
          AnnotationScheme.DEFAULT_REASON_CODES);

  @Test
  void aTextIsKeptExactlyAsWrittenAndRoundTripsThroughJson() {
    String typed = "  OOM at 2 GB; \"pip\" ≠ conda, see log\\n ";
    DecisionValue v = SCHEME.canonical("rationale", DecisionValue.single(typed));
    assertThat(v.label()).isEqualTo(typed);
    assertThat(DecisionValue.fromJson(v.toJson()).label()).isEqualTo(typed);
  }

  @Test
  void aTextOfTheLimitIsAcceptedAndOneCharacterMoreIsRefusedWithTheCount() {
    String limit = "x".repeat(AnnotationScheme.MAX_TEXT);
    assertThat(SCHEME.canonical("rationale", DecisionValue.single(limit)).label()).hasSize(2000);
    assertThatThrownBy(() -> SCHEME.canonical("rationale", DecisionValue.single(limit + "y")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "the text of dimension 'rationale' has 2001 characters; at most 2000 are allowed");
  }

  @Test
  void aSetForATextDimensionIsRefused() {
    assertThatThrownBy(() -> SCHEME.canonical("rationale", DecisionValue.set(List.of("a"))))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("takes free text");
  }

  @Test
  void theCategoricalDimensionsLeaveOutFreeText() {
    assertThat(SCHEME.categorical()).extracting(SchemeDimension::id).containsExactly("category");
    assertThat(SCHEME.requireCategorical("category").id()).isEqualTo("category");
    assertThatThrownBy(() -> SCHEME.requireCategorical("rationale"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'rationale' is free text");
  }

  @Test
  void freeTextHasNoGoldEvenWhenAnnotatorsWroteTheSame() {
    Gold g =
        GoldRule.derive(
            RATIONALE, null, List.of(DecisionValue.single("same"), DecisionValue.single("same")));
    assertThat(g.status()).isEqualTo(Gold.Status.NONE);
  }

  @Test
  void theTextKindIsNamedInTaxonomies() {
    assertThat(ValueKind.fromKey("text")).contains(ValueKind.TEXT);
    assertThat(ValueKind.TEXT.isCategorical()).isFalse();
    assertThat(ValueKind.ORDINAL.isCategorical()).isTrue();
  }
}
