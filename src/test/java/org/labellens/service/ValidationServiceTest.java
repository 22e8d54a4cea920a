package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.stats.LabelValidation;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.io.ValidationReportWriter;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;

/** {@code validate} on a small stratified project with simulated annotators. */
class ValidationServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path db;

  @BeforeAll
  static void setUp() {
    try (Project p = LeadProjects.create(dir, 30, 120, "0.5", false)) {
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
  void weightedAndUnweightedFiguresDifferOnAStratifiedSample() {
    ValidationReport report;
    try (Project p = Project.open(db)) {
      report = p.validation().validate(LeadProjects.SAMPLE, null, 200, 1);
    }
    DimensionValidation.Outcome category = report.dimension("category").orElseThrow();
    int differing = 0;
    for (LabelValidation l : category.figures().perLabel()) {
      if (!l.precision().estimate().isDefined() || l.precisionUnweighted().trials() == 0) {
        continue;
      }
      double weighted = l.precision().estimate().value();
      double unweighted =
          (double) l.precisionUnweighted().successes() / l.precisionUnweighted().trials();
      double share = l.estimatedShare().estimate().value();
      double sampleShare = (double) l.shareUnweighted().successes() / l.shareUnweighted().trials();
      if (Math.abs(weighted - unweighted) > 1e-9 || Math.abs(share - sampleShare) > 1e-9) {
        differing++;
      }
    }
    assertThat(differing).isGreaterThan(0);
    // and every table for people says which kind of figure it shows
    String table = ValidationReportWriter.write(report, ReportFormat.TABLE);
    for (String line : table.split("\n")) {
      if (line.startsWith("Precision, recall and F1") || line.startsWith("True share")) {
        assertThat(line).contains("design-weighted");
      }
      if (line.startsWith("Precision and recall per label")) {
        assertThat(line).contains("unweighted").contains("NOT population figures");
      }
    }
    assertThat(table).contains("design-weighted").contains("NOT population figures");
  }

  @Test
  void theCsvExportAloneGivesValidatesFigures() throws Exception {
    ValidationReport report;
    Path csv = dir.resolve("recompute.csv");
    try (Project p = Project.open(db)) {
      report = p.validation().validate(LeadProjects.SAMPLE, null, 0, 1);
      p.export().export(LeadProjects.SAMPLE, "csv", csv, false);
    }
    List<String> lines =
        List.of(java.nio.file.Files.readString(csv).split("\r\n(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
    List<String> header = cells(lines.get(0));
    DimensionValidation.Outcome category = report.dimension("category").orElseThrow();
    boolean someTie = false;
    for (LabelValidation l : category.figures().perLabel()) {
      int gold = header.indexOf("gold_category_" + l.label());
      int weight = header.indexOf("weight_category_" + l.label());
      int predicted = header.indexOf("predicted_category");
      assertThat(gold).as(l.label()).isPositive();
      assertThat(weight).as(l.label()).isPositive();
      double all = 0;
      double pred = 0;
      double in = 0;
      double both = 0;
      for (String line : lines.subList(1, lines.size())) {
        List<String> c = cells(line);
        if (c.get(weight).isEmpty()) {
          someTie |= c.get(gold).isEmpty() && !c.get(predicted).isEmpty();
          continue;
        }
        double w = Double.parseDouble(c.get(weight));
        List<String> p = List.of(c.get(predicted).split(";"));
        boolean isPredicted =
            l.label().equals("other")
                ? c.get(predicted).equals(org.labellens.io.ExportWriter.EMPTY_SET)
                : p.contains(l.label());
        boolean isGold = c.get(gold).equals("1");
        all += w;
        pred += isPredicted ? w : 0;
        in += isGold ? w : 0;
        both += isPredicted && isGold ? w : 0;
      }
      check(l.precision().estimate(), both, pred);
      check(l.recall().estimate(), both, in);
      check(l.estimatedShare().estimate(), in, all);
    }
    assertThat(someTie).as("the project has items tied on some label").isTrue();
    assertThat(header).contains("design_weight").doesNotContain("weight");
  }

  private static void check(org.labellens.core.stats.Coefficient c, double num, double den) {
    if (den == 0) {
      assertThat(c.isDefined()).isFalse();
    } else {
      assertThat(c.value()).isCloseTo(num / den, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  /** Splits one RFC 4180 record into its cells. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  @Test
  void everyNullInTheJsonCarriesAReasonAndEveryFigureItsUnresolvedItems() throws Exception {
    for (String replicates : List.of("0", "50")) {
      Cli.Result r =
          run(
              "validate",
              "--sample",
              LeadProjects.SAMPLE,
              "--bootstrap",
              replicates,
              "--format",
              "json");
      assertThat(r.code()).as(r.err()).isZero();
      JsonNode doc = JSON.readTree(r.out());
      List<String> missing = new ArrayList<>();
      nullsWithoutReason(doc, "", missing);
      assertThat(missing).as(replicates).isEmpty();
      int bounded = 0;
      for (Iterator<String> d = doc.get("dimensions").fieldNames(); d.hasNext(); ) {
        String dimension = d.next();
        JsonNode labels = doc.get("dimensions").get(dimension).get("labels");
        for (Iterator<String> l = labels.fieldNames(); l.hasNext(); ) {
          JsonNode label = labels.get(l.next());
          assertThat(label.get("classifier_share").isNumber()).as(dimension).isTrue();
          for (String key : List.of("precision", "recall", "f1", "estimated_share")) {
            JsonNode m = label.get(key);
            assertThat(m.get("weight").asText()).startsWith("N_h/m_h");
            assertThat(m.has("unresolved")).isTrue();
            assertThat(m.get("bounds").isNull()).isEqualTo(m.get("unresolved").asInt() == 0);
            bounded += m.get("unresolved").asInt() > 0 ? 1 : 0;
            if (m.get("value").isNumber() && m.get("bounds").isArray()) {
              assertThat(m.get("bounds").get(0).asDouble())
                  .isLessThanOrEqualTo(m.get("bounds").get(1).asDouble());
            }
          }
          if (label.get("precision").get("value").isNull()) {
            assertThat(label.get("f1").get("value").isNull()).isTrue();
            assertThat(label.get("f1").get("reason").asText()).contains("precision");
          }
        }
      }
      assertThat(bounded).as("the project has ties, so some figure has bounds").isPositive();
    }
  }

  private static void nullsWithoutReason(JsonNode node, String path, List<String> missing) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        JsonNode v = node.get(key);
        boolean reason = node.has(key + "_reason") || (key.equals("value") && node.has("reason"));
        if (v.isNull() && !reason) {
          missing.add(path + "/" + key);
        }
        if (v.isArray() && key.equals("bounds")) {
          for (JsonNode b : v) {
            if (b.isNull() && !node.has("bounds_reason")) {
              missing.add(path + "/bounds[]");
            }
          }
        }
        nullsWithoutReason(v, path + "/" + key, missing);
      }
    } else if (node.isArray()) {
      for (JsonNode v : node) {
        nullsWithoutReason(v, path + "[]", missing);
      }
    }
  }

  @Test
  void jsonHasTheSpecShape() throws Exception {
    Cli.Result r =
        run("validate", "--sample", LeadProjects.SAMPLE, "--bootstrap", "100", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(names(doc))
        .startsWith(
            "sample",
            "run",
            "gold_items",
            "unresolved_items",
            "categories",
            "by_framework",
            "keywords");
    JsonNode memory = doc.get("categories").get("memory");
    for (String key : List.of("precision", "recall", "f1", "estimated_share")) {
      assertThat(memory.get(key).has("value")).as(key).isTrue();
      assertThat(memory.get(key).get("ci95").size()).as(key).isEqualTo(2);
      assertThat(memory.get(key).get("weighted").asBoolean()).isTrue();
    }
    assertThat(memory.get("classifier_share").isNumber()).isTrue();
    assertThat(memory.get("unweighted").get("precision").get("weighted").asBoolean()).isFalse();
    JsonNode vllm = doc.get("by_framework").get("vLLM").get("memory");
    assertThat(vllm.has("classifier_share")).isTrue();
    assertThat(vllm.get("estimated_share").has("ci95")).isTrue();
    JsonNode keyword = doc.get("keywords").get(0);
    assertThat(names(keyword)).startsWith("keyword", "label", "fired", "precision");
    assertThat(keyword.get("precision").has("ci95")).isTrue();
    assertThat(doc.get("gold_items").asInt()).isPositive();
  }

  @Test
  void keywordsAreRankedByExpectedFalsePositives() throws Exception {
    Cli.Result r =
        run("validate", "--sample", LeadProjects.SAMPLE, "--bootstrap", "0", "--format", "json");
    JsonNode keywords = JSON.readTree(r.out()).get("keywords");
    double previous = Double.MAX_VALUE;
    for (JsonNode k : keywords) {
      double fp = k.get("expected_false_positives").asDouble();
      assertThat(fp).isLessThanOrEqualTo(previous);
      previous = fp;
    }
    JsonNode oom = null;
    for (JsonNode k : keywords) {
      if (k.get("keyword").asText().equals("oom")) {
        oom = k;
      }
    }
    assertThat(oom).isNotNull();
    assertThat(oom.get("fields").has("body:log")).isTrue();
  }

  @Test
  void theSameSeedGivesTheSameBytes() {
    Cli.Result a = run("validate", "--sample", LeadProjects.SAMPLE, "--bootstrap", "300");
    Cli.Result b = run("validate", "--sample", LeadProjects.SAMPLE, "--bootstrap", "300");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out());
    Cli.Result c =
        run("validate", "--sample", LeadProjects.SAMPLE, "--bootstrap", "300", "--seed", "2");
    assertThat(c.out()).isNotEqualTo(a.out());
  }

  @Test
  void unknownSampleIsAnErrorLine() {
    Cli.Result r = run("validate", "--sample", "nope");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: no sample named 'nope'");
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
