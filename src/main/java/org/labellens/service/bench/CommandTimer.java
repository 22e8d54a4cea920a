package org.labellens.service.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a whole LabelLens command as a user runs it: a fresh JVM ({@code java -jar labellens.jar
 * …}), start-up included, with the child's peak resident memory and CPU time (reported by the child
 * itself from {@code /proc} at its exit).
 */
public final class CommandTimer {
  private static final Pattern PEAK = Pattern.compile("peak-rss-kb: (\\d+)");
  private static final Pattern CPU = Pattern.compile("cpu-ms: (\\d+)");
  private static final Pattern HEAP = Pattern.compile("heap-after-gc-kb: (\\d+)");

  private CommandTimer() {}

  /**
   * One run: wall time, peak resident memory, CPU time (all threads) and the most heap in use just
   * after a garbage collection (the last three -1 when the child did not report them).
   */
  public record Measurement(
      double seconds,
      long peakRssKb,
      long cpuMillis,
      long heapAfterGcKb,
      int exitCode,
      String stderr) {}

  /** The jar this program runs from (the bench needs the packaged jar). */
  public static Path ownJar() {
    Path p = codeSource();
    if (!p.toString().endsWith(".jar")) {
      throw new IllegalStateException(
          "the bench runs from the packaged jar (mvn package); found " + p);
    }
    return p;
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
   * The command line that starts the program in a new JVM: {@code java OPTIONS -jar labellens.jar}
   * from the packaged jar; from classes (tests), the launcher on this JVM's class path.
   */
  static List<String> javaCommand(List<String> jvmOptions) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    Path source = codeSource();
    if (source.toString().endsWith(".jar")) {
      cmd.add("-jar");
      cmd.add(source.toString());
    } else {
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("org.labellens.Launcher");
    }
    return cmd;
  }

  public static Measurement run(List<String> jvmOptions, List<String> args) {
    return run(jvmOptions, args, null);
  }

  /** Runs the command with its standard output written to {@code stdout} (null: discarded). */
  public static Measurement run(List<String> jvmOptions, List<String> args, Path stdout) {
    List<String> cmd = javaCommand(jvmOptions);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LABELLENS_REPORT_RSS", "1");
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
