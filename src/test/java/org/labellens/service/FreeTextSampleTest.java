package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.review.UnresolvedItem;
import org.labellens.core.review.ValidationReport;

/**
 * A sample of a taxonomy with a free-text dimension, decided by two annotators who wrote different
 * texts: agreement, validation and adjudication leave the text out without failing, and every
 * export carries it as written.
 */
class FreeTextSampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "texts";

  @TempDir static Path dir;
  static Project project;

  static String text(String annotator, int i) {
    return annotator + " wrote, item " + i + ": \"pip\", 2 GB, \u00e9t\u00e9; =1+1";
  }

  @BeforeAll
  static void setUp() throws IOException {
    Path issues = dir.resolve("real-bodies.jsonl");
    try (InputStream in = FreeTextSampleTest.class.getResourceAsStream("real-bodies.jsonl")) {
      Files.copy(in, issues);
    }
    Path taxonomy = dir.resolve("team.json");
    Files.writeString(
        taxonomy,
        """
        {"name": "team", "version": "3", "dimensions": [
          {"id": "category", "kind": "set", "match": {"mode": "word"},
           "labels": [{"id": "install", "rules": [{"keywords": ["install", "pip"]}]},
                      {"id": "memory", "rules": [{"keywords": ["memory", "oom"]}]}]},
          {"id": "rationale", "kind": "text", "description": "why, in a sentence"}]}
        """);
    project = Project.create(dir.resolve("p.db"));
    project
        .imports()
        .importFiles(List.of(issues), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
    String run =
        project
            .classifier()
            .classify(taxonomy.toString(), null, Progress.NONE, new Cancellation())
            .run();
    project
        .samples()
        .draw(
            new SampleRequest(
                SAMPLE,
                6,
                null,
                null,
                run,
                null,
                null,
                null,
                null,
                7L,
                List.of("ana", "ben"),
                "1",
                false));
    for (String annotator : List.of("ana", "ben")) {
      List<QueueItem> queue = project.annotations().queue(SAMPLE, annotator).items();
      for (int i = 0; i < queue.size(); i++) {
        List<Decision> item = new ArrayList<>();
        item.add(
            Decision.of(
                SAMPLE,
                queue.get(i).issue(),
                annotator,
                "category",
                DecisionValue.set(
                    i % 2 == 0 || annotator.equals("ana") ? List.of("memory") : List.of()),
                Phase.REVEALED));
        item.add(
            Decision.of(
                SAMPLE,
                queue.get(i).issue(),
                annotator,
                "rationale",
                DecisionValue.single(text(annotator, i)),
                Phase.REVEALED));
        project.annotations().decideAll(item);
      }
    }
  }

  @AfterAll
  static void close() {
    project.close();
  }

  @Test
  void theSchemeHasTheTextDimensionWithoutLabels() {
    assertThat(project.annotations().scheme(SAMPLE).dimension("rationale"))
        .hasValueSatisfying(
            d -> {
              assertThat(d.kind()).isEqualTo(ValueKind.TEXT);
              assertThat(d.labels()).isEmpty();
            });
  }

  @Test
  void theTextIsStoredExactlyAsGiven() {
    QueueItem first = project.annotations().queue(SAMPLE, "ana").items().get(0);
    assertThat(project.annotations().decisions(SAMPLE, "ana", first.issue()))
        .filteredOn(d -> d.dimension().equals("rationale"))
        .extracting(d -> d.value().label())
        .containsExactly(text("ana", 0));
  }

  @Test
  void agreementLeavesTheTextOutAndRefusesToBeAskedForIt() {
    SampleAgreement a = project.sampleAgreement().agreement(SAMPLE, null, 0, 1);
    assertThat(a.dimensions()).containsKey("category").doesNotContainKey("rationale");
    assertThat(a.classifier())
        .extracting(SampleAgreement.ClassifierRow::dimension)
        .doesNotContain("rationale");
    assertThatThrownBy(() -> project.sampleAgreement().agreement(SAMPLE, "rationale", 0, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'rationale' is free text");
  }

  @Test
  void validationLeavesTheTextOutAndListsNoTextAsUnresolved() {
    ValidationReport r = project.validation().validate(SAMPLE, null, 0, 1);
    assertThat(r.dimensions()).extracting(o -> o.dimension()).containsExactly("category");
    assertThat(r.unresolved()).extracting(UnresolvedItem::dimension).doesNotContain("rationale");
  }

  @Test
  void aTextCannotBeAdjudicated() {
    QueueItem first = project.annotations().queue(SAMPLE, "ana").items().get(0);
    assertThatThrownBy(
            () ->
                project
                    .adjudication()
                    .adjudicate(
                        SAMPLE, first.issue(), "rationale", DecisionValue.single("x"), null, "lea"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("free text");
  }

  @Test
  void aTooLongTextIsRefusedAndNothingIsStored() {
    QueueItem first = project.annotations().queue(SAMPLE, "ana").items().get(0);
    int before = project.annotations().sampleDecisions(SAMPLE).size();
    assertThatThrownBy(
            () ->
                project
                    .annotations()
                    .record(
                        Decision.of(
                            SAMPLE,
                            first.issue(),
                            "ana",
                            "rationale",
                            DecisionValue.single("x".repeat(2001)),
                            Phase.REVEALED)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("has 2001 characters; at most 2000 are allowed");
    assertThat(project.annotations().sampleDecisions(SAMPLE)).hasSize(before);
  }

  @Test
  void everyExportCarriesTheTextAsWrittenAndNoGoldForIt() throws IOException {
    String csv = export("csv");
    String header = csv.substring(0, csv.indexOf("\r\n"));
    assertThat(header).contains("ana_rationale", "ben_rationale", "gold_category");
    assertThat(header).doesNotContain("gold_rationale", "predicted_rationale");
    // the CSV quotes the cell (comma, quotes); a leading '=' would be neutralised, this one is
    // inside
    assertThat(csv).contains("\"ana wrote, item 0: \"\"pip\"\", 2 GB, \u00e9t\u00e9; =1+1\"");

    export("jsonl");
    List<String> lines = Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8);
    List<String> texts = new ArrayList<>();
    for (String line : lines) {
      JsonNode issue = JSON.readTree(line);
      assertThat(issue.get("gold").has("rationale")).isFalse();
      for (JsonNode d : issue.get("annotations")) {
        if (d.get("dimension").asText().equals("rationale")) {
          texts.add(d.get("value").asText());
        }
      }
    }
    assertThat(texts).contains(text("ana", 0), text("ben", 0)).hasSize(2 * lines.size());

    JsonNode tasks = JSON.readTree(export("labelstudio"));
    try (InputStream in =
        FreeTextSampleTest.class.getResourceAsStream(
            "/org/labellens/io/labelstudio-tasks.schema.json")) {
      assertThat(
              SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                  .getSchema(JSON.readTree(in))
                  .validate(tasks))
          .isEmpty();
    }
    List<String> written = new ArrayList<>();
    for (JsonNode task : tasks) {
      for (JsonNode annotation : task.get("annotations")) {
        for (JsonNode result : annotation.get("result")) {
          if (result.get("from_name").asText().equals("rationale")) {
            assertThat(result.get("type").asText()).isEqualTo("textarea");
            assertThat(annotation.get("ground_truth").asBoolean()).isFalse();
            written.add(result.get("value").get("text").get(0).asText());
          }
        }
      }
    }
    assertThat(written).contains(text("ana", 0), text("ben", 0)).hasSize(texts.size());
  }

  private static String export(String format) throws IOException {
    Path out = dir.resolve("out." + format);
    Files.deleteIfExists(out);
    project.export().export(SAMPLE, format, out, false);
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
