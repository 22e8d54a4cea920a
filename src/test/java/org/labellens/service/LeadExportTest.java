package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.io.AtomicFile;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;

/** {@code export}: formats, formula neutralisation, atomic writes, Label Studio's task schema. */
class LeadExportTest {
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

  Path export(String format, String name, String... extra) {
    Path out = dir.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--sample",
                LeadProjects.SAMPLE,
                "--format",
                format,
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    Cli.Result r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  @Test
  void csvNeutralisesCellsThatStartLikeFormulas() throws IOException {
    String csv = Files.readString(export("csv", "labels.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("repo,number,framework,url,title,stratum,design_weight,overlap,");
    assertThat(csv).contains(",'=SUM(A1:A2) looks like a formula,");
    assertThat(csv).contains(",'+1 for this,");
    assertThat(csv).contains(",'-2 degrades,");
    assertThat(csv).contains(",'@mention the team,");
    for (String line : csv.split("\r\n")) {
      for (String cell : line.split(",")) {
        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(c).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
  }

  @Test
  void everyFormatGivesTheSameBytesTwice() throws IOException {
    for (String format : List.of("csv", "jsonl", "json", "labelstudio")) {
      byte[] a = Files.readAllBytes(export(format, "a." + format));
      byte[] b = Files.readAllBytes(export(format, "b." + format));
      assertThat(a).as(format).isEqualTo(b);
    }
  }

  @Test
  void jsonlHasOneIssuePerLineWithGoldAndDecisions() throws IOException {
    List<String> lines = Files.readAllLines(export("jsonl", "labels.jsonl"));
    assertThat(lines).hasSize(80);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.has("repo")).isTrue();
    assertThat(first.get("gold").has("category")).isTrue();
    assertThat(first.get("annotations").isArray()).isTrue();
  }

  @Test
  void goldOnlyLeavesOutUnresolvedItemsAndDecisions() throws IOException {
    JsonNode all = JSON.readTree(export("json", "all.json").toFile());
    JsonNode gold = JSON.readTree(export("json", "gold.json", "--gold-only").toFile());
    assertThat(gold.get("issues").size()).isLessThan(all.get("issues").size());
    for (JsonNode issue : gold.get("issues")) {
      assertThat(issue.has("annotations")).isFalse();
      issue
          .get("gold")
          .forEach(g -> assertThat(g.get("source").asText()).isNotEqualTo("unresolved"));
    }
  }

  @Test
  void labelStudioExportValidatesAgainstTheTaskSchema() throws IOException {
    Path out = export("labelstudio", "tasks.json");
    Schema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/org/labellens/io/labelstudio-tasks.schema.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(JSON.readTree(in));
    }
    JsonNode tasks = JSON.readTree(out.toFile());
    List<Error> errors = schema.validate(tasks);
    assertThat(errors).isEmpty();
    assertThat(tasks.size()).isEqualTo(80);
    JsonNode task = tasks.get(0);
    assertThat(task.get("data").get("text").asText()).isNotEmpty();
    assertThat(task.get("predictions").get(0).get("model_version").asText()).isEqualTo("outside");
    // the schema is not vacuous: a task with a wrong result type fails it
    JsonNode broken =
        JSON.readTree(
            "[{\"data\":{\"text\":\"x\"},\"annotations\":[{\"result\":[{\"from_name\":\"category\","
                + "\"to_name\":\"text\",\"type\":\"labels\",\"value\":{\"choices\":[\"gpu\"]}}]}]}]");
    assertThat(schema.validate(broken)).isNotEmpty();
    assertThat(schema.validate(JSON.readTree("[{\"id\":1,\"data\":{\"text\":\"x\"}}]")))
        .isNotEmpty();
  }

  @Test
  void anUnwritableDestinationFailsClearlyAndLeavesNothing() throws IOException {
    Path missing = dir.resolve("no-such-dir").resolve("x.csv");
    Cli.Result r =
        run(
            "export",
            "--sample",
            LeadProjects.SAMPLE,
            "--format",
            "csv",
            "--out",
            missing.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: ").contains("cannot write");
    assertThat(missing).doesNotExist();

    Path isDir = Files.createDirectories(dir.resolve("a-directory.csv"));
    r =
        run(
            "export",
            "--sample",
            LeadProjects.SAMPLE,
            "--format",
            "csv",
            "--out",
            isDir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: ").contains("cannot write");
    assertThat(isDir).isDirectory();

    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "x");
    r =
        run(
            "export",
            "--sample",
            LeadProjects.SAMPLE,
            "--format",
            "csv",
            "--out",
            blocked.resolve("x.csv").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: ");
  }

  @Test
  void aWriteThatFailsMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("midway").resolve("out.csv");
    Files.createDirectories(target.getParent());
    Files.writeString(target, "old");
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    w -> {
                      w.write("partial");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("cannot write")
        .hasMessageContaining("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files.toList()).containsExactly(target);
    }
  }
}
