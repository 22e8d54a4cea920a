package org.labellens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labellens.service.Progress;
import org.labellens.service.Project;

/**
 * The validation and report benchmark: builds a large project ({@link BenchProject}: study-like
 * issues with short bodies, classified with study-v1, a stratified sample with three simulated
 * annotators and a 20% overlap), then times {@code validate} and {@code report --out x.html} as a
 * user runs them: a fresh JVM per run, start-up included (median of runs), and the same work in
 * process, warm.
 */
public final class ValidationBench {
  public static final String SAMPLE = BenchProject.SAMPLE;
  public static final String RUN = BenchProject.RUN;

  private ValidationBench() {}

  /** The figures of one benchmark. */
  public record Result(
      int issues,
      int sampleSize,
      int bootstrap,
      double setupSeconds,
      List<Double> validateSeconds,
      List<Double> reportSeconds,
      List<Double> validateInProcessSeconds,
      List<Double> reportInProcessSeconds) {
    public double validateMedian() {
      return ImportBench.median(validateSeconds);
    }

    public double reportMedian() {
      return ImportBench.median(reportSeconds);
    }

    public double validateInProcessMedian() {
      return ImportBench.median(validateInProcessSeconds);
    }

    public double reportInProcessMedian() {
      return ImportBench.median(reportInProcessSeconds);
    }
  }

  /**
   * Builds the project at {@code db} (which must not exist): {@code issues} issues (titles and
   * labels resampled from the demo issues, bodies cut to 1,500 characters), classified, a sample of
   * {@code sampleSize} stratified by framework and predicted category, decided by three simulated
   * annotators; every step a command in its own JVM ({@link BenchProject}).
   */
  public static void build(Path db, int issues, int sampleSize, long seed, Progress progress) {
    Path jsonl = db.resolveSibling(db.getFileName() + ".issues.jsonl");
    progress.update("generating " + issues + " issues", 0, 2);
    StudyLikeData.write(
        StudyLikeData.pool(null),
        new StudyLikeData.Options(issues, seed, StudyLikeData.Format.JSONL, 1500),
        jsonl,
        Progress.NONE);
    try {
      progress.update("building the project", 1, 2);
      BenchProject.build(db, jsonl, sampleSize, seed, List.of());
    } finally {
      try {
        Files.deleteIfExists(jsonl);
      } catch (IOException ignored) {
        // a leftover input file in a temporary directory
      }
    }
  }

  /**
   * Builds the project in {@code workDir} (or reuses the one a previous run left there) and times
   * the commands.
   */
  public static Result run(
      Path workDir,
      int issues,
      int sampleSize,
      int runs,
      int bootstrap,
      long seed,
      Progress progress) {
    Path db = workDir.resolve("validation-bench.db");
    long t0 = System.nanoTime();
    if (!Files.exists(db)) {
      build(db, issues, sampleSize, seed, progress);
    }
    double setup = (System.nanoTime() - t0) / 1e9;
    List<Double> validate = new ArrayList<>();
    List<Double> report = new ArrayList<>();
    Path html = workDir.resolve("report.html");
    for (int r = 0; r < runs; r++) {
      progress.update("timing run " + (r + 1) + " of " + runs, r, runs);
      validate.add(
          timed(
              List.of(
                  "validate",
                  "--db",
                  db.toString(),
                  "--sample",
                  SAMPLE,
                  "--bootstrap",
                  Integer.toString(bootstrap),
                  "--format",
                  "json")));
      report.add(
          timed(
              List.of(
                  "report",
                  "--db",
                  db.toString(),
                  "--sample",
                  SAMPLE,
                  "--bootstrap",
                  Integer.toString(bootstrap),
                  "--out",
                  html.toString())));
    }
    List<Double> validateIn = new ArrayList<>();
    List<Double> reportIn = new ArrayList<>();
    try (Project p = Project.open(db)) {
      for (int r = 0; r < runs + 1; r++) {
        long a = System.nanoTime();
        p.validation().validate(SAMPLE, null, bootstrap, 1);
        long b = System.nanoTime();
        p.report().write(SAMPLE, null, html, bootstrap, 1);
        long c = System.nanoTime();
        if (r > 0) {
          validateIn.add((b - a) / 1e9);
          reportIn.add((c - b) / 1e9);
        }
      }
    }
    return new Result(issues, sampleSize, bootstrap, setup, validate, report, validateIn, reportIn);
  }

  private static double timed(List<String> args) {
    return BenchProject.run(new BenchProject.Step(args.get(0), args, null, false), List.of())
        .seconds();
  }
}
