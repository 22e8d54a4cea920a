package org.labellens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ExitReportTest {
  @TempDir Path dir;

  @Test
  void cpuTimeIsUserPlusSystemTicksCountedAfterTheProgramsName() {
    // the name may hold spaces and parentheses; fields 14 and 15 are 250 and 37 ticks
    String stat =
        "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 37 0 0 20 0 19 0 100 4096 10";

    assertThat(ExitReport.cpuMillis(stat)).isEqualTo(2870);
  }

  @Test
  void peakMemoryIsTheHighWaterMarkInKilobytes() {
    List<String> status =
        List.of("Name:\tjava", "VmPeak:\t 9999999 kB", "VmHWM:\t  123456 kB", "VmRSS:\t 100 kB");

    assertThat(ExitReport.peakRssKb(status)).isEqualTo(123456);
    assertThat(ExitReport.peakRssKb(List.of("Name:\tjava"))).isEqualTo(-1);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void cpuTimeFromProcAgreesWithTheJvmsOwnFigure() throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime() / 1_000_000;
    long proc = ExitReport.cpuMillis(Files.readString(Path.of("/proc/self/stat")));
    long after = os.getProcessCpuTime() / 1_000_000;

    // /proc counts whole ticks of 10 ms, rounded down
    assertThat(proc).isBetween(before - 2 * 10, after);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void theReportLoadsNoManagementClassesUnlessTheHeapIsWatched() throws Exception {
    Run plain = run(false);
    assertThat(plain.err)
        .containsPattern("peak-rss-kb: [1-9]\\d*\n")
        .containsPattern("cpu-ms: \\d+\n");
    assertThat(plain.err).doesNotContain("heap-after-gc-kb");
    assertThat(plain.classes).contains("org.labellens.bench.ExitReport ");
    assertThat(plain.classes).doesNotContain("java.lang.management.").doesNotContain("HeapWatch");

    Run watched = run(true);
    assertThat(watched.err)
        .containsPattern("peak-rss-kb: [1-9]\\d*\n")
        .containsPattern("heap-after-gc-kb: [1-9]\\d*\n");
    assertThat(watched.classes).contains("java.lang.management.ManagementFactory ");
  }

  private record Run(String err, String classes) {}

  /** {@code labellens --version} in a fresh JVM from this class path, asked for its report. */
  private Run run(boolean heap) throws Exception {
    Path log = dir.resolve("classes-" + heap + ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xlog:class+load=info:file=" + log,
            "-cp",
            System.getProperty("java.class.path"),
            ExitReport.class.getName(),
            "--version");
    pb.environment().put(ExitReport.RSS, "1");
    if (heap) {
      pb.environment().put(ExitReport.HEAP, "1");
    } else {
      pb.environment().remove(ExitReport.HEAP);
    }
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(err).isZero();
    return new Run(err, Files.readString(log));
  }
}
