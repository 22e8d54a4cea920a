package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.model.IssueKey;
import org.labellens.service.Project;
import org.labellens.testing.Cli;
import org.labellens.testing.StudyProjects;

/** The sampling and annotation commands through {@link CliMain#execute}, on a temporary project. */
class SamplingCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path db;
  int frameSize;

  Cli.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--db");
    all.add(db.toString());
    return Cli.run(all.toArray(String[]::new));
  }

  @BeforeEach
  void setUp() {
    List<StudyProjects.Spec> specs = StudyProjects.specs(8);
    frameSize = specs.size();
    try (Project p = StudyProjects.create(dir, specs)) {
      db = p.file();
    }
  }

  int sampleCount() {
    try (Project p = Project.open(db)) {
      return p.samples().list().size();
    }
  }

  @Test
  void sampleJsonHasTheDocumentedShape() throws Exception {
    Cli.Result r =
        run(
            "sample",
            "--name",
            "pilot",
            "--size",
            "30",
            "--run",
            StudyProjects.RUN,
            "--strata",
            "framework,predicted",
            "--annotators",
            "a,b,c",
            "--overlap",
            "0.2",
            "--seed",
            "4",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(names(doc)).startsWith("name", "seed", "size");
    assertThat(names(doc)).contains("strata", "items");
    assertThat(doc.get("name").asText()).isEqualTo("pilot");
    assertThat(doc.get("seed").asLong()).isEqualTo(4);
    assertThat(doc.get("size").asInt()).isEqualTo(30);
    assertThat(doc.get("parameters").get("min_per_stratum").asInt()).isEqualTo(2);
    assertThat(doc.get("parameters").get("overlap").decimalValue()).isEqualByComparingTo("0.2");
    JsonNode stratum = doc.get("strata").get(0);
    assertThat(names(stratum)).contains("key", "population", "size", "inclusion_probability");
    assertThat(names(stratum.get("key"))).containsExactly("framework", "predicted");
    assertThat(stratum.get("inclusion_probability").asDouble())
        .isEqualTo(stratum.get("size").asDouble() / stratum.get("population").asDouble());
    JsonNode item = doc.get("items").get(0);
    assertThat(names(item)).contains("repo", "number", "stratum", "annotators");
    // overlap: ceil(0.2 × 30) = 6 items to all three annotators, the other 24 eight each
    int overlap = 0;
    int[] own = new int[3];
    for (JsonNode i : doc.get("items")) {
      if (i.get("annotators").size() == 3) {
        overlap++;
      } else {
        assertThat(i.get("annotators")).hasSize(1);
        own[List.of("a", "b", "c").indexOf(i.get("annotators").get(0).asText())]++;
      }
    }
    assertThat(overlap).isEqualTo(6);
    assertThat(own).containsExactly(8, 8, 8);

    Cli.Result table = run("samples");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("pilot: 30 of " + frameSize).contains("0/14");
    Cli.Result samplesJson = run("samples", "--format", "json");
    JsonNode progress = JSON.readTree(samplesJson.out()).get("samples").get(0).get("annotators");
    assertThat(progress.get(0).get("assigned").asInt()).isEqualTo(14);
    assertThat(progress.get(0).get("decided").asInt()).isZero();
  }

  @Test
  void theTablePrintsEachStratumsPopulationSizeAndInclusionProbability() {
    Cli.Result r = run("sample", "--name", "t", "--margin", "0.1", "--strata", "framework");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("stratum", "population", "size", "inclusion")
        .contains("vLLM")
        .contains("llama.cpp")
        .contains("total");
  }

  @Test
  void unknownStratumKeyExitsOneAndWritesNothing() {
    Cli.Result r = run("sample", "--name", "x", "--size", "10", "--strata", "framework,color");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: unknown stratum key 'color'");
    assertThat(r.err().lines()).hasSize(1);
    assertThat(sampleCount()).isZero();
  }

  @Test
  void sizeLargerThanTheFrameExitsOne() {
    Cli.Result r = run("sample", "--name", "x", "--size", String.valueOf(frameSize + 1));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: --size "
                + (frameSize + 1)
                + " is larger than the frame ("
                + frameSize
                + " issues)\n");
    assertThat(sampleCount()).isZero();
  }

  @Test
  void overlapOutsideTheUnitIntervalExitsOne() {
    for (String f : List.of("1.5", "-0.2", "abc")) {
      Cli.Result r =
          run("sample", "--name", "x", "--size", "10", "--annotators", "a,b", "--overlap", f);
      assertThat(r.code()).as(f).isEqualTo(1);
      assertThat(r.err()).startsWith("error: --overlap");
    }
    assertThat(sampleCount()).isZero();
  }

  @Test
  void badUsageExitsTwo() {
    Cli.Result noName = run("sample", "--size", "10");
    assertThat(noName.code()).isEqualTo(2);
    assertThat(noName.err()).contains("Missing required option: '--name=S'");
    Cli.Result noSize = run("sample", "--name", "x");
    assertThat(noSize.code()).isEqualTo(2);
    assertThat(noSize.err()).contains("specify one of these): (--size=N | --margin=E)");
    Cli.Result both = run("sample", "--name", "x", "--size", "10", "--margin", "0.05");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).startsWith("error: --size=N, --margin=E are mutually exclusive");
    assertThat(run("sample", "--name", "x", "--size", "ten").code()).isEqualTo(2);
    assertThat(sampleCount()).isZero();
  }

  @Test
  void anExchangeFileNamingAnIssueOutsideTheSampleExitsOneAndWritesNothing() throws Exception {
    assertThat(run("sample", "--name", "s", "--size", "6", "--annotators", "a").code()).isZero();
    assertThat(run("simulate", "--sample", "s", "--annotator", "a", "--limit", "2").code())
        .isZero();
    Path file = dir.resolve("a.jsonl");
    Cli.Result export = run("annotations", "export", "--annotator", "a", "--out", file.toString());
    assertThat(export.code()).as(export.err()).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(6);
    JsonNode first = JSON.readTree(lines.get(0));
    String bad =
        lines.get(0).replace("\"number\":" + first.get("number").asInt(), "\"number\":424242");
    Path other = dir.resolve("other.jsonl");
    // a new decision (another note), then the bad line: neither may be written
    String fresh = lines.get(1).replace("\"note\":null", "\"note\":\"second look\"");
    assertThat(fresh).isNotEqualTo(lines.get(1));
    Files.writeString(other, fresh + "\n" + bad + "\n");
    Cli.Result r = run("annotations", "import", file.toString(), other.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + other
                + ":2: field 'number': issue "
                + new IssueKey(first.get("repo").asText(), 424242)
                + " is not in sample 's'\n");
    Path after = dir.resolve("after.jsonl");
    run("annotations", "export", "--annotator", "a", "--out", after.toString());
    assertThat(Files.readAllLines(after)).isEqualTo(lines);
    Cli.Result ok = run("annotations", "import", file.toString(), "--format", "json");
    assertThat(ok.code()).isZero();
    assertThat(JSON.readTree(ok.out()).get("added").asInt()).isZero();
    assertThat(JSON.readTree(ok.out()).get("already_present").asInt()).isEqualTo(6);
  }

  @Test
  void simulatePrintsOnlyCommittedDecisions() throws Exception {
    assertThat(
            run("sample", "--name", "s", "--size", "8", "--annotators", "a,b", "--overlap", "0.5")
                .code())
        .isZero();
    Cli.Result r = run("simulate", "--sample", "s", "--annotator", "b", "--accuracy", "0.9");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(6 * 3);
    Set<String> printed = new HashSet<>();
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      assertThat(names(n))
          .containsExactly("repo", "number", "annotator", "dimension", "value", "phase");
      printed.add(
          n.get("repo").asText()
              + "#"
              + n.get("number").asInt()
              + " "
              + n.get("dimension").asText()
              + " "
              + n.get("phase").asText()
              + " "
              + n.get("value"));
    }
    Set<String> stored = new HashSet<>();
    try (Project p = Project.open(db)) {
      for (var item : p.annotations().queue("s", "b").items()) {
        for (Decision d : p.annotations().decisions("s", "b", item.issue())) {
          stored.add(
              d.issue()
                  + " "
                  + d.dimension()
                  + " "
                  + d.phase().key()
                  + " "
                  + JSON.readTree(d.value().toJson()));
        }
      }
    }
    assertThat(stored).containsAll(printed);
    assertThat(r.err()).contains("6 items, 18 decisions; 0 items left");
  }

  @Test
  void planPrintsCochranAndTheKappaOverlap() throws Exception {
    Cli.Result r =
        run(
            "sample",
            "plan",
            "--population",
            "12349",
            "--margin",
            "0.05",
            "--kappa",
            "0.8",
            "--prevalence",
            "0.5",
            "--kappa-half-width",
            "0.1",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode plan = JSON.readTree(r.out());
    assertThat(plan.get("total").asInt()).isEqualTo(373);
    assertThat(plan.get("kappa").get("items").asInt()).isEqualTo(139);
    assertThat(plan.get("kappa").get("overlap").decimalValue()).isEqualByComparingTo("0.38");
    Cli.Result strata = run("sample", "plan", "--margin", "0.1", "--strata", "framework");
    assertThat(strata.code()).as(strata.err()).isZero();
    assertThat(strata.out()).contains("SGLang").contains("unstratified");
    assertThat(run("sample", "plan").code()).isEqualTo(1);
  }

  private static List<String> names(JsonNode n) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
