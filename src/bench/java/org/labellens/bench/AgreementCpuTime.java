package org.labellens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.AgreementStudy;

/**
 * A companion to {@link AgreementBenchmark} for busy machines: the median wall time and the median
 * CPU time of the calling thread per operation, on the same 20,000 × 3 × 8 study. The engine runs
 * on the calling thread, so that CPU time is the whole cost, and it does not grow when other
 * processes take the cores.
 */
public final class AgreementCpuTime {
  private AgreementCpuTime() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (double missing : new double[] {0.0, 0.2}) {
      AgreementStudy<String> study =
          AgreementBenchmark.build(
              AgreementBenchmark.ratings(
                  AgreementBenchmark.ITEMS,
                  AgreementBenchmark.RATERS,
                  AgreementBenchmark.LABELS,
                  missing,
                  20_240_601L));
      for (int replicates : new int[] {0, 1000}) {
        AgreementOptions options = new AgreementOptions(replicates, 1, false);
        for (int warmup = 0; warmup < (replicates == 0 ? 2000 : 5); warmup++) {
          AgreementReport.compute(study, options);
        }
        int repeat = replicates == 0 ? 200 : 1;
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int run = 0; run < runs; run++) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          long wall0 = System.nanoTime();
          for (int r = 0; r < repeat; r++) {
            AgreementReport.compute(study, options);
          }
          wall[run] = (System.nanoTime() - wall0) / 1e6 / repeat;
          cpu[run] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / repeat;
        }
        System.out.printf(
            Locale.ROOT,
            "missing %.1f, bootstrap %4d: median wall %8.3f ms, median CPU %8.3f ms (%d runs,"
                + " %d processors)%n",
            missing,
            replicates,
            median(wall),
            median(cpu),
            runs,
            Runtime.getRuntime().availableProcessors());
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
