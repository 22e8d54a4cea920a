package org.labellens.cli;

import java.io.PrintWriter;
import java.io.Writer;
import org.labellens.core.ShownText;

/**
 * The one place every byte the command line prints passes through (stdout and stderr, all commands,
 * all formats, error messages): characters a terminal would obey are written as visible {@code
 * \}{@code uXXXX} escapes ({@link ShownText}). Tab and line feed pass; a carriage return passes
 * only as part of a CR LF line end. JSON output stays the same JSON (the escape is JSON's own).
 * {@code --raw} bypasses it.
 *
 * <p>A character split across two writes (a surrogate pair, CR LF) is judged whole: the first half
 * waits for the next write, and {@link #finish} settles a half left at the end.
 */
final class ShownTextWriter extends Writer {
  private final PrintWriter target;
  private final StringBuilder buf = new StringBuilder(256);
  private boolean pendingCr;
  private char pendingHigh;

  private ShownTextWriter(PrintWriter target) {
    this.target = target;
  }

  /** A print writer that shows {@code target}'s text safely; line-flushing when asked. */
  static Shown wrap(PrintWriter target, boolean autoFlush) {
    return new Shown(new ShownTextWriter(target), autoFlush);
  }

  /** The writer commands print to; {@link #unfiltered()} is for terminal control of our own. */
  static final class Shown extends PrintWriter {
    private final ShownTextWriter filter;

    private Shown(ShownTextWriter filter, boolean autoFlush) {
      super(filter, autoFlush);
      this.filter = filter;
    }

    /** Everything written so far settled and flushed. */
    void finish() {
      flush();
      synchronized (lock) {
        filter.settle();
      }
      filter.target.flush();
    }

    /** The terminal itself, after what was written here: for our own control sequences only. */
    PrintWriter unfiltered() {
      flush();
      return filter.target;
    }

    /** Whether this writer or the one below failed (a full disk, a closed pipe). */
    boolean failed() {
      boolean mine = checkError();
      return filter.target.checkError() || mine;
    }
  }

  /** The writer below, when {@code w} filters one; {@code w} itself otherwise. */
  static PrintWriter unfiltered(PrintWriter w) {
    return w instanceof Shown s ? s.unfiltered() : w;
  }

  @Override
  public void write(char[] cbuf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      take(cbuf[i]);
    }
    drain();
  }

  @Override
  public void write(String str, int off, int len) {
    for (int i = off; i < off + len; i++) {
      take(str.charAt(i));
    }
    drain();
  }

  @Override
  public void write(int c) {
    take((char) c);
    drain();
  }

  private void take(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        if (ShownText.escaped(cp)) {
          ShownText.appendEscape(buf, high);
          ShownText.appendEscape(buf, c);
        } else {
          buf.append(high).append(c);
        }
        return;
      }
      ShownText.appendEscape(buf, high);
    }
    if (pendingCr) {
      pendingCr = false;
      if (c == '\n') {
        buf.append("\r\n");
        return;
      }
      ShownText.appendEscape(buf, '\r');
    }
    if (c == '\r') {
      pendingCr = true;
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c) || ShownText.escaped(c)) {
      ShownText.appendEscape(buf, c);
    } else {
      buf.append(c);
    }
  }

  private void drain() {
    if (buf.length() > 0) {
      target.append(buf);
      buf.setLength(0);
    }
  }

  /** Writes a half left waiting (a lone carriage return or high surrogate) as its escape. */
  private void settle() {
    if (pendingHigh != 0) {
      ShownText.appendEscape(buf, pendingHigh);
      pendingHigh = 0;
    }
    if (pendingCr) {
      ShownText.appendEscape(buf, '\r');
      pendingCr = false;
    }
    drain();
  }

  @Override
  public void flush() {
    target.flush();
  }

  @Override
  public void close() {
    settle();
    target.flush();
  }
}
