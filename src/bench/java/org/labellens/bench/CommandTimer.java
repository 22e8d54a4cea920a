package org.labellens.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a whole LabelLens command as a user runs it: a fresh JVM started by the launcher script
 * {@code ./labellens} of the checkout (or {@code java -jar labellens.jar …} where the product jar
 * has no launcher beside it), start-up included, with the child's peak resident memory and CPU
 * time, which the child reads from {@code /proc} at its exit (a cost too small to measure), and,
 * only when asked, the most heap in use after a collection, which needs the JVM's management beans
 * in the child (tens of milliseconds of start-up: the import and validate benches, which time the
 * command, do not ask for it). The product reports nothing itself: the bench jar is loaded into the
 * child as a Java agent ({@link ExitReport}) to do it. From classes (tests), the child runs {@link
 * ExitReport#main} on this JVM's class path.
 */
public final class CommandTimer {
  /** The launcher script's name, at the top of the checkout (beside {@code target/}). */
  public static final String LAUNCHER = "labellens";

  /** The product jar's name; the bench jar is built beside it ({@code target/}). */
  static final String PRODUCT_JAR = "labellens.jar";

  /** The child's switch of its peak memory and CPU time report ({@link ExitReport}). */
  static final String REPORT_RSS = ExitReport.RSS;

  /** The child's switch of its heap-after-collection watch ({@link ExitReport}). */
  static final String REPORT_HEAP = ExitReport.HEAP;

  private static final Pattern PEAK = Pattern.compile("peak-rss-kb: (\\d+)");
  private static final Pattern CPU = Pattern.compile("cpu-ms: (\\d+)");
  private static final Pattern HEAP = Pattern.compile("heap-after-gc-kb: (\\d+)");

  private CommandTimer() {}

  /**
   * One run: wall time, peak resident memory, CPU time (all threads) and the most heap in use just
   * after a garbage collection (the last three -1 when the child did not report them; the heap
   * always, unless asked for).
   */
  public record Measurement(
      double seconds,
      long peakRssKb,
      long cpuMillis,
      long heapAfterGcKb,
      int exitCode,
      String stderr) {}

  /** The product jar beside the bench jar this program runs from (the bench needs both). */
  public static Path ownJar() {
    Path p = codeSource();
    if (!p.toString().endsWith(".jar")) {
      throw new IllegalStateException(
          "the bench runs from the packaged jars (mvn -Pbench package); found " + p);
    }
    Path product = p.resolveSibling(PRODUCT_JAR);
    if (!Files.isRegularFile(product)) {
      throw new IllegalStateException("the product jar is missing: " + product);
    }
    return product;
  }

  private static Path codeSource() {
    try {
      return Path.of(
          CommandTimer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The launcher a user runs: {@code ./labellens} of the checkout the jar was built in (it runs
   * {@code target/labellens.jar} with the JVM settings written in it), or empty for a jar
   * elsewhere, which is then timed as {@code java -jar}.
   */
  public static Optional<Path> launcher() {
    return launcher(ownJar());
  }

  static Optional<Path> launcher(Path productJar) {
    Path jar = productJar.toAbsolutePath();
    Path target = jar.getParent();
    if (!jar.getFileName().toString().equals(PRODUCT_JAR)
        || target == null
        || !target.getFileName().toString().equals("target")
        || target.getParent() == null) {
      return Optional.empty();
    }
    Path script = target.getParent().resolve(LAUNCHER);
    return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
  }

  /** How the timed commands are started, for the benchmark's output. */
  public static String describeLauncher() {
    Path source = codeSource();
    if (!source.toString().endsWith(".jar")) {
      return "java -cp <class path> org.labellens.bench.ExitReport";
    }
    Path product = source.resolveSibling(PRODUCT_JAR);
    return launcher(product).map(p -> p.toString()).orElse("java -jar " + product);
  }

  /**
   * The command line that runs LabelLens with {@code args} as a user does, the bench jar {@code
   * benchCode} (or, from classes, this JVM's class path) reporting at exit: through the launcher
   * script beside the product jar with this JVM as its {@code JAVA_HOME} ({@code -javaagent} and
   * the extra {@code jvmOptions} go to {@code LABELLENS_JAVA_OPTS}), or {@code java -javaagent
   * [jvmOptions] -jar} when there is no launcher, or from classes (tests) {@code java [jvmOptions]
   * -cp <this class path> org.labellens.bench.ExitReport}.
   */
  static ProcessBuilder command(Path benchCode, List<String> jvmOptions, List<String> args) {
    String javaHome = System.getProperty("java.home");
    List<String> cmd = new ArrayList<>();
    boolean packaged = benchCode.toString().endsWith(".jar");
    Path product = benchCode.resolveSibling(PRODUCT_JAR);
    Optional<Path> script = packaged ? launcher(product) : Optional.empty();
    List<String> options = new ArrayList<>();
    if (packaged) {
      options.add("-javaagent:" + benchCode);
    }
    options.addAll(jvmOptions);
    if (script.isPresent()) {
      cmd.add("sh");
      cmd.add(script.get().toString());
    } else {
      cmd.add(Path.of(javaHome, "bin", "java").toString());
      cmd.addAll(options);
      if (packaged) {
        cmd.add("-jar");
        cmd.add(product.toString());
      } else {
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ExitReport.class.getName());
      }
    }
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (script.isPresent()) {
      pb.environment().put("JAVA_HOME", javaHome);
      pb.environment().put("LABELLENS_JAVA_OPTS", String.join(" ", options));
    }
    return pb;
  }

  /** Asks the child for its exit report: always peak memory and CPU time, the heap if asked. */
  static void report(ProcessBuilder pb, boolean heapAfterGc) {
    pb.environment().put(REPORT_RSS, "1");
    if (heapAfterGc) {
      pb.environment().put(REPORT_HEAP, "1");
    } else {
      pb.environment().remove(REPORT_HEAP);
    }
  }

  public static Measurement run(List<String> jvmOptions, List<String> args) {
    return run(jvmOptions, args, null, false);
  }

  /**
   * Runs the command with its standard output written to {@code stdout} (null: discarded); with
   * {@code heapAfterGc}, the child also watches its heap after each collection, which slows its
   * start.
   */
  public static Measurement run(
      List<String> jvmOptions, List<String> args, Path stdout, boolean heapAfterGc) {
    ProcessBuilder pb = command(codeSource(), jvmOptions, args);
    List<String> cmd = pb.command();
    report(pb, heapAfterGc);
    pb.redirectOutput(
        ProcessBuilder.Redirect.to(stdout == null ? new File("/dev/null") : stdout.toFile()));
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      byte[] err = p.getErrorStream().readAllBytes();
      int code = p.waitFor();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String stderr = new String(err, StandardCharsets.UTF_8);
      Matcher m = PEAK.matcher(stderr);
      long peak = m.find() ? Long.parseLong(m.group(1)) : -1;
      Matcher c = CPU.matcher(stderr);
      long cpu = c.find() ? Long.parseLong(c.group(1)) : -1;
      Matcher h = HEAP.matcher(stderr);
      long heap = h.find() ? Long.parseLong(h.group(1)) : -1;
      return new Measurement(seconds, peak, cpu, heap, code, stderr);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
