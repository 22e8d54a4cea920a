package org.labellens.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.labellens.core.BadInputException;

/**
 * Refuses to read past a size limit, whatever the stream is (a regular file, a pipe, a device): the
 * bound is checked as bytes arrive, not from the file's size.
 */
final class LimitedInputStream extends FilterInputStream {
  private final String name;
  private final Limits.Limit limit;
  private final long max;
  private long count;

  LimitedInputStream(InputStream in, String name, Limits.Limit limit) {
    super(in);
    this.name = name;
    this.limit = limit;
    this.max = limit.value();
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
    if (count > max) {
      throw new BadInputException(name + ": the file is larger than " + limit.describe());
    }
  }
}
