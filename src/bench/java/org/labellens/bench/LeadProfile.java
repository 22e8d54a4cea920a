package org.labellens.bench;

import java.nio.file.Path;
import org.labellens.service.Project;

/** Times the lead's services on an existing project, in process: {@code LeadProfile DB SAMPLE}. */
public final class LeadProfile {
  private LeadProfile() {}

  public static void main(String[] args) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    try (Project p = Project.open(Path.of(args[0]))) {
      for (int round = 0; round < 3; round++) {
        long cpu0 = os.getProcessCpuTime();
        p.validation().validate(args[1], null, 0, 1);
        long cpu1 = os.getProcessCpuTime();
        p.validation().validate(args[1], null, 1000, 1);
        long cpu2 = os.getProcessCpuTime();
        p.report().document(args[1], null, 1000, 1, true);
        long cpu3 = os.getProcessCpuTime();
        System.out.printf(
            "cpu: validate B=0 %.2f s, B=1000 %.2f s, report %.2f s%n",
            (cpu1 - cpu0) / 1e9, (cpu2 - cpu1) / 1e9, (cpu3 - cpu2) / 1e9);
        long a = System.nanoTime();
        p.validation().validate(args[1], null, 0, 1);
        long b = System.nanoTime();
        p.validation().validate(args[1], null, 1000, 1);
        long c = System.nanoTime();
        p.sampleAgreement().agreement(args[1], null, 1000, 1);
        long d = System.nanoTime();
        p.report().document(args[1], null, 1000, 1, true);
        long e = System.nanoTime();
        System.out.printf(
            "validate B=0 %.2f s, B=1000 %.2f s, agreement %.2f s, report %.2f s%n",
            (b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9, (e - d) / 1e9);
      }
    }
  }
}
