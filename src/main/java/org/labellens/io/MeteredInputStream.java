package org.labellens.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells its subclass how many bytes have been read (or skipped) so far, after every read. */
abstract class MeteredInputStream extends FilterInputStream {
  private long count;

  MeteredInputStream(InputStream in) {
    super(in);
  }

  /**
   * Called with the total number of bytes read or skipped so far, after each read that got some.
   */
  protected abstract void counted(long total);

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

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      advance(skipped);
    }
    return skipped;
  }

  private void advance(long n) {
    count += n;
    counted(count);
  }

  long count() {
    return count;
  }
}
