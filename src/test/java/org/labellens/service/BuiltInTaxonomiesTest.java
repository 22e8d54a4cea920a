package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Evidence;
import org.labellens.io.TaxonomyReader;

/**
 * The shipped taxonomies on small synthetic issues: study-v1 must reproduce the study's substring
 * rules, traps included; llm-serving-v2 must avoid those traps.
 */
class BuiltInTaxonomiesTest {

  private static final TaxonomyReader READER = new TaxonomyReader();
  private final KeywordClassifier study =
      KeywordClassifier.forTaxonomy(READER.builtIn("study-v1").taxonomy());
  private final KeywordClassifier v2 =
      KeywordClassifier.forTaxonomy(READER.builtIn("llm-serving-v2").taxonomy());

  private static IssueText issue(String title, String body, String... labels) {
    return new IssueText(title, body, List.of(labels));
  }

  @Test
  void studyFiresCrashOnChangeAndApiOnAUrl() {
    Classification result =
        study.classify(issue("Docs: change the example", "See https://docs.example.org"));

    assertThat(result.labels("category")).containsExactly("api", "crash");
    assertThat(result.evidence())
        .filteredOn(e -> e.dimension().equals("category"))
        .extracting(Evidence::keyword)
        .containsExactly("http", "hang");
  }

  @Test
  void studyFiresConcurrencyOnMultiprocessingAndMainThread() {
    assertThat(study.classify(issue("Use multiprocessing", "")).labels("category"))
        .containsExactly("concurrency");
    assertThat(study.classify(issue("x", "in MainThread")).labels("category"))
        .containsExactly("concurrency");
  }

  @Test
  void studyMatchesAcrossTheJoinOfTitleAndBody() {
    Classification result = study.classify(issue("Slow memory", "leak in the scheduler"));

    assertThat(result.labels("category")).containsExactly("memory", "performance");
    assertThat(result.evidence())
        .filteredOn(e -> e.label().equals("memory"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("title+body");
              assertThat(e.keyword()).isEqualTo("memory leak");
            });
  }

  @Test
  void studyLowerCasesAsPythonDoes() {
    // "APİ" lower-cases to "api" + U+0307 in Python
    assertThat(study.classify(issue("x", "<AP\u0130_KEY>")).labels("category"))
        .containsExactly("api");
  }

  @Test
  void studyGivesOtherWhenNothingMatches() {
    Classification result = study.classify(issue("Typo in README", "Fix spelling."));

    assertThat(result.labels("category")).isEmpty();
    assertThat(result.primary()).isEqualTo("other");
    assertThat(result.production()).isFalse();
    assertThat(result.bugPerf()).isFalse();
  }

  @Test
  void studyProductionKeywordsAndBugPerfLabels() {
    assertThat(study.classify(issue("Deploy on k8s", "")).production()).isTrue();
    assertThat(study.classify(issue("x", "an ERROR occurred")).production()).isTrue();
    assertThat(study.classify(issue("x", "y", "Bug")).bugPerf()).isTrue();
    assertThat(study.classify(issue("x", "y", "bug-unconfirmed", "stale")).bugPerf()).isTrue();
    assertThat(study.classify(issue("x", "y", "bugfix", "enhancement")).bugPerf()).isFalse();
  }

  @Test
  void studyPredictsTheProductionDimension() {
    Classification result = study.classify(issue("Server timeout", ""));

    assertThat(result.labels("production")).containsExactly("yes");
    assertThat(study.classify(issue("Typo", "")).labels("production")).containsExactly("no");
  }

  @Test
  void v2AvoidsTheSubstringTraps() {
    assertThat(
            v2.classify(issue("Docs: change the example", "See https://docs.example.org"))
                .labels("category"))
        .isEmpty();
    assertThat(
            v2.classify(issue("Use multiprocessing", "in MainThread, please restart"))
                .labels("category"))
        .isEmpty();
  }

  @Test
  void v2IgnoresEnvironmentDumpsAndTemplates() {
    String body =
        "### Your current environment\n\n```text\nPyTorch version: 2.3\nCUDA used to build"
            + " PyTorch: 12.1\nGPU models and configuration: 8x H100, NCCL 2.18\n```\n\n"
            + "### \ud83d\udc1b Describe the bug\n\nThe README example prints a wrong date.\n\n"
            + "### Before submitting a new issue...\n\n- [X] Make sure you searched, see"
            + " https://docs.vllm.ai\n";

    Classification result = v2.classify(issue("[Bug]: wrong date in example", body));

    assertThat(result.labels("category")).isEmpty();
    assertThat(study.classify(issue("[Bug]: wrong date in example", body)).labels("category"))
        .contains("gpu", "api");
  }

  @Test
  void v2FindsTheRealSignals() {
    Classification result =
        v2.classify(
            issue(
                "Server crashes with CUDA out of memory under concurrent requests",
                "Since 0.5 the latency doubled, then it segfaults.",
                "performance"));

    assertThat(result.labels("category"))
        .containsExactly("memory", "performance", "concurrency", "gpu", "api", "crash");
    assertThat(result.evidence())
        .filteredOn(e -> e.label().equals("crash"))
        .extracting(Evidence::field)
        .contains("title", "body");
  }

  @Test
  void v2IgnoresNegatedCrashes() {
    assertThat(v2.classify(issue("x", "It does not crash, it is just wrong.")).labels("category"))
        .doesNotContain("crash");
  }
}
