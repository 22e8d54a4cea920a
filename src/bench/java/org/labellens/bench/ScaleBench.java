package org.labellens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.service.Progress;

/**
 * The scale benchmark: for each project size, generates study-like issues ({@link StudyLikeData}),
 * then runs every step of {@link BenchProject} as a user would — one command, one fresh JVM with a
 * capped heap — and records each command's wall time, CPU time and peak resident memory. Linear
 * costs show as a time per issue that does not grow with the size; bounded memory as a peak that
 * does not grow at all.
 */
public final class ScaleBench {
  private ScaleBench() {}

  /**
   * What to run.
   *
   * @param sizes project sizes in issues, ascending
   * @param runs how many times the whole pipeline runs at each size (one entry per size)
   * @param dir the working directory (projects and generated files)
   * @param source a dump to resample from, or null for the synthetic demo issues
   * @param sampleSize the sample's size
   * @param bootstrap bootstrap replicates of agreement and validate
   * @param seed seed of the generated data and of the sample
   * @param jvmOptions options of every child JVM (the heap cap)
   * @param keep keep projects and generated files
   */
  public record Request(
      List<Integer> sizes,
      List<Integer> runs,
      Path dir,
      Path source,
      int sampleSize,
      int bootstrap,
      long seed,
      List<String> jvmOptions,
      boolean keep) {
    public Request {
      if (sizes.isEmpty()) {
        throw new BadInputException("--sizes: give at least one size");
      }
      for (int i = 0; i < sizes.size(); i++) {
        if (sizes.get(i) < 1) {
          throw new BadInputException("--sizes: " + sizes.get(i) + " is not a positive size");
        }
        if (i > 0 && sizes.get(i) <= sizes.get(i - 1)) {
          throw new BadInputException("--sizes: sizes must be ascending, without repeats");
        }
      }
      if (runs.size() == 1 && sizes.size() > 1) {
        runs = java.util.Collections.nCopies(sizes.size(), runs.get(0));
      }
      if (runs.size() != sizes.size()) {
        throw new BadInputException(
            "--runs: give one number, or one per size (" + sizes.size() + ")");
      }
      for (int r : runs) {
        if (r < 1) {
          throw new BadInputException("--runs: " + r + " is not a positive number of runs");
        }
      }
      runs = List.copyOf(runs);
      sizes = List.copyOf(sizes);
      jvmOptions = List.copyOf(jvmOptions);
    }
  }

  /**
   * The medians of one step at one size over the runs: wall and CPU time, peak resident memory, and
   * the most heap in use just after a collection (an upper bound of the live data).
   */
  public record Figure(double seconds, double cpuSeconds, double peakMb, double heapMb, int runs) {}

  /** Everything measured at one size. */
  public record SizeResult(
      int issues, long inputBytes, double generateSeconds, Map<String, Figure> steps) {}

  /** The whole benchmark, in size order. */
  public record Result(Request request, List<SizeResult> sizes, List<String> stepNames) {}

  public static Result run(Request r, Progress progress, Consumer<String> log) {
    List<Issue> pool = StudyLikeData.pool(r.source());
    List<SizeResult> results = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int totalRuns = r.runs().stream().mapToInt(Integer::intValue).sum();
    int doneRuns = 0;
    for (int i = 0; i < r.sizes().size(); i++) {
      int n = r.sizes().get(i);
      Path sizeDir = createDirectories(r.dir().resolve("scale-" + n));
      Path input = sizeDir.resolve("issues-" + n + ".json");
      progress.update("generating " + n + " issues", doneRuns, totalRuns);
      long t0 = System.nanoTime();
      StudyLikeData.Written w =
          StudyLikeData.write(
              pool,
              new StudyLikeData.Options(n, r.seed(), StudyLikeData.Format.REST, 0),
              input,
              Progress.NONE);
      double generate = (System.nanoTime() - t0) / 1e9;
      log.accept(
          String.format(
              Locale.ROOT,
              "%,d issues: generated %.1f MB in %.1f s",
              n,
              w.bytes() / 1e6,
              generate));
      Map<String, List<CommandTimer.Measurement>> byStep = new LinkedHashMap<>();
      for (int run = 0; run < r.runs().get(i); run++) {
        Path runDir = createDirectories(sizeDir.resolve("run-" + run));
        Path db = runDir.resolve("project.db");
        List<BenchProject.Step> steps = new ArrayList<>();
        steps.addAll(BenchProject.buildSteps(db, input, r.sampleSize(), r.seed()));
        steps.addAll(BenchProject.readSteps(db, runDir, r.bootstrap()));
        for (BenchProject.Step step : steps) {
          progress.update(
              n + " issues, run " + (run + 1) + ": " + step.name(), doneRuns, totalRuns);
          // the only bench with a heap column: the others time the command as a user runs it
          CommandTimer.Measurement m = BenchProject.run(step, r.jvmOptions(), true);
          String name = step.setup() ? step.name() + " (setup)" : step.name();
          byStep.computeIfAbsent(name, k -> new ArrayList<>()).add(m);
          if (!names.contains(name)) {
            names.add(name);
          }
          log.accept(
              String.format(
                  Locale.ROOT,
                  "%,d issues, run %d: %-22s %8.2f s wall %8.2f s cpu %6.0f MB peak %6.0f MB heap",
                  n,
                  run + 1,
                  name,
                  m.seconds(),
                  m.cpuMillis() / 1000.0,
                  m.peakRssKb() / 1024.0,
                  m.heapAfterGcKb() / 1024.0));
        }
        if (!r.keep()) {
          deleteTree(runDir);
        }
        doneRuns++;
      }
      if (!r.keep()) {
        deleteTree(sizeDir);
      }
      Map<String, Figure> figures = new LinkedHashMap<>();
      byStep.forEach(
          (name, ms) ->
              figures.put(
                  name,
                  new Figure(
                      ImportBench.median(
                          ms.stream().map(CommandTimer.Measurement::seconds).toList()),
                      ImportBench.median(ms.stream().map(m -> m.cpuMillis() / 1000.0).toList()),
                      ImportBench.median(ms.stream().map(m -> m.peakRssKb() / 1024.0).toList()),
                      ImportBench.median(ms.stream().map(m -> m.heapAfterGcKb() / 1024.0).toList()),
                      ms.size())));
      results.add(new SizeResult(n, w.bytes(), generate, figures));
    }
    return new Result(r, results, names);
  }

  /**
   * The figures as Markdown: one table of wall time and peak resident memory, one of CPU time and
   * the most heap in use after a collection; rows the steps, columns the sizes, then the growth of
   * the time per issue from each size to the next (1.00: linear; below 1: fixed costs such as the
   * JVM's start dominate).
   */
  public static String markdown(Result result) {
    StringBuilder sb = new StringBuilder();
    List<SizeResult> sizes = result.sizes();
    sb.append(
        String.format(
            Locale.ROOT,
            "Each step is one command in a fresh JVM (%s), start-up included; medians over runs %s;"
                + " sample of %,d, %,d bootstrap replicates.%n%n",
            String.join(" ", result.request().jvmOptions()),
            result.request().runs(),
            result.request().sampleSize(),
            result.request().bootstrap()));
    table(sb, result, "wall time / peak memory", true);
    sb.append('\n');
    table(sb, result, "CPU time / heap after GC", false);
    sb.append('\n');
    sb.append("| input |");
    for (SizeResult s : sizes) {
      sb.append(
          String.format(
              Locale.ROOT,
              " %,d issues: %,.0f MB, generated in %.1f s |",
              s.issues(),
              s.inputBytes() / 1e6,
              s.generateSeconds()));
    }
    sb.append('\n');
    return sb.toString();
  }

  private static void table(StringBuilder sb, Result result, String what, boolean wall) {
    List<SizeResult> sizes = result.sizes();
    sb.append("| step (").append(what).append(") |");
    for (SizeResult s : sizes) {
      sb.append(String.format(Locale.ROOT, " %,d |", s.issues()));
    }
    for (int i = 1; i < sizes.size(); i++) {
      sb.append(
          String.format(
              Locale.ROOT, " growth %,d→%,d |", sizes.get(i - 1).issues(), sizes.get(i).issues()));
    }
    sb.append("\n| --- |");
    sb.append(" ---: |".repeat(sizes.size() + Math.max(0, sizes.size() - 1)));
    sb.append('\n');
    for (String name : result.stepNames()) {
      sb.append("| ").append(name).append(" |");
      for (SizeResult s : sizes) {
        Figure f = s.steps().get(name);
        if (f == null) {
          sb.append(" – |");
        } else if (wall) {
          sb.append(String.format(Locale.ROOT, " %.2f s / %.0f MB |", f.seconds(), f.peakMb()));
        } else {
          sb.append(String.format(Locale.ROOT, " %.2f s / %.0f MB |", f.cpuSeconds(), f.heapMb()));
        }
      }
      for (int i = 1; i < sizes.size(); i++) {
        Figure a = sizes.get(i - 1).steps().get(name);
        Figure b = sizes.get(i).steps().get(name);
        if (a == null || b == null) {
          sb.append(" – |");
          continue;
        }
        double ta = wall ? a.seconds() : a.cpuSeconds();
        double tb = wall ? b.seconds() : b.cpuSeconds();
        double ratio = (double) sizes.get(i).issues() / sizes.get(i - 1).issues();
        sb.append(String.format(Locale.ROOT, " %.2f |", tb / ta / ratio));
      }
      sb.append('\n');
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot create: " + e.getMessage(), e);
    }
  }

  /** Deletes a directory the benchmark made, with everything in it. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot delete: " + e.getMessage(), e);
    }
  }
}
