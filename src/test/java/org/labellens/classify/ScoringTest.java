package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.MatchSettings;

class ScoringTest {
  private static final IssueText ISSUE = new IssueText("t", "b", List.of());

  /** Labels a, b, c with one keyword each (ka, kb, kc), scored with {@code settings}. */
  private static CompiledRules rules(MatchSettings settings) {
    Map<String, List<String>> keywords = new LinkedHashMap<>();
    keywords.put("a", List.of("ka"));
    keywords.put("b", List.of("kb"));
    keywords.put("c", List.of("kc"));
    return new CompiledRules(TestTaxonomies.keywords(settings, MatchMode.SUBSTRING, keywords));
  }

  private static MatchSettings settings(double minScore, int maxHits) {
    return new MatchSettings(true, false, Map.of(), minScore, maxHits, List.of(), Set.of());
  }

  @Test
  void keepsTheFirstOccurrencePerFieldWithTheNumberOfHits() {
    CompiledRules c = rules(settings(1, 0));
    Scoring scoring = new Scoring(c);
    scoring.count(c.keywords[0], EvidenceField.BODY, 10, 12);
    scoring.count(c.keywords[0], EvidenceField.BODY, 3, 5);
    scoring.count(c.keywords[0], EvidenceField.TITLE, 0, 2);
    Classification result = scoring.result(ISSUE);
    assertThat(result.labels("category")).containsExactly("a");
    assertThat(result.evidence())
        .containsExactly(
            new Evidence("category", "a", "ka", "title", 0, 2, 1),
            new Evidence("category", "a", "ka", "body", 10, 12, 2));
  }

  @Test
  void aLabelBelowTheMinimumScoreIsNotPredictedAndLeavesNoEvidence() {
    CompiledRules c = rules(settings(2, 0));
    Scoring scoring = new Scoring(c);
    scoring.count(c.keywords[0], EvidenceField.BODY, 0, 2);
    scoring.count(c.keywords[1], EvidenceField.BODY, 0, 2);
    scoring.count(c.keywords[1], EvidenceField.BODY, 5, 7);
    Classification result = scoring.result(ISSUE);
    assertThat(result.labels("category")).containsExactly("b");
    assertThat(result.evidence()).extracting(Evidence::label).containsExactly("b");
  }

  @Test
  void hitsAboveTheCapDoNotRaiseTheScore() {
    CompiledRules c = rules(settings(2, 1));
    Scoring scoring = new Scoring(c);
    for (int i = 0; i < 3; i++) {
      scoring.count(c.keywords[0], EvidenceField.BODY, i, i + 1);
    }
    scoring.count(c.keywords[1], EvidenceField.TITLE, 0, 1);
    scoring.count(c.keywords[1], EvidenceField.BODY, 0, 1);
    Classification result = scoring.result(ISSUE);
    // a: 3 hits capped at 1 in one field; b: one hit in each of two fields
    assertThat(result.labels("category")).containsExactly("b");
  }

  @Test
  void thePrimaryLabelIsTheHighestScoreWithTiesInTaxonomyOrder() {
    CompiledRules c = rules(settings(1, 0));
    Scoring scoring = new Scoring(c);
    scoring.count(c.keywords[1], EvidenceField.BODY, 0, 1);
    scoring.count(c.keywords[2], EvidenceField.BODY, 0, 1);
    assertThat(scoring.result(ISSUE).labels("primary")).containsExactly("b");
    scoring.count(c.keywords[1], EvidenceField.BODY, 0, 1);
    scoring.count(c.keywords[2], EvidenceField.BODY, 0, 1);
    scoring.count(c.keywords[2], EvidenceField.TITLE, 0, 1);
    assertThat(scoring.result(ISSUE).labels("primary")).containsExactly("c");
    // result() starts the next issue afresh: nothing counted gives the fallback
    assertThat(scoring.result(ISSUE).labels("primary")).containsExactly("other");
  }
}
