package org.labellens.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * For benchmarks ({@link CommandTimer}), which time a command in a fresh JVM: what the command
 * reports about its own process on standard error at exit, when asked by environment variables. The
 * product knows nothing of it: the bench jar is loaded into the timed JVM as a Java agent ({@link
 * #premain}, {@code -javaagent:labellens-bench.jar}), or, from classes, {@link #main} runs the
 * product's entry point after setting up the report.
 *
 * <ul>
 *   <li>{@value #RSS}: the peak resident memory ({@code VmHWM} of {@code /proc/self/status}) and
 *       the CPU time of every thread so far, user and system ({@code /proc/self/stat}). Only files
 *       are read, at exit: the command runs as a user runs it, with no management classes loaded.
 *   <li>{@value #HEAP}: also the most heap in use just after a collection, from the JVM's
 *       collection notifications ({@link HeapWatch}, started before the command). The management
 *       beans it needs cost tens of milliseconds of start-up, so only the scale bench asks for it.
 * </ul>
 */
public final class ExitReport {
  /** The switch of the peak memory and CPU time report. */
  static final String RSS = "LABELLENS_REPORT_RSS";

  /** The switch of the heap-after-collection watch. */
  static final String HEAP = "LABELLENS_REPORT_HEAP";

  /**
   * Clock ticks per second of {@code /proc/PID/stat} times: Linux's USER_HZ, 100 on every
   * architecture the JDK runs on (what {@code getconf CLK_TCK} prints).
   */
  static final int TICKS_PER_SECOND = 100;

  private ExitReport() {}

  /** The agent's entry: arranges the report before the product's {@code main} runs. */
  public static void premain(String agentArgs) {
    install();
  }

  /** From classes: arranges the report, then runs the product as its jar would. */
  public static void main(String[] args) {
    install();
    org.labellens.Launcher.main(args);
  }

  /** Starts the heap watch and registers the report for the JVM's exit, if asked. */
  static void install() {
    if (System.getenv(HEAP) != null) {
      HeapWatch.start();
    }
    if (System.getenv(RSS) != null || System.getenv(HEAP) != null) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      print(
                          new PrintWriter(
                              new OutputStreamWriter(System.err, StandardCharsets.UTF_8)))));
    }
  }

  /** Prints what the environment asks for (nothing, for a user). */
  static void print(PrintWriter err) {
    if (System.getenv(RSS) != null) {
      long peak = -1;
      long cpu = -1;
      try {
        peak = peakRssKb(Files.readAllLines(Path.of("/proc/self/status")));
        cpu = cpuMillis(Files.readString(Path.of("/proc/self/stat")));
      } catch (IOException | RuntimeException e) {
        // not Linux: the figures stay unknown
      }
      err.println("peak-rss-kb: " + (peak < 0 ? "unknown" : Long.toString(peak)));
      err.println("cpu-ms: " + (cpu < 0 ? "unknown" : Long.toString(cpu)));
    }
    if (System.getenv(HEAP) != null) {
      err.println("heap-after-gc-kb: " + HeapWatch.mostInUseKb());
    }
    err.flush();
  }

  /** The {@code VmHWM} of a {@code /proc/PID/status} file, in kB (-1: absent). */
  static long peakRssKb(List<String> status) {
    for (String line : status) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
      }
    }
    return -1;
  }

  /**
   * User plus system time of a {@code /proc/PID/stat} line (fields 14 and 15, in clock ticks), in
   * milliseconds. The second field, the program's name in parentheses, may itself hold spaces and
   * parentheses, so the fields are counted from the last ')'.
   */
  static long cpuMillis(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    // f[0] is field 3 (the state), so field n is f[n - 3]
    long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  /**
   * Records the heap in use after each collection, an upper bound of the live data that, unlike the
   * resident size, does not depend on how far the collector let the heap grow. A class of its own,
   * so that the management classes load only when it is started.
   */
  static final class HeapWatch {
    /** The most heap in use just after a collection (-1: none yet). */
    private static final AtomicLong MOST_AFTER_GC = new AtomicLong(-1);

    private HeapWatch() {}

    static void start() {
      Set<String> heapPools = new HashSet<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(
              (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                  if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                  }
                }
                MOST_AFTER_GC.accumulateAndGet(used, Math::max);
              },
              null,
              null);
        }
      }
    }

    /**
     * The most heap in use after a collection, in kB; with no collection at all, the heap in use
     * now, which bounds what was ever live.
     */
    static long mostInUseKb() {
      long afterGc = MOST_AFTER_GC.get();
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      return (afterGc < 0 ? now : afterGc) / 1024;
    }
  }
}
