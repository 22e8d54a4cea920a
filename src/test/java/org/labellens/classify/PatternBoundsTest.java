package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.labellens.core.model.Classification;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TextField;

/** Patterns run in linear time, within a per-issue work bound, and see their context rightly. */
class PatternBoundsTest {

  private static Taxonomy patterns(String... patterns) {
    Rule rule =
        new Rule(
            List.of(),
            List.of(patterns),
            MatchMode.SUBSTRING,
            EnumSet.of(TextField.TITLE, TextField.BODY),
            List.of(),
            List.of(),
            Map.of(),
            Set.of());
    return TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("hostile", rule));
  }

  private static Classification classify(KeywordClassifier c, String body) {
    return c.classify(new IssueText("", body, List.of()));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // a safety net: this takes microseconds
  void aCatastrophicBacktrackingPatternGivesItsAnswer() {
    KeywordClassifier c = KeywordClassifier.forTaxonomy(patterns("(.*a){20}b"));

    assertThat(classify(c, "a".repeat(40)).labels("category")).isEmpty();
    assertThat(classify(c, "a".repeat(40) + "b").labels("category")).containsExactly("hostile");
    assertThat(classify(c, "a".repeat(19) + "b").labels("category")).isEmpty();
  }

  @Test
  void theWorkBoundIsChargedBeforeTheSearchAndNamesTheRule() {
    int size = KeywordClassifier.compile("(.*a){20}b").programSize();
    // exactly enough for 40 characters, not for 41
    KeywordClassifier c = KeywordClassifier.forTaxonomy(patterns("(.*a){20}b"), 40L * size);

    assertThat(classify(c, "a".repeat(40)).labels("category")).isEmpty();
    PatternWorkException e =
        catchThrowableOfType(() -> classify(c, "a".repeat(41)), PatternWorkException.class);
    assertThat(e.getMessage())
        .startsWith("the pattern /(.*a){20}b/ of label 'hostile' (dimension 'category')")
        .contains("would search 41 characters", "limit of " + 40L * size + " steps");
    // the bound is per issue: the next issue starts again from nothing
    assertThat(classify(c, "a".repeat(39) + "b").labels("category")).containsExactly("hostile");
  }

  @Test
  void aPatternTooLargeToCompileIsRefused() {
    assertThat(
            catchThrowableOfType(
                () -> KeywordClassifier.compile("((a{1000}){1000}){1000}"),
                IllegalArgumentException.class))
        .hasMessageContaining("is too large: its nested counted repetitions multiply to");
  }

  @Test
  void anExclusionWindowSeesTheCharacterBeforeItsStart() {
    Rule rule =
        TestTaxonomies.rule(
            MatchMode.WORD, List.of("crash"), List.of(), List.of("\\bnot\\b[^\\n]*crash"));
    KeywordClassifier c =
        KeywordClassifier.forTaxonomy(
            TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("crash", rule)));
    // "crash" at 67: the window starts 64 characters before it, at the "n" of "cannot"; the "can"
    // before the window makes that "not" no word, so the occurrence counts
    String inside = "cannot " + "y".repeat(59) + " crash";
    String word = "can not " + "y".repeat(58) + " crash";

    assertThat(inside.indexOf("crash")).isEqualTo(67);
    assertThat(classify(c, inside).labels("category")).containsExactly("crash");
    assertThat(classify(c, word).labels("category")).isEmpty();
  }
}
