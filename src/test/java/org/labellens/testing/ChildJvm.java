package org.labellens.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.labellens.cli.BenchCommand;

/**
 * The command line in a JVM of its own (this test's class path, through {@code
 * org.labellens.Launcher}; {@code bench …} through the benchmarks' {@code
 * org.labellens.cli.BenchCommand}), for tests that kill it or run several at once. Its standard
 * output is read line by line as it comes, each line with the moment it arrived; standard error is
 * collected. The JVM is started cheaply (class data sharing, the quick compiler only, a small
 * heap), since these tests start many of them on a busy machine.
 */
public final class ChildJvm implements AutoCloseable {
  /** A line of standard output and when it was read (System.nanoTime). */
  public record Line(String text, long nanos) {}

  private static final Line EOF = new Line(null, 0);

  private final Process process;
  private final long startedNanos;
  private final BlockingQueue<Line> pending = new LinkedBlockingQueue<>();
  private final List<Line> out = new ArrayList<>();
  private final StringBuilder err = new StringBuilder();
  private final Thread outReader;
  private final Thread errReader;
  private boolean ended;

  private ChildJvm(Process process, long startedNanos) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.outReader = reader(process.getInputStream(), "out", true);
    this.errReader = reader(process.getErrorStream(), "err", false);
  }

  /** Starts {@code labellens ARGS…} in a new JVM. */
  public static ChildJvm start(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xss1m");
    cmd.add("-Xmx256m");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    if (args.length > 0 && args[0].equals(Cli.BENCH)) {
      cmd.add(BenchCommand.class.getName());
      cmd.addAll(List.of(args).subList(1, args.length));
    } else {
      cmd.add("org.labellens.Launcher");
      cmd.addAll(List.of(args));
    }
    try {
      long t0 = System.nanoTime();
      return new ChildJvm(new ProcessBuilder(cmd).start(), t0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Thread reader(InputStream in, String name, boolean lines) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (lines) {
                    pending.add(new Line(line, System.nanoTime()));
                  } else {
                    synchronized (err) {
                      err.append(line).append('\n');
                    }
                  }
                }
              } catch (IOException e) {
                // the process was killed while we read: what arrived before is kept
              } finally {
                if (lines) {
                  pending.add(EOF);
                }
              }
            },
            "child-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** When the process was started (System.nanoTime). */
  public long startedNanos() {
    return startedNanos;
  }

  /**
   * The next line of standard output, waiting at most {@code timeoutMs}; null at the end of the
   * output or on timeout ({@link #ended()} tells which).
   */
  public Line nextLine(long timeoutMs) throws InterruptedException {
    if (ended) {
      return null;
    }
    Line l = pending.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (l == EOF) {
      ended = true;
      return null;
    }
    if (l != null) {
      out.add(l);
    }
    return l;
  }

  /** Whether the whole standard output has been read. */
  public boolean ended() {
    return ended;
  }

  /**
   * Kills the process at once (SIGKILL on Linux): no shutdown hook, no flush, nothing. Through its
   * handle: {@code Process.destroyForcibly()} would also close our end of its output, losing lines
   * it wrote before it died that we have not read yet.
   */
  public void kill() {
    process.toHandle().destroyForcibly();
  }

  /** Waits at most {@code millis} for the process to end on its own; whether it has. */
  public boolean endsWithin(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Waits for the process to end (at most {@code timeoutSeconds}, else kills it and fails), reads
   * the rest of its output, and returns its exit code.
   */
  public int await(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      throw new AssertionError(
          "the child JVM did not end within " + timeoutSeconds + " s; stderr:\n" + err());
    }
    while (nextLine(10_000) != null) {
      // drain: every line the process wrote before it ended
    }
    errReader.join(10_000);
    outReader.join(10_000);
    return process.exitValue();
  }

  /** Every line of standard output read so far. */
  public List<Line> lines() {
    return List.copyOf(out);
  }

  /** The text of every line of standard output read so far. */
  public List<String> texts() {
    return out.stream().map(Line::text).toList();
  }

  /** Standard error so far. */
  public String err() {
    synchronized (err) {
      return err.toString();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
