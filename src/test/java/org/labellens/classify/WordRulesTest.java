package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.Classification;
import org.labellens.core.model.EvidenceField;
import org.labellens.core.model.MatchMode;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.Rule;
import org.labellens.core.model.TextField;
import org.labellens.core.model.TokenKind;

/** Whole-word matching, exclusions, fields and zone weights. */
class WordRulesTest {

  private static Classification classify(KeywordClassifier c, String title, String body) {
    return c.classify(new IssueText(title, body, List.of()));
  }

  private static KeywordClassifier words(Map<String, List<String>> keywords) {
    return KeywordClassifier.forTaxonomy(
        TestTaxonomies.keywords(TestTaxonomies.separateFields(), MatchMode.WORD, keywords));
  }

  @Test
  void aWordKeywordDoesNotMatchInsideAnotherWord() {
    KeywordClassifier c = words(Map.of("crash", List.of("hang"), "concurrency", List.of("thread")));

    assertThat(classify(c, "Please change it", "MainThread, n_threads, hangs").labels("category"))
        .isEmpty();
    assertThat(classify(c, "Server hang", "").labels("category")).containsExactly("crash");
    assertThat(classify(c, "", "one thread.").labels("category")).containsExactly("concurrency");
  }

  @Test
  void underscoreJoinsWordsAndPunctuationSeparatesThem() {
    KeywordClassifier c = words(Map.of("gpu", List.of("cuda")));

    assertThat(classify(c, "", "CUDA_VISIBLE_DEVICES=0").labels("category")).isEmpty();
    assertThat(classify(c, "", "torch.cuda.is_available()").labels("category"))
        .containsExactly("gpu");
  }

  @Test
  void aTrailingStarOnlyNeedsTheWordStart() {
    KeywordClassifier c = words(Map.of("crash", List.of("crash*")));

    assertThat(classify(c, "It crashes", "").labels("category")).containsExactly("crash");
    assertThat(classify(c, "nocrash", "").labels("category")).isEmpty();
    assertThat(classify(c, "It crashes", "").evidence().get(0).keyword()).isEqualTo("crash*");
  }

  @Test
  void phrasesMatchAcrossTheirSpacesButNotAcrossTitleAndBody() {
    KeywordClassifier c = words(Map.of("memory", List.of("memory leak")));

    assertThat(classify(c, "", "a memory leak.").labels("category")).containsExactly("memory");
    assertThat(classify(c, "Growing memory", "leak after a day").labels("category")).isEmpty();
  }

  @Test
  void fieldEdgesAreWordBoundaries() {
    KeywordClassifier c = words(Map.of("api", List.of("api")));

    assertThat(classify(c, "api", "api").evidence())
        .extracting(e -> e.field() + ":" + e.start() + ":" + e.end())
        .containsExactly("title:0:3", "body:0:3");
  }

  @Test
  void anExclusionPhraseVetoesTheKeywordInsideIt() {
    Rule rule =
        TestTaxonomies.rule(
            MatchMode.WORD,
            List.of("request"),
            List.of("pull request", "feature request"),
            List.of());
    KeywordClassifier c =
        KeywordClassifier.forTaxonomy(
            TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("api", rule)));

    assertThat(classify(c, "", "See the Pull Request").labels("category")).isEmpty();
    assertThat(classify(c, "", "a pull request and a request").evidence())
        .singleElement()
        .satisfies(e -> assertThat(e.start()).isEqualTo(21));
  }

  @Test
  void anExclusionPatternVetoesEveryOccurrenceInsideItsMatches() {
    Rule rule =
        TestTaxonomies.rule(
            MatchMode.WORD, List.of("http"), List.of(), List.of("https?://[^\\s)]+"));
    KeywordClassifier c =
        KeywordClassifier.forTaxonomy(
            TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("api", rule)));

    assertThat(classify(c, "", "see http://x.org/http and (https://y.org)").labels("category"))
        .isEmpty();
    assertThat(classify(c, "", "see http://x.org, http 500").evidence().get(0).start())
        .isEqualTo(18);
  }

  @Test
  void rulesSearchOnlyTheirFields() {
    Rule titleOnly =
        new Rule(
            List.of("model"),
            List.of(),
            MatchMode.WORD,
            Set.of(TextField.TITLE),
            List.of(),
            List.of(),
            Map.of(),
            Set.of());
    Rule labelsOnly =
        new Rule(
            List.of("performance"),
            List.of(),
            MatchMode.WORD,
            Set.of(TextField.LABELS),
            List.of(),
            List.of(),
            Map.of(),
            Set.of());
    Map<String, Rule> rules = new LinkedHashMap<>();
    rules.put("model", titleOnly);
    rules.put("performance", labelsOnly);
    KeywordClassifier c =
        KeywordClassifier.forTaxonomy(
            TestTaxonomies.categories(TestTaxonomies.separateFields(), rules));

    Classification body = c.classify(new IssueText("x", "model performance", List.of()));
    Classification both =
        c.classify(new IssueText("New model", "x", List.of("bug", "Performance")));

    assertThat(body.labels("category")).isEmpty();
    assertThat(both.labels("category")).containsExactly("model", "performance");
    assertThat(both.evidence().get(1).field()).isEqualTo("labels");
    assertThat(both.evidence().get(1).start()).isEqualTo(4);
  }

  @Test
  void patternRulesMatchTheOriginalTextCaseInsensitively() {
    Rule rule =
        new Rule(
            List.of(),
            List.of("\\bsig(segv|abrt)\\b"),
            MatchMode.WORD,
            Set.of(TextField.TITLE, TextField.BODY),
            List.of(),
            List.of(),
            Map.of(),
            Set.of());
    KeywordClassifier c =
        KeywordClassifier.forTaxonomy(
            TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("crash", rule)));

    Classification result = classify(c, "", "got SIGSEGV twice: sigsegv");

    assertThat(result.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.keyword()).isEqualTo("/\\bsig(segv|abrt)\\b/");
              assertThat(e.start()).isEqualTo(4);
              assertThat(e.hits()).isEqualTo(2);
            });
  }

  private static final String ZONED_BODY =
      "### Your current environment\n"
          + "CUDA 12.1, NCCL 2.18\n"
          + "### Describe the bug\n"
          + "It stops.\n"
          + "```\n"
          + "Traceback (most recent call last):\n"
          + "  File \"x.py\", line 1\n"
          + "RuntimeError: CUDA error\n"
          + "```\n";

  private static KeywordClassifier zoned(int maxHits) {
    Map<EvidenceField, Double> weights =
        Map.of(
            EvidenceField.TITLE, 2.0,
            EvidenceField.BODY_LOG, 0.5,
            EvidenceField.BODY_ENV, 0.0,
            EvidenceField.BODY_TEMPLATE, 0.0);
    return KeywordClassifier.forTaxonomy(
        TestTaxonomies.keywords(
            TestTaxonomies.zoned(weights, maxHits),
            MatchMode.WORD,
            Map.of("gpu", List.of("cuda", "nccl", "error"))));
  }

  @Test
  void zonesAreRecordedAsFieldsAndWeighed() {
    Classification result = classify(zoned(0), "", ZONED_BODY);

    // cuda and error in the log: 0.5 + 0.5 reaches the minimum score of 1
    assertThat(result.labels("category")).containsExactly("gpu");
    assertThat(result.evidence())
        .extracting(e -> e.keyword() + "@" + e.field())
        .containsExactly("cuda@body:log", "error@body:log");
  }

  @Test
  void aKeywordInAnEnvironmentDumpIsIgnoredButHighlighted() {
    KeywordClassifier c = zoned(0);

    List<Occurrence> occurrences = c.highlight(new IssueText("", ZONED_BODY, List.of()));

    assertThat(occurrences)
        .filteredOn(o -> o.field() == EvidenceField.BODY_ENV)
        .extracting(Occurrence::status)
        .containsOnly(Occurrence.Status.IGNORED_FIELD)
        .hasSize(2);
    assertThat(occurrences)
        .filteredOn(o -> o.field() == EvidenceField.BODY_LOG)
        .extracting(Occurrence::status)
        .containsOnly(Occurrence.Status.COUNTED);
  }

  @Test
  void belowTheMinimumScoreNothingIsPredictedAndHighlightSaysWhy() {
    KeywordClassifier c = zoned(0);
    String body = "```\nTraceback (most recent call last):\nRuntimeError: CUDA\n```\n";

    assertThat(classify(c, "", body).labels("category")).isEmpty();
    assertThat(c.highlight(new IssueText("", body, List.of())))
        .extracting(Occurrence::status)
        .containsExactly(Occurrence.Status.BELOW_MIN_SCORE);
  }

  @Test
  void theHitCapStopsARepeatedWordFromAddingUp() {
    String body = "```\nTraceback (most recent call last):\nCUDA CUDA CUDA\n```\n";

    assertThat(classify(zoned(0), "", body).labels("category")).containsExactly("gpu");
    assertThat(classify(zoned(1), "", body).labels("category")).isEmpty();
    assertThat(classify(zoned(1), "CUDA fails", body).labels("category")).containsExactly("gpu");
  }

  private static KeywordClassifier withTokens(TokenKind... kinds) {
    Rule rule =
        new Rule(
            List.of("cuda", "model"),
            List.of(),
            MatchMode.WORD,
            Set.of(TextField.TITLE, TextField.BODY),
            List.of(),
            List.of(),
            Map.of(),
            Set.of(kinds));
    return KeywordClassifier.forTaxonomy(
        TestTaxonomies.categories(TestTaxonomies.separateFields(), Map.of("x", rule)));
  }

  @Test
  void tokenExclusionsIgnoreUrlsPathsModulesAndFileNames() {
    assertThat(
            classify(withTokens(TokenKind.URL), "", "see [docs](https://x.org/cuda/model)")
                .labels("category"))
        .isEmpty();
    assertThat(
            classify(withTokens(TokenKind.PATH), "", "File \"/usr/lib/cuda/x.py\"")
                .labels("category"))
        .isEmpty();
    assertThat(
            classify(withTokens(TokenKind.MODULE), "", "in vllm.model_executor.model.run:")
                .labels("category"))
        .isEmpty();
    assertThat(
            classify(withTokens(TokenKind.FILE), "", "load ggml-model.gguf, then model.bin.")
                .labels("category"))
        .isEmpty();
    // outside such tokens the keyword counts, and a kind not excluded does not veto
    assertThat(classify(withTokens(TokenKind.URL), "", "a/b/cuda/x fails").labels("category"))
        .containsExactly("x");
    assertThat(classify(withTokens(TokenKind.FILE), "", "the model (cuda 12)").evidence())
        .hasSize(2);
  }

  /**
   * classify() skips zones every rule weighs 0; highlight() reads all. They must agree: a label is
   * predicted exactly when highlight shows a counted occurrence of it.
   */
  @Property(tries = 300)
  void classifyAgreesWithHighlightWhenZonesAreSkipped(
      @ForAll @Size(max = 12) List<@From("fragments") String> parts) {
    String body = String.join("", parts);
    KeywordClassifier c = zoned(1);
    IssueText issue = new IssueText("t", body, List.of());

    List<String> predicted = c.classify(issue).labels("category");
    List<String> counted =
        c.highlight(issue).stream()
            .filter(o -> o.status() == Occurrence.Status.COUNTED)
            .map(Occurrence::label)
            .distinct()
            .toList();

    assertThat(predicted).containsExactlyInAnyOrderElementsOf(counted);
  }

  @Provide
  Arbitrary<String> fragments() {
    return Arbitraries.of(
        "### Your current environment\n",
        "### Describe the bug\n",
        "CUDA 12 and NCCL\n",
        "it fails with a CUDA error\n",
        "```\n",
        "```text\nPyTorch version: 2\n",
        "Traceback (most recent call last):\n",
        "  File \"x.py\", line 1\n",
        "RuntimeError: nccl error\n",
        "\n",
        "- [x] checked cuda\n",
        "_No response_\n",
        "plain words\n");
  }

  @Test
  void highlightListsEveryOccurrenceInFieldOrder() {
    KeywordClassifier c = words(Map.of("api", List.of("api")));

    List<Occurrence> all = c.highlight(new IssueText("api", "api and api", List.of()));

    assertThat(all)
        .extracting(o -> o.field().key() + ":" + o.start())
        .containsExactly("title:0", "body:0", "body:8");
  }
}
