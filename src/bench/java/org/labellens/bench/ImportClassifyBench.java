package org.labellens.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.service.Progress;
import org.labellens.service.Project;

/**
 * Import and classify side by side with the study's way: each run times {@code import FILE} then
 * {@code classify --taxonomy study-v1} into a fresh project (each a new JVM through the launcher,
 * start-up included), and the Python reference script ({@code src/bench/python/import_classify.py}:
 * json, sqlite3 and the study-v1 keywords as substrings) on the same JSONL file into a fresh
 * database. The two alternate within each run, so a busy moment of the machine falls on both.
 */
public final class ImportClassifyBench {
  private ImportClassifyBench() {}

  /** What to run: the Python interpreter and the reference script. */
  public record Python(String interpreter, Path script) {}

  /** The figures of one benchmark (seconds per run, and medians). */
  public record Result(
      int issues,
      long inputBytes,
      List<Double> importSeconds,
      List<Double> classifySeconds,
      List<Double> javaSeconds,
      List<Double> pythonSeconds,
      double importMedian,
      double classifyMedian,
      double javaMedian,
      double pythonMedian,
      List<Double> javaCpuSeconds,
      List<Double> pythonCpuSeconds) {

    /** Median of import + classify over the median of the Python script. */
    public double ratio() {
      return javaMedian / pythonMedian;
    }
  }

  /** The reference script of the checkout the bench jar was built in. */
  public static Path defaultScript() {
    Path launcher =
        CommandTimer.launcher()
            .orElseThrow(
                () ->
                    new BadInputException(
                        "no checkout beside the jar: give the Python script with --python-script"));
    return launcher.resolveSibling("src/bench/python/import_classify.py");
  }

  public static Result run(
      Path source,
      int issues,
      int runs,
      long seed,
      Python python,
      Path workDir,
      Progress progress) {
    if (!Files.isRegularFile(python.script())) {
      throw new BadInputException(python.script() + ": the Python reference script is missing");
    }
    List<Issue> pool = StudyLikeData.pool(source);
    Path input = workDir.resolve("issues-" + issues + ".jsonl");
    progress.update("generating " + issues + " study-like issues", 0, runs + 1);
    long bytes =
        StudyLikeData.write(
                pool,
                new StudyLikeData.Options(issues, seed, StudyLikeData.Format.JSONL, 0),
                input,
                Progress.NONE)
            .bytes();
    List<Double> imports = new ArrayList<>();
    List<Double> classifies = new ArrayList<>();
    List<Double> javas = new ArrayList<>();
    List<Double> pythons = new ArrayList<>();
    List<Double> javaCpu = new ArrayList<>();
    List<Double> pythonCpu = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      Path db = workDir.resolve("bench-" + r + ".db");
      ImportBench.deleteProject(db);
      Project.create(db).close();
      CommandTimer.Measurement i =
          timed(List.of("import", input.toString(), "--db", db.toString()));
      CommandTimer.Measurement c =
          timed(List.of("classify", "--taxonomy", "study-v1", "--db", db.toString()));
      ImportBench.deleteProject(db);
      imports.add(i.seconds());
      classifies.add(c.seconds());
      javas.add(i.seconds() + c.seconds());
      javaCpu.add((i.cpuMillis() + c.cpuMillis()) / 1000.0);
      Path pyDb = workDir.resolve("python-" + r + ".db");
      ImportBench.deleteProject(pyDb);
      double[] py = python(python, input, pyDb);
      pythons.add(py[0]);
      pythonCpu.add(py[1]);
      ImportBench.deleteProject(pyDb);
      progress.update("run " + (r + 1) + " of " + runs, r + 1, runs + 1);
    }
    return new Result(
        issues,
        bytes,
        imports,
        classifies,
        javas,
        pythons,
        ImportBench.median(imports),
        ImportBench.median(classifies),
        ImportBench.median(javas),
        ImportBench.median(pythons),
        javaCpu,
        pythonCpu);
  }

  private static CommandTimer.Measurement timed(List<String> args) {
    CommandTimer.Measurement m = CommandTimer.run(List.of(), args);
    if (m.exitCode() != 0) {
      throw new BadInputException(args.get(0) + " failed in the benchmark: " + m.stderr().strip());
    }
    return m;
  }

  private static final java.util.regex.Pattern CPU =
      java.util.regex.Pattern.compile("cpu-ms: (\\d+)");

  /** Wall and CPU seconds of the script (its CPU as it reports it; -1 if it does not). */
  private static double[] python(Python python, Path input, Path db) {
    ProcessBuilder pb =
        new ProcessBuilder(
            python.interpreter(), python.script().toString(), input.toString(), db.toString());
    pb.redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      byte[] err = p.getErrorStream().readAllBytes();
      int code = p.waitFor();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String stderr = new String(err, StandardCharsets.UTF_8);
      if (code != 0) {
        throw new BadInputException("the Python script failed: " + stderr.strip());
      }
      java.util.regex.Matcher m = CPU.matcher(stderr);
      return new double[] {seconds, m.find() ? Long.parseLong(m.group(1)) / 1000.0 : -1};
    } catch (IOException e) {
      throw new BadInputException("cannot run " + python.interpreter() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
