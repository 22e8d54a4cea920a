package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.core.model.IssueQuery;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.FuzzBudget;
import org.labellens.testing.JsonTrees;
import org.labellens.testing.Mutation;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.TestIssues;

/**
 * Hostile input through the import use case the command line and the window share ({@link
 * ImportService} on an open project): valid files of every format, damaged by random edits, and
 * random JSON documents with values of the wrong type. The only acceptable outcomes are a
 * successful import whose issues can be read back, or a {@link BadInputException} naming the file
 * (and the line, where the file has lines) with the project exactly as it was.
 *
 * <p>Seeded and bounded for the normal suite; see {@link FuzzBudget} to run longer.
 */
@AddLifecycleHook(FuzzBudget.class)
class ImportFuzzTest {
  private static final List<Issue> SEEDED = TestIssues.make(12, 3);
  private static final List<Issue> INCOMING = TestIssues.make(4, 99);

  private static Path dir;
  private static Path db;
  private static Path pristine;
  private static Path cliDb;
  private static String pristineDigest;
  private static Project project;
  private static int files;

  @BeforeContainer
  static void createProject() throws IOException {
    dir = FastTempDir.create("import-fuzz");
    db = dir.resolve("p.db");
    try (Project p = Project.create(db)) {
      Path seed = TestIssues.write(dir, "seed.jsonl", TestIssues.jsonl(SEEDED));
      p.imports()
          .importFiles(List.of(seed), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
      Path predictions = TestIssues.write(dir, "seed-predictions.csv", predictionsCsv(SEEDED));
      p.imports()
          .importFiles(
              List.of(predictions),
              new ImportRequest(null, null, IssueFormat.AUTO, null, "seeded"),
              Progress.NONE,
              new Cancellation());
    }
    pristine = dir.resolve("pristine.db");
    Files.copy(db, pristine);
    pristineDigest = ProjectDigest.of(db);
    cliDb = dir.resolve("cli.db");
    Files.copy(pristine, cliDb);
    project = Project.open(db);
  }

  @AfterContainer
  static void removeProject() throws IOException {
    project.close();
    FastTempDir.delete(dir);
  }

  static String predictionsCsv(List<Issue> issues) {
    StringBuilder sb = new StringBuilder("repo,number,label\n");
    for (Issue i : issues) {
      sb.append(i.repo()).append(',').append(i.number()).append(",gpu\n");
      sb.append(i.repo()).append(',').append(i.number()).append(",memory\n");
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.some(1, 6);
  }

  @Property(tries = 150, seed = "20251129", edgeCases = EdgeCasesMode.NONE)
  void restPagesSurviveAnyDamage(@ForAll("mutations") List<Mutation> edits, @ForAll boolean auto) {
    importDamaged(
        "rest.json",
        TestIssues.restPages(INCOMING, 2),
        edits,
        auto ? IssueFormat.AUTO : IssueFormat.GITHUB,
        null,
        null);
  }

  @Property(tries = 150, seed = "20251130", edgeCases = EdgeCasesMode.NONE)
  void ghOutputSurvivesAnyDamage(@ForAll("mutations") List<Mutation> edits, @ForAll boolean auto) {
    importDamaged(
        "gh.json",
        TestIssues.gh(INCOMING),
        edits,
        auto ? IssueFormat.AUTO : IssueFormat.GH,
        null,
        null);
  }

  @Property(tries = 150, seed = "20251201", edgeCases = EdgeCasesMode.NONE)
  void jsonlSurvivesAnyDamage(@ForAll("mutations") List<Mutation> edits, @ForAll boolean auto) {
    importDamaged(
        "dump.jsonl",
        TestIssues.jsonl(INCOMING),
        edits,
        auto ? IssueFormat.AUTO : IssueFormat.JSONL,
        null,
        null);
  }

  @Property(tries = 100, seed = "20251202", edgeCases = EdgeCasesMode.NONE)
  void jsonlWithOutsideLabelsSurvivesAnyDamage(@ForAll("mutations") List<Mutation> edits) {
    String lines =
        TestIssues.jsonl(INCOMING)
            .replace("\"labels\": ", "\"cls\": [\"gpu\", \"api\"], \"labels\": ");
    importDamaged("cls.jsonl", lines, edits, IssueFormat.AUTO, "cls", "outside");
  }

  @Property(tries = 150, seed = "20251203", edgeCases = EdgeCasesMode.NONE)
  void csvSurvivesAnyDamage(@ForAll("mutations") List<Mutation> edits, @ForAll boolean auto) {
    importDamaged(
        "dump.csv",
        TestIssues.csv(INCOMING),
        edits,
        auto ? IssueFormat.AUTO : IssueFormat.CSV,
        null,
        null);
  }

  @Property(tries = 100, seed = "20251204", edgeCases = EdgeCasesMode.NONE)
  void predictionsCsvSurvivesAnyDamage(@ForAll("mutations") List<Mutation> edits) {
    importDamaged(
        "predictions.csv", predictionsCsv(SEEDED), edits, IssueFormat.AUTO, null, "outside");
  }

  @Property(tries = 300, seed = "20251205", edgeCases = EdgeCasesMode.NONE)
  void jsonOfAnyShapeAndTypesIsImportedOrRefusedClearly(
      @ForAll("documents") String json, @ForAll boolean jsonl) {
    check(
        jsonl ? "random.jsonl" : "random.json",
        json.getBytes(StandardCharsets.UTF_8),
        new ImportRequest(null, null, IssueFormat.AUTO, null, null));
  }

  /**
   * The same through the command line: exit 0, or exit 1 with one {@code error:} line that names
   * the file and is the product's own message (not an exception's class name), nothing on stdout,
   * and the project unchanged.
   */
  @Property(tries = 50, seed = "20251206", edgeCases = EdgeCasesMode.NONE)
  void commandLineRefusesDamagedFilesWithOneErrorLine(
      @ForAll("mutations") List<Mutation> edits, @ForAll("formats") int format) throws IOException {
    String[] names = {"rest.json", "gh.json", "dump.jsonl", "dump.csv", "predictions.csv"};
    String[] valid = {
      TestIssues.restPages(INCOMING, 2),
      TestIssues.gh(INCOMING),
      TestIssues.jsonl(INCOMING),
      TestIssues.csv(INCOMING),
      predictionsCsv(SEEDED)
    };
    Path file = dir.resolve(++files + "-" + names[format]);
    Files.write(file, Mutation.applyAll(valid[format].getBytes(StandardCharsets.UTF_8), edits));
    List<String> args =
        new java.util.ArrayList<>(List.of("import", file.toString(), "--db", cliDb.toString()));
    if (format == 4) {
      args.addAll(List.of("--run", "outside"));
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    Statistics.label("exit code").collect(r.code());
    if (r.code() == 0) {
      Files.copy(pristine, cliDb, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.errorLine()).startsWith("error: ").doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
    assertClearError(r.errorLine(), file);
    assertThat(r.out()).isEmpty();
    assertThat(ProjectDigest.of(cliDb)).as(r.errorLine()).isEqualTo(pristineDigest);
    Files.delete(file);
  }

  @Provide
  Arbitrary<Integer> formats() {
    return net.jqwik.api.Arbitraries.integers().between(0, 4);
  }

  @Provide
  Arbitrary<String> documents() {
    return JsonTrees.document();
  }

  private void importDamaged(
      String name,
      String valid,
      List<Mutation> edits,
      IssueFormat format,
      String labelField,
      String run) {
    byte[] content = Mutation.applyAll(valid.getBytes(StandardCharsets.UTF_8), edits);
    check(name, content, new ImportRequest(null, null, format, labelField, run));
  }

  /** Imports {@code content}; checks that it either worked or failed clearly and harmlessly. */
  static void check(String name, byte[] content, ImportRequest request) {
    Path file = dir.resolve(++files + "-" + name);
    try {
      Files.write(file, content);
      try {
        project.imports().importFiles(List.of(file), request, Progress.NONE, new Cancellation());
      } catch (BadInputException e) {
        Statistics.label("outcome").collect("refused");
        assertClearError(e.getMessage(), file);
        assertThat(ProjectDigest.of(db))
            .as("project after: %s", e.getMessage())
            .isEqualTo(pristineDigest);
        return;
      }
      Statistics.label("outcome").collect("imported");
      // accepted: everything stored must read back
      int[] n = {0};
      project.issues().list(IssueQuery.parse(null), null, row -> n[0]++);
      project.issues().list(IssueQuery.parse(null), "seeded", row -> n[0]++);
      assertThat(n[0]).isPositive();
      restorePristine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  /**
   * The message names the file and, unless it is about the file as a whole (empty), the line
   * (optionally after the wrapper key, as in {@code dump.json (items):3:5}).
   */
  static void assertClearError(String message, Path file) {
    String name = file.getFileName().toString();
    assertThat(message).as("message").isNotBlank().contains(name);
    assertThat(message).as("one line").doesNotContain("\n");
    assertThat(message)
        .as("no internals in: %s", message)
        .doesNotContain("Exception")
        .doesNotContain("com.fasterxml")
        .doesNotContain("StreamReadConstraints");
    String rest = message.substring(message.indexOf(name) + name.length());
    boolean line = rest.matches("(?s)(?: \\(\\w+\\))?:\\d+.*");
    boolean wholeFile = rest.matches("(?s): the file (is empty|holds no JSON).*");
    assertThat(line || wholeFile).as("names a line: %s", message).isTrue();
  }

  private static void restorePristine() throws IOException {
    project.close();
    Files.copy(pristine, db, StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(dir.resolve("p.db-wal"));
    Files.deleteIfExists(dir.resolve("p.db-shm"));
    project = Project.open(db);
  }
}
