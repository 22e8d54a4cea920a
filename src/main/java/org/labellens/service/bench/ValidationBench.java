package org.labellens.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.labellens.core.BadInputException;
import org.labellens.core.JsonText;
import org.labellens.core.annotation.AnnotationQueue;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;
import org.labellens.core.simulation.LatentTruth;
import org.labellens.core.simulation.SimulatedAnnotator;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.service.SimulationService;
import org.labellens.service.demo.DemoIssues;

/**
 * The validation and report benchmark: builds a large project quickly (study-like issues with short
 * bodies, classified with study-v1, a stratified sample with three simulated annotators and a 20%
 * overlap, decisions written in large transactions), then times {@code validate} and {@code report
 * --out x.html} as a user runs them: a fresh JVM per run, start-up included (median of runs), and
 * the same work in process, warm.
 */
public final class ValidationBench {
  public static final String SAMPLE = "bench";
  public static final String RUN = "study-v1";
  private static final String[] REPOS = {
    "vllm-project/vllm", "ggml-org/llama.cpp", "sgl-project/sglang"
  };
  private static final double[] SHARES = {4100.0 / 12349, 5549.0 / 12349, 2700.0 / 12349};
  private static final List<String> ANNOTATORS = List.of("ann", "bob", "cat");

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
   * Builds the project at {@code db} (which must not exist): {@code issues} issues, classified, a
   * sample of {@code sampleSize} stratified by framework and predicted category, decided by three
   * simulated annotators.
   */
  public static void build(Path db, int issues, int sampleSize, long seed, Progress progress) {
    Path jsonl = db.resolveSibling(db.getFileName() + ".issues.jsonl");
    progress.update("generating " + issues + " issues", 0, 5);
    writeIssues(jsonl, issues, seed);
    try (Project p = Project.create(db)) {
      progress.update("importing", 1, 5);
      p.imports()
          .importFiles(List.of(jsonl), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
      progress.update("classifying with " + RUN, 2, 5);
      p.classifier().classify(RUN, RUN, Progress.NONE, new Cancellation());
      progress.update("drawing the sample", 3, 5);
      p.samples()
          .draw(
              new SampleRequest(
                  SAMPLE,
                  sampleSize,
                  null,
                  null,
                  RUN,
                  "all",
                  "framework,predicted",
                  "proportional",
                  5,
                  seed,
                  ANNOTATORS,
                  "0.2",
                  false));
      progress.update("simulating three annotators", 4, 5);
      for (String annotator : ANNOTATORS) {
        decide(p, annotator, seed);
      }
    } finally {
      try {
        Files.deleteIfExists(jsonl);
      } catch (IOException ignored) {
        // a leftover input file in a temporary directory
      }
    }
  }

  /** Every item of the annotator's queue, decided like {@code simulate}, in large transactions. */
  private static void decide(Project p, String annotator, long seed) {
    AnnotationQueue queue = p.annotations().queue(SAMPLE, annotator);
    AnnotationScheme scheme = p.annotations().scheme(SAMPLE);
    List<String> categories = scheme.require("category").labels();
    SimulatedAnnotator sim =
        new SimulatedAnnotator(annotator, SimulationService.DEFAULT_ACCURACY, seed);
    List<Decision> batch = new ArrayList<>();
    Instant now = Instant.now();
    for (QueueItem item : queue.items()) {
      Map<String, DecisionValue> shown = p.annotations().shownPrediction(SAMPLE, item.issue());
      LatentTruth truth = LatentTruth.of(item.issue(), shown, categories);
      for (String id : SimulationService.DIMENSIONS) {
        SchemeDimension dim = scheme.require(id);
        DecisionValue v = sim.answer(item.issue(), dim, truth.value(id), Phase.REVEALED, null);
        batch.add(
            new Decision(
                SAMPLE,
                item.issue(),
                annotator,
                id,
                v,
                Phase.REVEALED,
                shown.get(id),
                sim.unsure(item.issue(), id, Phase.REVEALED),
                null,
                null,
                sim.seconds(item.issue(), id, Phase.REVEALED),
                now,
                null));
      }
      if (batch.size() >= 3000) {
        p.annotations().decideAll(batch, DecisionOrigin.SIMULATE);
        batch.clear();
      }
    }
    p.annotations().decideAll(batch, DecisionOrigin.SIMULATE);
  }

  /** Study-like issues (titles, bodies cut to 1,500 characters, labels) from the demo pool. */
  static void writeIssues(Path out, int count, long seed) {
    List<Issue> pool = DemoIssues.generate(200, 1);
    Random rnd = new Random(seed);
    int[] next = {1, 1, 1};
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int k = 0; k < count; k++) {
        double u = rnd.nextDouble();
        int f = u < SHARES[0] ? 0 : u < SHARES[0] + SHARES[1] ? 1 : 2;
        Issue src = pool.get(rnd.nextInt(pool.size()));
        int number = next[f];
        next[f] += 1 + rnd.nextInt(3);
        String body = src.body().length() > 1500 ? src.body().substring(0, 1500) : src.body();
        StringBuilder sb = new StringBuilder(body.length() + 256);
        sb.append("{\"repo\": ").append(JsonText.string(REPOS[f]));
        sb.append(", \"number\": ").append(number);
        sb.append(", \"title\": ").append(JsonText.string(src.title()));
        sb.append(", \"body\": ").append(JsonText.string(body));
        sb.append(", \"labels\": ").append(JsonText.stringArray(src.labels()));
        sb.append(", \"state\": \"open\", \"created_at\": \"2025-01-01T00:00:00Z\"}\n");
        w.write(sb.toString());
      }
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot write: " + e.getMessage(), e);
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
    CommandTimer.Measurement m = CommandTimer.run(List.of(), args);
    if (m.exitCode() != 0) {
      throw new BadInputException(args.get(0) + " failed in the benchmark: " + m.stderr().strip());
    }
    return m.seconds();
  }
}
