package org.labellens;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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

  /** The most heap in use just after a garbage collection (-1: none yet), for benchmarks. */
  private static final AtomicLong HEAP_AFTER_GC = new AtomicLong(-1);

  public static void main(String[] args) {
    watchHeapAfterCollections();
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
                    r.db(),
                    r.dbGiven(),
                    r.annotator(),
                    r.screenshot(),
                    r.view(),
                    r.theme(),
                    r.sample(),
                    r.tab()));
    int code = CliMain.execute(effective, out, err, window);
    reportPeakMemory(err);
    System.exit(code);
  }

  /**
   * For benchmarks: with LABELLENS_REPORT_RSS set, prints the process's peak resident memory, its
   * CPU time (every thread, user and system) and the most heap in use after a collection.
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
    long afterGc = HEAP_AFTER_GC.get();
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    // with no collection at all, the heap in use at exit bounds what was ever live
    err.println("heap-after-gc-kb: " + (afterGc < 0 ? now : afterGc) / 1024);
  }

  /**
   * For benchmarks: records the heap in use after each collection, an upper bound of the live data
   * that, unlike the resident size, does not depend on how far the collector let the heap grow.
   */
  private static void watchHeapAfterCollections() {
    if (System.getenv("LABELLENS_REPORT_RSS") == null) {
      return;
    }
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
              HEAP_AFTER_GC.accumulateAndGet(used, Math::max);
            },
            null,
            null);
      }
    }
  }
}
