package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.GoldSource;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;

/** Agreement in a sample, adjudication and the full report on a blind-first sample. */
class LeadReviewTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void setUp() {
    try (Project p = LeadProjects.create(dir, 20, 80, "0.5", true)) {
      LeadProjects.hostileTitles(p);
      db = p.file();
    }
  }

  static Cli.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db.toString());
    return Cli.run(all.toArray(String[]::new));
  }

  @Test
  void sampleAgreementJsonHasTheSpecShape() throws Exception {
    Cli.Result r =
        run("agreement", "--sample", LeadProjects.SAMPLE, "--bootstrap", "100", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(ValidationServiceTest.names(doc))
        .startsWith("sample", "dimensions", "annotator_vs_classifier");
    JsonNode category = doc.get("dimensions").get("category");
    assertThat(category.get("kind").asText()).isEqualTo("set");
    for (String m : List.of("exact_match", "mean_jaccard", "krippendorff_alpha_masi")) {
      assertThat(category.get("metrics").get(m).has("value")).isTrue();
      assertThat(category.get("metrics").get(m).has("ci95")).isTrue();
    }
    JsonNode memory = category.get("per_label").get("memory");
    assertThat(memory.get("metrics").has("fleiss_kappa")).isTrue();
    assertThat(memory.get("metrics").has("cohen_kappa")).isTrue();
    assertThat(doc.get("dimensions").get("production").get("metrics").has("gwet_ac1")).isTrue();
    JsonNode row = doc.get("annotator_vs_classifier").get(0);
    assertThat(ValidationServiceTest.names(row))
        .startsWith("annotator", "dimension", "label", "cohen_kappa")
        .contains("percent_agreement", "items");
    assertThat(row.get("label").asText()).isEqualTo("memory");
    JsonNode phases = doc.get("blind_vs_revealed");
    assertThat(phases.size()).isPositive();
    assertThat(phases.get(0).has("changed_share")).isTrue();
    int changed = 0;
    for (JsonNode p : phases) {
      changed += p.get("changed").asInt();
    }
    assertThat(changed).as("the simulated annotators revise some blind answers").isPositive();
  }

  @Test
  void oneDimensionOnlyAndUnknownDimension() {
    Cli.Result r =
        run(
            "agreement",
            "--sample",
            LeadProjects.SAMPLE,
            "--dimension",
            "production",
            "--bootstrap",
            "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("production")
        .doesNotContain("Annotators with each other: category");
    Cli.Result bad = run("agreement", "--sample", LeadProjects.SAMPLE, "--dimension", "colour");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.errorLine()).startsWith("error: unknown dimension 'colour'");
    Cli.Result both = run("agreement", "--sample", LeadProjects.SAMPLE, "--ratings", "x.csv");
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void adjudicationResolvesATieAndKeepsHistory() {
    try (Project p = Project.open(db)) {
      List<AdjudicationCase> queue = p.adjudication().queue(LeadProjects.SAMPLE, false);
      assertThat(queue).isNotEmpty();
      ValidationReport before = p.validation().validate(LeadProjects.SAMPLE, null, 0, 1);
      var tie =
          before.unresolved().stream().filter(u -> u.dimension().equals("category")).findFirst();
      assertThat(tie).isPresent();
      AdjudicationCase c = p.adjudication().item(LeadProjects.SAMPLE, tie.get().issue());
      assertThat(c.decisions()).isNotEmpty();
      assertThat(c.predicted()).containsKey("category");
      Adjudication a =
          p.adjudication()
              .adjudicate(
                  LeadProjects.SAMPLE,
                  tie.get().issue(),
                  "category",
                  DecisionValue.set(List.of("gpu", "memory")),
                  "read the traceback",
                  "lea");
      assertThat(a.value().labels()).containsExactly("memory", "gpu");
      p.adjudication()
          .adjudicate(
              LeadProjects.SAMPLE,
              tie.get().issue(),
              "category",
              DecisionValue.set(List.of("memory")),
              null,
              "lea");
      ValidationReport after = p.validation().validate(LeadProjects.SAMPLE, null, 0, 1);
      assertThat(after.unresolved()).hasSize(before.unresolved().size() - 1);
      var gold = after.dimension("category").orElseThrow().gold().get(tie.get().issue());
      assertThat(gold.source()).isEqualTo(GoldSource.ADJUDICATED);
      assertThat(gold.value().labels()).containsExactly("memory");
      assertThat(p.adjudication().history(LeadProjects.SAMPLE, tie.get().issue())).hasSize(2);
      assertThat(p.adjudication().item(LeadProjects.SAMPLE, tie.get().issue()).open()).isFalse();

      assertThatThrownBy(
              () ->
                  p.adjudication()
                      .adjudicate(
                          LeadProjects.SAMPLE,
                          tie.get().issue(),
                          "category",
                          DecisionValue.set(List.of("bogus")),
                          null,
                          "lea"))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("'bogus' is not a label");
      assertThat(p.adjudication().history(LeadProjects.SAMPLE, tie.get().issue())).hasSize(2);
      assertThatThrownBy(
              () ->
                  p.adjudication()
                      .adjudicate(
                          LeadProjects.SAMPLE,
                          tie.get().issue(),
                          "primary",
                          DecisionValue.set(List.of("gpu")),
                          null,
                          "lea"))
          .isInstanceOf(BadInputException.class);
    }
  }

  @Test
  void adjudicateCommandListsAndSets() {
    Cli.Result list = run("adjudicate", "--sample", LeadProjects.SAMPLE);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("items to adjudicate");
    Cli.Result bad =
        run(
            "adjudicate",
            "--sample",
            LeadProjects.SAMPLE,
            "--issue",
            "nowhere/none#1",
            "--dimension",
            "category",
            "--value",
            "gpu");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.errorLine()).contains("is not in sample");
  }

  @Test
  void reportsAreByteIdenticalAndEscapeIssueText() throws Exception {
    for (String ext : List.of("md", "html", "tex")) {
      Path a = dir.resolve("a." + ext);
      Path b = dir.resolve("b." + ext);
      assertThat(
              run(
                      "report",
                      "--sample",
                      LeadProjects.SAMPLE,
                      "--out",
                      a.toString(),
                      "--bootstrap",
                      "200")
                  .code())
          .isZero();
      assertThat(
              run(
                      "report",
                      "--sample",
                      LeadProjects.SAMPLE,
                      "--out",
                      b.toString(),
                      "--bootstrap",
                      "200")
                  .code())
          .isZero();
      assertThat(Files.readAllBytes(a)).as(ext).isEqualTo(Files.readAllBytes(b));
    }
    String html = Files.readString(dir.resolve("a.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<svg").doesNotContain("<script").doesNotContain("src=");
    assertThat(html).doesNotContain("href=").doesNotContain("<link");
    assertThat(html).contains("&lt;script&gt;");
    String tex = Files.readString(dir.resolve("a.tex"), StandardCharsets.UTF_8);
    assertThat(tex)
        .contains("\\begin{document}")
        .contains("\\toprule")
        .contains("\\usepackage{booktabs}");
    assertThat(tex).contains("50\\% of \\$x\\_1\\$ \\#1 \\{braces\\}");
    String md = Files.readString(dir.resolve("a.md"), StandardCharsets.UTF_8);
    assertThat(md).doesNotContain("<script").contains("&lt;script&gt;");
    assertThat(md).contains("\\[link\\]");
    assertThat(md).contains("Sample 'main': a stratified random sample of 80");
    Cli.Result badExt =
        run("report", "--sample", LeadProjects.SAMPLE, "--out", dir.resolve("r.pdf").toString());
    assertThat(badExt.code()).isEqualTo(1);
    assertThat(badExt.errorLine()).contains(".md, .html or .tex");
  }
}
