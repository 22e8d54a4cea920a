package org.labellens.service;

/**
 * Keeps a long streaming job's memory near what it really holds. The JVM's default collector sizes
 * its young generation from the machine's memory, so a job that allocates a lot of short-lived text
 * (an import of gigabytes) would otherwise touch hundreds of megabytes it never needs. A collection
 * at the start, and again whenever the heap has grown well past the live data, lets the collector
 * shrink the heap; it costs a few milliseconds each time and is called once per megabyte read.
 */
final class MemoryBound {
  private static final long GROWTH_ALLOWED = 96L << 20;

  /**
   * Below this much input the first collection is skipped: it would cost more than the whole job
   * (tens of milliseconds against a few), and the job cannot grow the heap by much anyway.
   */
  static final long SMALL_JOB_BYTES = 16L << 20;

  private final Runtime runtime = Runtime.getRuntime();
  private long baseline;

  /** For a job that will read about {@code expectedBytes}. */
  MemoryBound(long expectedBytes) {
    if (expectedBytes < SMALL_JOB_BYTES) {
      baseline = runtime.totalMemory();
    } else {
      collect();
    }
  }

  void check() {
    if (runtime.totalMemory() - baseline > GROWTH_ALLOWED) {
      collect();
    }
  }

  private void collect() {
    System.gc();
    baseline = runtime.totalMemory();
  }
}
