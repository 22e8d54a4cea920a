package org.labellens.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts bytes as they are read and reports the count about every megabyte. */
final class CountingInputStream extends FilterInputStream {
  private static final long REPORT_EVERY = 1 << 20;
  private final LongConsumer progress;
  private long count;
  private long nextReport = REPORT_EVERY;

  CountingInputStream(InputStream in, LongConsumer progress) {
    super(in);
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  private void advance(long n) {
    count += n;
    if (count >= nextReport) {
      nextReport = count + REPORT_EVERY;
      progress.accept(count);
    }
  }

  long count() {
    return count;
  }
}
