package org.labellens.io;

import java.io.InputStream;
import org.labellens.core.BadInputException;

/**
 * Refuses to read past a size limit, whatever the stream is (a regular file, a pipe, a device): the
 * bound is checked as bytes arrive, not from the file's size.
 */
final class LimitedInputStream extends MeteredInputStream {
  private final String name;
  private final Limits.Limit limit;

  LimitedInputStream(InputStream in, String name, Limits.Limit limit) {
    super(in);
    this.name = name;
    this.limit = limit;
  }

  @Override
  protected void counted(long total) {
    if (total > limit.value()) {
      throw new BadInputException(name + ": the file is larger than " + limit.describe());
    }
  }
}
