package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.TestIssues;

/**
 * Results that used to be silently wrong, through the command line: outside labels replaced under a
 * run a sample was stratified by, a margin whose arithmetic overflowed into an empty sample, sizes
 * below one, and one issue stored twice under two spellings of its repository. Each refusal exits 1
 * with one {@code error:} line and leaves the project's content digest as it was.
 */
class RunsSizesAndRepositoriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ISSUES = 40;

  private Path dir;
  private String db;

  @BeforeEach
  void init() throws Exception {
    dir = FastTempDir.create("runs-sizes");
    db = dir.resolve("p.db").toString();
    ok(Cli.run("init", "--db", db));
  }

  @AfterEach
  void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  private static Cli.Result ok(Cli.Result r) {
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    return r;
  }

  private Cli.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db));
    return Cli.run(all.toArray(String[]::new));
  }

  /** Refused: exit 1, exactly {@code message} on one line, the project's content unchanged. */
  private void refused(String message, String... args) {
    String before = ProjectDigest.of(Path.of(db));
    Cli.Result r = run(args);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("error: " + message + "\n");
    assertThat(ProjectDigest.of(Path.of(db))).isEqualTo(before);
  }

  /** Issues a/b#1..n with outside labels in field cls: gpu for odd numbers, api for even. */
  private Path labelled(String name, String odd, String even) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= ISSUES; i++) {
      sb.append("{\"repo\": \"a/b\", \"number\": ")
          .append(i)
          .append(", \"title\": \"t")
          .append(i)
          .append("\", \"body\": \"b\", \"cls\": [\"")
          .append(i % 2 == 1 ? odd : even)
          .append("\"]}\n");
    }
    return TestIssues.write(dir, name, sb.toString());
  }

  private Path issue(String name, String repo, int number, String title) throws Exception {
    return TestIssues.write(
        dir,
        name,
        "{\"repo\": \"" + repo + "\", \"number\": " + number + ", \"title\": \"" + title + "\"}\n");
  }

  // ---- runs a sample depends on

  @Test
  void reimportingLabelsUnderARunASampleIsStratifiedByIsRefusedNamingTheSample() throws Exception {
    ok(
        run(
            "import",
            labelled("l.jsonl", "gpu", "api").toString(),
            "--label-field",
            "cls",
            "--run",
            "out"));
    ok(run("sample", "--name", "s", "--size", "10", "--run", "out", "--strata", "predicted"));
    String message =
        "a classifier run named 'out' exists (imported) and sample 's' depends on it, so it"
            + " cannot change: give the new labels another name (--run NEW)";
    refused(
        message,
        "import",
        labelled("l2.jsonl", "crash", "crash").toString(),
        "--label-field",
        "cls",
        "--run",
        "out");
    refused(
        "run 'out' cannot be deleted: sample 's' depends on it (a sample keeps the run it was"
            + " drawn over)",
        "runs",
        "delete",
        "out");
    // the sample still shows the strata it was drawn over, and a new name takes the new labels
    JsonNode strata = JSON.readTree(ok(run("samples", "--format", "json")).out());
    assertThat(strata.toString()).contains("\"predicted\":\"gpu\"").doesNotContain("crash");
    ok(
        run(
            "import",
            labelled("l3.jsonl", "crash", "crash").toString(),
            "--label-field",
            "cls",
            "--run",
            "out2"));
  }

  @Test
  void aKeywordRunASampleDependsOnIsRefusedTheSameWay() throws Exception {
    ok(run("import", labelled("l.jsonl", "gpu", "api").toString()));
    ok(run("classify", "--run", "kw"));
    ok(run("sample", "--name", "s", "--size", "5", "--run", "kw"));
    refused(
        "a classifier run named 'kw' exists (keyword) and sample 's' depends on it, so it cannot"
            + " change: give the new labels another name (--run NEW)",
        "classify",
        "--run",
        "kw");
  }

  @Test
  void runsDeleteRemovesARunNoSampleDependsOnWithItsPredictions() throws Exception {
    ok(
        run(
            "import",
            labelled("l.jsonl", "gpu", "api").toString(),
            "--label-field",
            "cls",
            "--run",
            "out"));
    Cli.Result deleted = ok(run("runs", "delete", "out"));
    assertThat(deleted.out())
        .isEqualTo(
            "deleted run 'out' (imported): "
                + ISSUES
                + " issues, "
                + ISSUES
                + " predictions, 0 evidence rows\n");
    assertThat(ProjectDigest.rowCounts(Path.of(db)))
        .containsEntry("classifier_run", 0L)
        .containsEntry("run_item", 0L)
        .containsEntry("prediction", 0L)
        .containsEntry("issue", (long) ISSUES);
    refused("no classifier run named 'out' (see: labellens runs)", "runs", "delete", "out");
  }

  // ---- sizes

  @Test
  void aMarginTooSmallForFloatingPointGivesTheCensusWithANote() throws Exception {
    ok(run("import", labelled("l.jsonl", "gpu", "api").toString()));
    JsonNode drawn =
        JSON.readTree(
            ok(run("sample", "--name", "c", "--margin", "1e-300", "--format", "json")).out());
    assertThat(drawn.get("size").asInt()).isEqualTo(ISSUES);
    assertThat(drawn.get("items")).hasSize(ISSUES);
    assertThat(drawn.get("notes").get(0).asText())
        .isEqualTo(
            "the margin 1.0E-300 asks for at least every issue of the frame: the sample is the"
                + " census of all "
                + ISSUES
                + " issues (every inclusion probability is 1)");
    Cli.Result text = ok(run("sample", "--name", "c2", "--margin", "1e-300"));
    assertThat(text.out()).contains("note: the margin 1.0E-300 asks for at least every issue");
    Cli.Result plan = ok(run("sample", "plan", "--margin", "1e-300", "--format", "json"));
    JsonNode p = JSON.readTree(plan.out());
    assertThat(p.get("total").asInt()).isEqualTo(ISSUES);
    assertThat(p.get("notes").get(0).asText()).contains("census of all " + ISSUES + " issues");
    // an ordinary margin is no census and has no note
    JsonNode usual =
        JSON.readTree(ok(run("sample", "plan", "--margin", "0.2", "--format", "json")).out());
    assertThat(usual.get("total").asInt()).isLessThan(ISSUES);
    assertThat(usual.get("notes")).isEmpty();
  }

  @Test
  void sizesBelowOneAreRefusedWithOneMessageEverywhere() throws Exception {
    ok(run("import", labelled("l.jsonl", "gpu", "api").toString()));
    for (String n : List.of("0", "-3")) {
      refused("--size must be at least 1, got " + n, "sample", "--name", "x", "--size", n);
      refused(
          "--population must be at least 1, got " + n,
          "sample",
          "plan",
          "--population",
          n,
          "--margin",
          "0.05");
      refused(
          "--size must be at least 1, got " + n,
          "sample",
          "plan",
          "--margin",
          "0.05",
          "--kappa",
          "0.6",
          "--prevalence",
          "0.3",
          "--kappa-half-width",
          "0.2",
          "--size",
          n);
    }
  }

  @Test
  void anEmptyFrameIsRefusedWithOneMessageForDrawingAndPlanning() {
    refused(
        "the frame 'all' is empty: there is nothing to sample",
        "sample",
        "--name",
        "x",
        "--size",
        "1");
    refused(
        "the frame 'all' is empty: there is nothing to sample",
        "sample",
        "--name",
        "x",
        "--margin",
        "0.05");
    refused(
        "the frame 'all' is empty: there is nothing to plan for",
        "sample",
        "plan",
        "--margin",
        "0.05");
  }

  // ---- repositories ignoring case

  @Test
  void anIssueImportedUnderAnotherSpellingOfItsRepositoryIsTheSameIssue() throws Exception {
    ok(run("import", issue("1.jsonl", "a/b", 1, "first").toString()));
    Cli.Result again = ok(run("import", issue("2.jsonl", "A/B", 1, "second").toString()));
    assertThat(again.out()).startsWith("1 issue: 0 new, 1 updated, 0 unchanged");
    ok(run("import", issue("3.jsonl", "A/b", 2, "third").toString()));
    List<JsonNode> rows = new ArrayList<>();
    for (String line : ok(run("issues", "--format", "jsonl")).out().split("\n")) {
      rows.add(JSON.readTree(line));
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("repo").asText()).isEqualTo("a/b");
    assertThat(rows.get(0).get("title").asText()).isEqualTo("second");
    // the first spelling seen is kept, and with it one framework
    assertThat(rows.get(1).get("repo").asText()).isEqualTo("a/b");
    assertThat(rows.stream().map(r -> r.get("framework").asText()).distinct()).containsExactly("b");
  }

  @Test
  void outsideLabelsAndAdjudicationFindAnIssueWhateverTheCaseOfItsRepository() throws Exception {
    ok(run("import", labelled("l.jsonl", "gpu", "api").toString()));
    Path predictions = TestIssues.write(dir, "p.csv", "repo,number,label\nA/B,3,crash\n");
    ok(run("import", predictions.toString(), "--run", "csv"));
    Cli.Result listed =
        ok(run("issues", "--run", "csv", "--format", "jsonl", "--where", "number = 3"));
    assertThat(JSON.readTree(listed.out()).get("primary").asText()).isEqualTo("crash");
    ok(
        run(
            "sample",
            "--name",
            "s",
            "--size",
            "" + ISSUES,
            "--annotators",
            "x,y",
            "--overlap",
            "1"));
    ok(run("simulate", "--sample", "s", "--annotator", "x", "--accuracy", "0.5", "--seed", "1"));
    ok(run("simulate", "--sample", "s", "--annotator", "y", "--accuracy", "0.5", "--seed", "2"));
    Cli.Result lower = ok(run("adjudicate", "--sample", "s", "--issue", "a/b#3"));
    Cli.Result upper = ok(run("adjudicate", "--sample", "s", "--issue", "A/B#3"));
    assertThat(upper.out()).isEqualTo(lower.out()).startsWith("a/b#3");
  }
}
