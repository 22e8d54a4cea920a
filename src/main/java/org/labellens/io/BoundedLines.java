package org.labellens.io;

import java.io.BufferedReader;
import java.io.IOException;
import org.labellens.core.BadInputException;

/**
 * Reads lines with a bound on each line and on the whole input, checked as the characters arrive: a
 * pipe or a device that never ends a line (such as {@code /dev/zero}) is refused at the bound
 * instead of filling the memory.
 */
final class BoundedLines {
  private final BufferedReader in;
  private final String name;
  private final Limits.Limit lineLimit;
  private final Limits.Limit fileLimit;
  private final long maxLine;
  private final long maxFile;
  private final StringBuilder line = new StringBuilder();
  private long total;
  private int lineNo;

  BoundedLines(BufferedReader in, String name, Limits.Limit lineLimit, Limits.Limit fileLimit) {
    this.in = in;
    this.name = name;
    this.lineLimit = lineLimit;
    this.fileLimit = fileLimit;
    this.maxLine = lineLimit.value();
    this.maxFile = fileLimit.value();
  }

  /** The number of the line last returned (1-based). */
  int lineNo() {
    return lineNo;
  }

  /** The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null. */
  String next() throws IOException {
    line.setLength(0);
    int c = in.read();
    if (c < 0) {
      return null;
    }
    lineNo++;
    while (c >= 0 && c != '\n' && c != '\r') {
      if (line.length() >= maxLine) {
        throw new BadInputException(
            name + ":" + lineNo + ": the line is longer than " + lineLimit.describe());
      }
      count();
      line.append((char) c);
      c = in.read();
    }
    if (c == '\r') {
      in.mark(1);
      if (in.read() != '\n') {
        in.reset();
      }
    }
    count();
    return line.toString();
  }

  private void count() {
    if (++total > maxFile) {
      throw new BadInputException(name + ": the file is larger than " + fileLimit.describe());
    }
  }
}
