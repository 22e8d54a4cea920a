package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.testing.Cli;
import org.labellens.testing.TestIssues;

class ClassifyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String db;

  private static Issue issue(String repo, int number, String title, String body, String... labels) {
    return new Issue(
        repo,
        number,
        "",
        title,
        body,
        List.of(labels),
        "open",
        "2025-01-0" + number + "T00:00:00Z",
        null,
        "https://github.com/" + repo + "/issues/" + number,
        "someone",
        0);
  }

  private static final List<Issue> ISSUES =
      List.of(
          issue("vllm-project/vllm", 1, "Server hangs under load", "CUDA out of memory", "bug"),
          issue("vllm-project/vllm", 2, "Docs: change the example", "see https://x.org"),
          issue("vllm-project/vllm", 3, "Typo in README", "fix"),
          issue("ggml-org/llama.cpp", 4, "Segfault when loading the model", "core dumped"),
          issue("ggml-org/llama.cpp", 5, "Feature: nicer colours", "please"));

  @BeforeEach
  void init() throws Exception {
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
    Path file = TestIssues.write(dir, "issues.jsonl", TestIssues.jsonl(ISSUES));
    Cli.Result imported = Cli.run("import", file.toString(), "--db", db);
    assertThat(imported.code()).as(imported.err()).isZero();
  }

  private JsonNode json(String... args) throws Exception {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void classifyPrintsTheDistributionPerFrameworkAsJson() throws Exception {
    JsonNode out = json("classify", "--db", db, "--format", "json");

    assertThat(out.get("run").asText()).isEqualTo("study-v1");
    assertThat(out.get("taxonomy").asText()).isEqualTo("study-v1@1.0");
    assertThat(out.get("total").asInt()).isEqualTo(5);
    JsonNode vllm = out.get("by_framework").get("vLLM");
    assertThat(vllm.get("issues").asInt()).isEqualTo(3);
    // #1: memory (out of memory), gpu (cuda), crash (hang); #2: crash (change), api (http)
    assertThat(vllm.get("crash").asInt()).isEqualTo(2);
    assertThat(vllm.get("memory").asInt()).isEqualTo(1);
    assertThat(vllm.get("api").asInt()).isEqualTo(1);
    assertThat(vllm.get("scaling").asInt()).isZero();
    assertThat(vllm.get("other").asInt()).isEqualTo(1);
    assertThat(out.get("by_framework").get("llama.cpp").get("other").asInt()).isEqualTo(1);
    assertThat(vllm.fieldNames())
        .toIterable()
        .containsExactly(
            "issues",
            "memory",
            "performance",
            "concurrency",
            "gpu",
            "api",
            "crash",
            "model",
            "scaling",
            "other");
  }

  @Test
  void runsAreStoredWithTheirTaxonomyAndNeverOverwritten() throws Exception {
    json("classify", "--db", db, "--format", "json");
    JsonNode second =
        json("classify", "--db", db, "--taxonomy", "llm-serving-v2", "--format", "json");
    JsonNode third = json("classify", "--db", db, "--format", "json");
    Cli.Result taken = Cli.run("classify", "--db", db, "--run", "study-v1");

    assertThat(second.get("run").asText()).isEqualTo("llm-serving-v2");
    assertThat(third.get("run").asText()).isEqualTo("study-v1-2");
    assertThat(taken.code()).isEqualTo(1);
    assertThat(taken.errorLine()).startsWith("error: ").contains("'study-v1' exists");

    JsonNode runs = json("runs", "--db", db, "--format", "json").get("runs");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).get("taxonomy").asText()).isEqualTo("study-v1@1.0");
    assertThat(runs.get(0).get("taxonomy_hash").asText())
        .isEqualTo(runs.get(2).get("taxonomy_hash").asText())
        .hasSize(64);
    assertThat(runs.get(1).get("issues").asInt()).isEqualTo(5);
    assertThat(Cli.run("runs", "--db", db).out()).contains("study-v1-2", "llm-serving-v2");
  }

  @Test
  void issuesShowThePredictionsAndEvidenceOfARun() throws Exception {
    json("classify", "--db", db, "--run", "s1", "--format", "json");

    Cli.Result r = Cli.run("issues", "--db", db, "--run", "s1", "--format", "jsonl");
    JsonNode second =
        JSON.readTree(
            r.out().lines().filter(l -> l.contains("\"number\":2")).findFirst().orElseThrow());

    assertThat(second.get("predicted").get("category"))
        .extracting(JsonNode::asText)
        .containsExactly("api", "crash");
    assertThat(second.get("evidence").toString())
        .contains("\"keyword\":\"hang\"", "\"field\":\"title\"", "\"start\":7", "\"end\":11");
  }

  @Test
  void aTaxonomyFileIsReadAndItsErrorsNameThePath() throws Exception {
    Path good = dir.resolve("mine.json");
    Files.writeString(
        good,
        """
        {"name": "mine", "version": "0.1", "dimensions": [
          {"id": "category", "kind": "set", "match": {"mode": "word"},
           "labels": [{"id": "docs", "rules": [{"keywords": ["readme", "docs"]}]}]}]}
        """);
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        "{\"name\": \"bad\", \"version\": \"1\", \"dimensions\": [{\"id\": \"c\", \"kind\": \"bag\", \"labels\": [{\"id\": \"x\"}]}]}");

    JsonNode out = json("classify", "--db", db, "--taxonomy", good.toString(), "--format", "json");
    Cli.Result failed = Cli.run("classify", "--db", db, "--taxonomy", bad.toString());

    assertThat(out.get("taxonomy").asText()).isEqualTo("mine@0.1");
    assertThat(out.get("all").get("docs").asInt()).isEqualTo(2);
    assertThat(out.get("all").get("other").asInt()).isEqualTo(3);
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.errorLine()).contains("bad.json").contains("$.dimensions[0].kind");
    assertThat(json("runs", "--db", db, "--format", "json").get("runs")).hasSize(1);
  }

  @Test
  void anUnknownTaxonomyListsTheBuiltInOnes() throws Exception {
    Cli.Result r = Cli.run("classify", "--db", db, "--taxonomy", "study-v3");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .startsWith("error: taxonomy study-v3: neither a built-in taxonomy nor a file")
        .contains("study-v1")
        .contains("llm-serving-v2")
        .doesNotContain("no such file");
    assertThat(json("runs", "--db", db, "--format", "json").get("runs")).isEmpty();
    Cli.Result folder = Cli.run("classify", "--db", db, "--taxonomy", dir.toString());
    assertThat(folder.code()).isEqualTo(1);
    assertThat(folder.errorLine()).contains("is a directory").contains("study-v1");
  }

  @Test
  void theTableShowsCountsAndShares() {
    Cli.Result r = Cli.run("classify", "--db", db);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("run 'study-v1': 5 issues").contains("2 (66.7%)").contains("all");
  }

  @Test
  void aBadFormatIsBadUsage() {
    assertThat(Cli.run("classify", "--db", db, "--format", "xml").code()).isEqualTo(2);
  }
}
