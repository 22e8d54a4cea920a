package org.labellens.io;

import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts bytes as they are read and reports the count about every megabyte. */
final class CountingInputStream extends MeteredInputStream {
  private static final long REPORT_EVERY = 1 << 20;
  private final LongConsumer progress;
  private long nextReport = REPORT_EVERY;

  CountingInputStream(InputStream in, LongConsumer progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  protected void counted(long total) {
    if (total >= nextReport) {
      nextReport = total + REPORT_EVERY;
      progress.accept(total);
    }
  }
}
