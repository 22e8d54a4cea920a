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
 * …}), start-up included, with the child's peak resident memory (read from {@code /proc} at its
 * exit).
 */
public final class CommandTimer {
  private static final Pattern PEAK = Pattern.compile("peak-rss-kb: (\\d+)");

  private CommandTimer() {}

  /** Wall time and peak memory of one run. */
  public record Measurement(double seconds, long peakRssKb, int exitCode, String stderr) {}

  /** The jar this program runs from (the bench needs the packaged jar). */
  public static Path ownJar() {
    try {
      Path p =
          Path.of(CommandTimer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!p.toString().endsWith(".jar")) {
        throw new IllegalStateException(
            "the bench runs from the packaged jar (mvn package); found " + p);
      }
      return p;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Measurement run(List<String> jvmOptions, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(ownJar().toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LABELLENS_REPORT_RSS", "1");
    pb.redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      byte[] err = p.getErrorStream().readAllBytes();
      int code = p.waitFor();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String stderr = new String(err, StandardCharsets.UTF_8);
      Matcher m = PEAK.matcher(stderr);
      long peak = m.find() ? Long.parseLong(m.group(1)) : -1;
      return new Measurement(seconds, peak, code, stderr);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
