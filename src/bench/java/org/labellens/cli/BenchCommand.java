package org.labellens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.bench.CommandTimer;
import org.labellens.bench.ImportBench;
import org.labellens.bench.ImportClassifyBench;
import org.labellens.bench.ScaleBench;
import org.labellens.bench.StudyLikeData;
import org.labellens.bench.ValidationBench;
import org.labellens.core.BadInputException;
import org.labellens.core.Notices;
import org.labellens.io.JsonOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: benchmarks that print figures (never timed unit tests). Not part of the product:
 * it lives in the bench source set ({@code src/bench/java}, compiled with the tests and packaged by
 * {@code mvn -Pbench package} as {@code target/labellens-bench.jar}) and runs with the product jar
 * on the class path; see docs/benchmarks.md. In the CLI's package, so that it reports errors and
 * progress as the product's commands do.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks on generated study-like data; prints medians.",
    subcommands = {
      BenchCommand.Import.class,
      BenchCommand.Validate.class,
      BenchCommand.Generate.class,
      BenchCommand.Scale.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  /** {@code java -cp labellens.jar:labellens-bench.jar org.labellens.cli.BenchCommand ARGS}. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = execute(args, out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs {@code labellens bench ARGS}: the product's command line with this command added, and its
   * error handling (an {@code error:} line; 1 for bad input, 2 for bad usage) extended to it.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl =
        CliMain.commandLine(
            out,
            err,
            r -> {
              throw new BadInputException("the benchmarks open no window");
            },
            NAME);
    cl.addSubcommand(NAME, new CommandLine(BenchCommand.class));
    // handlers reach only the subcommands present when they are set
    cl.setParameterExceptionHandler(cl.getParameterExceptionHandler());
    cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
    cl.setOut(out);
    cl.setErr(err);
    String[] all = new String[args.length + 1];
    all[0] = NAME;
    System.arraycopy(args, 0, all, 1, args.length);
    int code;
    // notes of the product's services (e.g. a leftover removed) reach stderr as in the product
    try (Notices.Handle notices = Notices.to(line -> err.println(CliMain.oneLine(line)))) {
      code = cl.execute(all);
    }
    out.flush();
    err.flush();
    return code;
  }

  private static final String NAME = "bench";

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code bench import}: the whole import command on study-like GitHub REST JSON. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Times `import` of study-like issues (GitHub REST pages, bodies resampled from --source or from"
            + " the synthetic demo issues) into a fresh project: a new JVM per run, start-up included.",
        "With --classify: JSONL instead, and each run also times `classify --taxonomy study-v1` of"
            + " the imported project and, on the same file, the Python reference script"
            + " (src/bench/python/import_classify.py: json, sqlite3, substring rules); prints both"
            + " medians and their ratio.",
        "Needs the packaged jar (mvn package)."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--issues",
        defaultValue = "12349",
        description = "Issues to generate (default: ${DEFAULT-VALUE}).")
    int issues;

    @Option(
        names = "--source",
        paramLabel = "FILE",
        description = "A dump to resample titles and bodies from (any import format).")
    Path source;

    @Option(names = "--runs", defaultValue = "5", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the resampling.")
    long seed;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    String format;

    @Option(
        names = "--classify",
        description = "Also classify (study-v1) and time the Python reference script beside it.")
    boolean classify;

    @Option(
        names = "--python",
        defaultValue = "python3",
        paramLabel = "CMD",
        description = "Python interpreter for --classify (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(
        names = "--python-script",
        paramLabel = "FILE",
        description =
            "Reference script for --classify (default: src/bench/python/import_classify.py of the"
                + " checkout).")
    Path pythonScript;

    @Override
    public Integer call() throws IOException {
      String f = OutputFormat.check(spec, format, List.of("table", "json"));
      if (classify) {
        return withClassify(f);
      }
      Path work = Files.createTempDirectory("labellens-bench");
      ImportBench.Result r;
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        r = ImportBench.run(source, issues, runs, seed, work, progress);
      } finally {
        ScaleBench.deleteTree(work);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (f.equals("json")) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issues", r.issues());
        json.put("command", CommandTimer.describeLauncher());
        json.put("input_bytes", r.inputBytes());
        json.put("seconds", r.seconds());
        json.put("peak_rss_kb", r.peakRssKb());
        json.put("median_seconds", r.medianSeconds());
        json.put("median_peak_rss_kb", r.medianPeakRssKb());
        out.println(JsonOutput.pretty(json));
      } else {
        out.printf(
            "import of %,d issues (%.1f MB of GitHub REST JSON), %d runs, JVM start included%n",
            r.issues(), r.inputBytes() / 1e6, r.seconds().size());
        out.printf("  timed as    %s import …%n", CommandTimer.describeLauncher());
        out.printf(
            "  wall time   median %.2f s   runs %s%n",
            r.medianSeconds(), r.seconds().stream().map(s -> String.format("%.2f", s)).toList());
        out.printf(
            "  peak memory median %.0f MB  runs %s%n",
            r.medianPeakRssKb() / 1024.0,
            r.peakRssKb().stream().map(k -> String.format("%.0f", k / 1024.0)).toList());
      }
      return 0;
    }

    private int withClassify(String f) throws IOException {
      ImportClassifyBench.Python py =
          new ImportClassifyBench.Python(
              python, pythonScript != null ? pythonScript : ImportClassifyBench.defaultScript());
      Path work = Files.createTempDirectory("labellens-bench");
      ImportClassifyBench.Result r;
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        r = ImportClassifyBench.run(source, issues, runs, seed, py, work, progress);
      } finally {
        ScaleBench.deleteTree(work);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (f.equals("json")) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issues", r.issues());
        json.put("command", CommandTimer.describeLauncher());
        json.put("input_bytes", r.inputBytes());
        json.put("import_seconds", r.importSeconds());
        json.put("classify_seconds", r.classifySeconds());
        json.put("import_classify_seconds", r.javaSeconds());
        json.put("python_seconds", r.pythonSeconds());
        json.put("import_median_seconds", r.importMedian());
        json.put("classify_median_seconds", r.classifyMedian());
        json.put("import_classify_median_seconds", r.javaMedian());
        json.put("python_median_seconds", r.pythonMedian());
        json.put("ratio", r.ratio());
        json.put("import_classify_cpu_seconds", r.javaCpuSeconds());
        json.put("python_cpu_seconds", r.pythonCpuSeconds());
        out.println(JsonOutput.pretty(json));
      } else {
        out.printf(
            Locale.ROOT,
            "import + classify --taxonomy study-v1 of %,d issues (%.1f MB of JSONL), %d runs,"
                + " JVM start included%n",
            r.issues(),
            r.inputBytes() / 1e6,
            r.javaSeconds().size());
        out.printf("  timed as          %s import|classify …%n", CommandTimer.describeLauncher());
        out.printf("  Python reference  %s %s%n", py.interpreter(), py.script());
        row(out, "import", r.importMedian(), r.importSeconds());
        row(out, "classify", r.classifyMedian(), r.classifySeconds());
        row(out, "import + classify", r.javaMedian(), r.javaSeconds());
        row(out, "Python script", r.pythonMedian(), r.pythonSeconds());
        out.printf(
            Locale.ROOT,
            "  ratio             %.2f (import + classify / Python, medians)%n",
            r.ratio());
        row(out, "CPU, Java", ImportBench.median(r.javaCpuSeconds()), r.javaCpuSeconds());
        row(out, "CPU, Python", ImportBench.median(r.pythonCpuSeconds()), r.pythonCpuSeconds());
      }
      return 0;
    }

    private static void row(PrintWriter out, String what, double median, List<Double> runs) {
      out.printf(
          Locale.ROOT,
          "  %-17s median %.2f s   runs %s%n",
          what,
          median,
          runs.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }
  }

  /** {@code bench validate}: validate and the HTML report on a large generated project. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Builds a project of --issues study-like issues (classified with study-v1, a stratified"
            + " sample of --sample-size items decided by three simulated annotators with a 20%%"
            + " overlap), then times `validate --bootstrap B` and `report --out x.html`: a new JVM"
            + " per run, start-up included (medians), and the same work in process.",
        "Needs the packaged jar (mvn package)."
      })
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--issues",
        defaultValue = "100000",
        description = "Issues to generate (default: ${DEFAULT-VALUE}).")
    int issues;

    @Mixin BenchSampleOptions sample;

    @Option(names = "--runs", defaultValue = "5", description = "Runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated data.")
    long seed;

    @Option(
        names = "--keep",
        paramLabel = "DIR",
        description =
            "Build the project in DIR and keep it; a project already there is reused (default: a"
                + " temporary directory).")
    Path keep;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    String format;

    @Override
    public Integer call() throws IOException {
      String f = OutputFormat.check(spec, format, List.of("table", "json"));
      Path work =
          keep != null
              ? Files.createDirectories(keep)
              : Files.createTempDirectory("labellens-bench");
      ValidationBench.Result r;
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        r =
            ValidationBench.run(
                work, issues, sample.sampleSize, runs, sample.bootstrap, seed, progress);
      } finally {
        if (keep == null) {
          ScaleBench.deleteTree(work);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (f.equals("json")) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issues", r.issues());
        json.put("command", CommandTimer.describeLauncher());
        json.put("sample_size", r.sampleSize());
        json.put("bootstrap", r.bootstrap());
        json.put("setup_seconds", r.setupSeconds());
        json.put("validate_seconds", r.validateSeconds());
        json.put("report_seconds", r.reportSeconds());
        json.put("validate_median_seconds", r.validateMedian());
        json.put("report_median_seconds", r.reportMedian());
        json.put("validate_in_process_median_seconds", r.validateInProcessMedian());
        json.put("report_in_process_median_seconds", r.reportInProcessMedian());
        out.println(JsonOutput.pretty(json));
      } else {
        out.printf(
            "project of %,d issues, sample of %,d, %,d bootstrap replicates (built in %.1f s)%n",
            r.issues(), r.sampleSize(), r.bootstrap(), r.setupSeconds());
        out.printf("  timed as       %s validate|report …%n", CommandTimer.describeLauncher());
        out.printf(
            "  validate       median %.2f s   runs %s   (JVM start included)%n",
            r.validateMedian(), seconds(r.validateSeconds()));
        out.printf(
            "  report (html)  median %.2f s   runs %s   (JVM start included)%n",
            r.reportMedian(), seconds(r.reportSeconds()));
        out.printf(
            "  in process, warm: validate median %.2f s, report median %.2f s%n",
            r.validateInProcessMedian(), r.reportInProcessMedian());
      }
      return 0;
    }

    private static List<String> seconds(List<Double> values) {
      return values.stream().map(s -> String.format("%.2f", s)).toList();
    }
  }

  /** {@code bench generate}: study-like issues of any number, written as a stream. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Writes --issues study-like issues to --out: titles, bodies and labels resampled (seeded)"
            + " from --source or from the synthetic demo issues, in the study's framework mix"
            + " (vLLM 33%%, llama.cpp 45%%, SGLang 22%%), numbers unique per repository. The same"
            + " arguments always give the same file; memory does not depend on --issues.",
        "Formats: rest (GitHub REST API pages of 100 issues, each with one pull request) or jsonl"
            + " (one issue per line, as the study's scraper wrote them)."
      })
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--issues", required = true, paramLabel = "N", description = "Issues to write.")
    int issues;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
    Path out;

    @Mixin NoClobberOption output;

    @Option(
        names = "--source",
        paramLabel = "FILE",
        description = "A dump to resample from (any import format; default: the demo issues).")
    Path source;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--format",
        defaultValue = "rest",
        description = "rest or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--max-body",
        defaultValue = "0",
        paramLabel = "CHARS",
        description = "Cut bodies to this many characters (default: 0, never).")
    int maxBody;

    @Override
    public Integer call() {
      StudyLikeData.Options o =
          new StudyLikeData.Options(issues, seed, StudyLikeData.Format.of(format), maxBody);
      StudyLikeData.Written w;
      try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
        w = StudyLikeData.write(StudyLikeData.pool(source), o, out, output.noClobber(), progress);
      }
      List<String> repos = StudyLikeData.repos();
      PrintWriter pw = spec.commandLine().getOut();
      pw.printf(
          Locale.ROOT,
          "wrote %,d issues (%,d pull requests) to %s: %.1f MB%n",
          w.issues(),
          w.pullRequests(),
          out,
          w.bytes() / 1e6);
      for (int i = 0; i < repos.size(); i++) {
        pw.printf(Locale.ROOT, "  %-22s %,d%n", repos.get(i), w.byRepo()[i]);
      }
      return 0;
    }
  }

  /** {@code bench scale}: every step of a study, at several project sizes. */
  @Command(
      name = "scale",
      mixinStandardHelpOptions = true,
      description = {
        "For each size: generates study-like issues (GitHub REST pages), then runs each step as a"
            + " user would, every one a command in a fresh JVM with a capped heap: init, import,"
            + " classify (study-v1), sample (stratified by framework and predicted category,"
            + " three annotators, 20%% overlap), simulate each annotator (setup), agreement --sample,"
            + " validate --sample, export of the sample (jsonl), issues --format jsonl (every issue"
            + " with its predicted labels), and the annotation window rendered headless on its"
            + " first issue. Prints a Markdown table of wall time, CPU time and peak memory, with"
            + " the growth of time per issue from each size to the next (1.00 = linear).",
        "Needs the packaged jar (mvn package) or the class path of a build."
      })
  static final class Scale implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--sizes",
        split = ",",
        defaultValue = "12349,100000,1000000",
        paramLabel = "N,N,…",
        description = "Project sizes in issues, ascending (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(
        names = "--runs",
        split = ",",
        defaultValue = "1",
        paramLabel = "R[,R…]",
        description = "Runs of the whole pipeline, one number or one per size (default: 1).")
    List<Integer> runs;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "Working directory (default: a new temporary directory).")
    Path dir;

    @Option(names = "--keep", description = "Keep the projects and generated files.")
    boolean keep;

    @Option(
        names = "--source",
        paramLabel = "FILE",
        description = "A dump to resample from (any import format; default: the demo issues).")
    Path source;

    @Mixin BenchSampleOptions sample;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--heap",
        defaultValue = "512m",
        paramLabel = "SIZE",
        description = "Heap cap of every command's JVM, as -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Override
    public Integer call() throws IOException {
      if (!heap.matches("[0-9]+[kKmMgG]?")) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--heap " + heap + ": expected a size such as 512m");
      }
      boolean temporary = dir == null;
      Path work = temporary ? Files.createTempDirectory("labellens-scale") : dir;
      Files.createDirectories(work);
      PrintWriter err = spec.commandLine().getErr();
      ScaleBench.Result r;
      try (TerminalProgress progress = new TerminalProgress(err, false)) {
        r =
            ScaleBench.run(
                new ScaleBench.Request(
                    sizes,
                    runs,
                    work,
                    source,
                    sample.sampleSize,
                    sample.bootstrap,
                    seed,
                    List.of("-Xmx" + heap),
                    keep),
                progress,
                line -> {
                  err.println(line);
                  err.flush();
                });
      } finally {
        if (temporary && !keep) {
          Files.deleteIfExists(work);
        }
      }
      spec.commandLine().getOut().print(ScaleBench.markdown(r));
      return 0;
    }
  }
}
