package org.labellens;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labellens.cli.CliMain;
import org.labellens.cli.WindowOpener;
import org.labellens.ui.WindowLauncher;

/**
 * The program's entry point: with no arguments it opens the window, with a command it runs
 * headless. It is not a JavaFX {@code Application} (on the class path that would fail to start),
 * and it is the one place that knows both the CLI and the UI.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    WindowOpener window =
        r ->
            WindowLauncher.open(
                new WindowLauncher.Options(
                    r.db(), r.dbGiven(), r.annotator(), r.screenshot(), r.view(), r.theme()));
    int code = CliMain.execute(effective, out, err, window);
    reportPeakMemory(err);
    System.exit(code);
  }

  /**
   * For benchmarks: with LABELLENS_REPORT_RSS set, prints the process's peak resident memory and
   * its CPU time (every thread, user and system).
   */
  private static void reportPeakMemory(PrintWriter err) {
    if (System.getenv("LABELLENS_REPORT_RSS") == null) {
      return;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          err.println("peak-rss-kb: " + line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      err.println("peak-rss-kb: unknown");
    }
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      err.println("cpu-ms: " + sun.getProcessCpuTime() / 1_000_000);
    }
  }
}
