package org.labellens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.BadInputException;

/**
 * The study-like project the benchmarks build, as the commands a user types: {@code init}, {@code
 * import} of a generated dump, {@code classify} with study-v1, a {@code sample} stratified by
 * framework and predicted category (proportional, at least 5 per stratum) assigned to three
 * annotators with a 20% overlap, and three {@code simulate}d annotators (accuracy 0.85); then the
 * commands that read it. Every step runs in a fresh JVM through {@link #run}, the one place that
 * starts them.
 */
public final class BenchProject {
  public static final String SAMPLE = "bench";
  public static final String RUN = "study-v1";
  public static final List<String> ANNOTATORS = List.of("ann", "bob", "cat");

  private BenchProject() {}

  /**
   * One command of the pipeline.
   *
   * @param name the step's name in tables
   * @param args the command line after {@code labellens}
   * @param stdout where its standard output goes (null: discarded)
   * @param setup true for steps that only prepare the project for the next ones
   */
  public record Step(String name, List<String> args, Path stdout, boolean setup) {}

  /** The steps that build the project at {@code db} (which must not exist) from {@code input}. */
  public static List<Step> buildSteps(Path db, Path input, int sampleSize, long seed) {
    String d = db.toString();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("init", List.of("init", "--db", d), null, true));
    steps.add(new Step("import", List.of("import", input.toString(), "--db", d), null, false));
    steps.add(
        new Step(
            "classify",
            List.of("classify", "--db", d, "--taxonomy", RUN, "--run", RUN),
            null,
            false));
    steps.add(
        new Step(
            "sample",
            List.of(
                "sample",
                "--db",
                d,
                "--name",
                SAMPLE,
                "--run",
                RUN,
                "--size",
                Integer.toString(sampleSize),
                "--strata",
                "framework,predicted",
                "--allocation",
                "proportional",
                "--min-per-stratum",
                "5",
                "--seed",
                Long.toString(seed),
                "--annotators",
                String.join(",", ANNOTATORS),
                "--overlap",
                "0.2"),
            null,
            false));
    for (String a : ANNOTATORS) {
      steps.add(
          new Step(
              "simulate " + a,
              List.of(
                  "simulate",
                  "--db",
                  d,
                  "--sample",
                  SAMPLE,
                  "--annotator",
                  a,
                  "--seed",
                  Long.toString(seed)),
              null,
              true));
    }
    return steps;
  }

  /**
   * The steps that read the built project: agreement and validation of the sample ({@code
   * bootstrap} replicates), the sample's validated labels exported as JSONL, every issue with its
   * predicted labels listed as JSONL (the whole labelled set), and the annotation window opened on
   * the first item, rendered headless. Their files go to {@code dir}.
   */
  public static List<Step> readSteps(Path db, Path dir, int bootstrap) {
    String d = db.toString();
    String b = Integer.toString(bootstrap);
    return List.of(
        new Step(
            "agreement",
            List.of("agreement", "--db", d, "--sample", SAMPLE, "--bootstrap", b),
            null,
            false),
        new Step(
            "validate",
            List.of("validate", "--db", d, "--sample", SAMPLE, "--run", RUN, "--bootstrap", b),
            null,
            false),
        new Step(
            "export sample",
            List.of(
                "export",
                "--db",
                d,
                "--sample",
                SAMPLE,
                "--format",
                "jsonl",
                "--out",
                dir.resolve("sample-export.jsonl").toString()),
            null,
            false),
        new Step(
            "export all issues",
            List.of("issues", "--db", d, "--run", RUN, "--format", "jsonl"),
            dir.resolve("issues-export.jsonl"),
            false),
        new Step(
            "open window",
            List.of(
                "gui",
                "--db",
                d,
                "--view",
                "annotate",
                "--annotator",
                ANNOTATORS.get(0),
                "--screenshot",
                dir.resolve("window.png").toString()),
            null,
            false));
  }

  /** Runs one step in a fresh JVM with the given JVM options; a failing step is an error. */
  public static CommandTimer.Measurement run(Step step, List<String> jvmOptions) {
    return run(step, jvmOptions, false);
  }

  /**
   * Runs one step as {@link #run(Step, List)}; with {@code heapAfterGc}, the step also reports the
   * most heap in use after a collection (and starts slower).
   */
  public static CommandTimer.Measurement run(
      Step step, List<String> jvmOptions, boolean heapAfterGc) {
    CommandTimer.Measurement m =
        CommandTimer.run(jvmOptions, step.args(), step.stdout(), heapAfterGc);
    if (m.exitCode() != 0) {
      throw new BadInputException(
          "bench step '"
              + step.name()
              + "' ("
              + String.join(" ", step.args())
              + ") failed with exit code "
              + m.exitCode()
              + ": "
              + m.stderr().strip());
    }
    return m;
  }

  /** Builds the project: every build step in turn. */
  public static void build(Path db, Path input, int sampleSize, long seed, List<String> jvm) {
    for (Step s : buildSteps(db, input, sampleSize, seed)) {
      run(s, jvm);
    }
  }
}
