package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.labellens.core.BadInputException;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.FuzzBudget;
import org.labellens.testing.JsonTrees;
import org.labellens.testing.Mutation;
import org.labellens.testing.ProjectDigest;

/**
 * Hostile taxonomy files through classification ({@link ClassifyService#classify}, what {@code
 * classify --taxonomy FILE} runs) and hostile annotation exchange files through {@link
 * ExchangeService#importFiles} ({@code annotations import}): the shipped taxonomy and a real
 * export, damaged by random edits, and random JSON. Either the work is done, or a {@link
 * BadInputException} names the file and where in it (line, or JSON path for a taxonomy) and the
 * project is unchanged.
 */
@AddLifecycleHook(FuzzBudget.class)
class TaxonomyAndExchangeFuzzTest {
  private static Path dir;
  private static Path db;
  private static Path pristine;
  private static String pristineDigest;
  private static Project project;
  private static String taxonomy;
  private static String exchange;
  private static int files;

  @BeforeContainer
  static void createProject() throws Exception {
    dir = FastTempDir.create("taxonomy-exchange-fuzz");
    try (Project p = ExchangeServiceTest.project(dir.resolve("made"))) {
      p.simulation().run(new SimulationService.Request("s", "a", 0.8, 1, 6), d -> {});
      p.simulation().run(new SimulationService.Request("s", "b", 0.7, 2, 4), d -> {});
      Path export = dir.resolve("a.jsonl");
      p.exchange().export("a", "s", export, false);
      exchange = Files.readString(export);
      db = p.file();
    }
    assertThat(exchange.lines()).hasSizeGreaterThan(3);
    try (InputStream in =
        TaxonomyAndExchangeFuzzTest.class.getResourceAsStream(
            "/org/labellens/taxonomy/study-v1.json")) {
      taxonomy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    pristine = dir.resolve("pristine.db");
    Files.copy(db, pristine);
    pristineDigest = ProjectDigest.of(db);
    project = Project.open(db);
  }

  @AfterContainer
  static void remove() throws IOException {
    project.close();
    FastTempDir.delete(dir);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.some(1, 4);
  }

  @Provide
  Arbitrary<String> json() {
    return JsonTrees.value(4);
  }

  @Property(tries = 60, seed = "20251220", edgeCases = EdgeCasesMode.NONE)
  void damagedTaxonomiesClassifyOrFailClearly(@ForAll("mutations") List<Mutation> edits) {
    classify(Mutation.applyAll(taxonomy.getBytes(StandardCharsets.UTF_8), edits));
  }

  @Property(tries = 60, seed = "20251221", edgeCases = EdgeCasesMode.NONE)
  void taxonomiesOfAnyShapeFailClearly(@ForAll("json") String json) {
    classify(json.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 120, seed = "20251222", edgeCases = EdgeCasesMode.NONE)
  void damagedExchangeFilesImportOrFailClearly(@ForAll("mutations") List<Mutation> edits) {
    importExchange(Mutation.applyAll(exchange.getBytes(StandardCharsets.UTF_8), edits));
  }

  @Property(tries = 60, seed = "20251223", edgeCases = EdgeCasesMode.NONE)
  void exchangeLinesOfAnyShapeFailClearly(@ForAll("json") String json, @ForAll boolean first) {
    String line = json.replace("\n", " ");
    String content = first ? line + "\n" + exchange : exchange + line + "\n";
    importExchange(content.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 20, seed = "20251224", edgeCases = EdgeCasesMode.NONE)
  void classifyCommandGivesOneErrorLine(@ForAll("mutations") List<Mutation> edits)
      throws IOException {
    Path file = dir.resolve(++files + "-taxonomy.json");
    Files.write(file, Mutation.applyAll(taxonomy.getBytes(StandardCharsets.UTF_8), edits));
    Path copy = dir.resolve("cli.db");
    Files.copy(pristine, copy, StandardCopyOption.REPLACE_EXISTING);
    Cli.Result r =
        Cli.run("classify", "--db", copy.toString(), "--taxonomy", file.toString(), "--run", "x");
    Statistics.label("exit code").collect(r.code());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    if (r.code() == 1) {
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.errorLine())
          .contains(file.toString())
          .doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
      assertThat(ProjectDigest.of(copy)).isEqualTo(pristineDigest);
    }
  }

  /** Messages the fuzzer found unclear: a limit without a line, Jackson's names, a coding error. */
  @net.jqwik.api.Example
  void taxonomyMessagesSayWhereAndWhat() throws IOException {
    String digits = "{\"name\": " + "9".repeat(1200) + "}";
    assertThat(refusal(digits.getBytes(StandardCharsets.UTF_8)))
        .contains(": not valid JSON at line 1, column 10: ")
        .contains("exceeds the maximum allowed (1000)")
        .doesNotContain("`");
    assertThat(refusal("{} {}".getBytes(StandardCharsets.UTF_8)))
        .endsWith("more text after the end of the JSON document");
    assertThat(refusal(new byte[] {'{', (byte) 0xC3, '}'})).endsWith("the file is not valid UTF-8");
  }

  private static String refusal(byte[] content) {
    Path file = write("taxonomy.json", content);
    try {
      project.classifier().taxonomy(file.toString());
    } catch (BadInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted " + file);
  }

  private static void classify(byte[] content) {
    Path file = write("taxonomy.json", content);
    try {
      project
          .classifier()
          .classify(file.toString(), "run-" + files, Progress.NONE, new Cancellation());
    } catch (BadInputException e) {
      refused(
          e,
          file,
          ": (not valid JSON at line \\d+, column \\d+|empty file|cannot read|the file is not valid UTF-8|(\\d+ problems: )?\\$).*"
              + "| predicts no set of categories.*");
      return;
    }
    accepted();
  }

  private static void importExchange(byte[] content) {
    Path file = write("decisions.jsonl", content);
    try {
      project.exchange().importFiles(List.of(file));
    } catch (BadInputException e) {
      refused(e, file, ":\\d+: .*");
      return;
    }
    accepted();
  }

  private static Path write(String name, byte[] content) {
    Path file = dir.resolve(++files + "-" + name);
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  /** The message names the file and where in it; the project is as it was. */
  private static void refused(BadInputException e, Path file, String where) {
    Statistics.label("outcome").collect("refused");
    String m = e.getMessage();
    assertThat(m).doesNotContain("\n").doesNotContain("Exception").contains(file.toString());
    String rest = m.substring(m.indexOf(file.toString()) + file.toString().length());
    assertThat(rest).as(m).matches("(?s)" + where);
    assertThat(ProjectDigest.of(db)).as(m).isEqualTo(pristineDigest);
  }

  private static void accepted() {
    Statistics.label("outcome").collect("done");
    try {
      project.close();
      Files.copy(pristine, db, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
      project = Project.open(db);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
