package org.labellens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.store.IssueStore;

/**
 * The CPU time of an import's reading thread alone: parsing a file and making each issue ready to
 * store (content hash), exactly as the import's reading thread does, without SQLite. One pass per
 * JVM, since what the import pays is a cold pass (the quick JIT compiler catching up); start it
 * several times with the launcher's JVM settings and take the median:
 *
 * <pre>
 * for i in 1 2 3 4 5 6 7; do java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp CP \
 *     org.labellens.bench.ImportReadCpu rest.json; done
 * </pre>
 *
 * Prints the thread's CPU time and wall time in milliseconds, and a check figure (issues, title and
 * body characters) that must not change between builds.
 */
public final class ImportReadCpu {
  private ImportReadCpu() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] count = new long[2];
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    new IssueFileReader(ReadOptions.DEFAULT)
        .read(
            file,
            IssueFormat.AUTO,
            new IssueSink() {
              @Override
              public void issue(ImportedIssue imported) {
                IssueStore.Encoded e = IssueStore.encode(imported.issue());
                count[0]++;
                count[1] += e.issue().title().length() + e.issue().body().length();
              }

              @Override
              public void pullRequestSkipped(String location) {}
            });
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    System.out.printf(
        Locale.ROOT,
        "read cpu %d ms, wall %d ms (%d issues, %d characters of title and body)%n",
        cpu / 1_000_000,
        wall / 1_000_000,
        count[0],
        count[1]);
  }
}
