package org.labellens.cli;

import java.io.PrintWriter;
import org.labellens.core.ShownText;
import org.labellens.service.Progress;

/**
 * Shows progress of long work on stderr, on one line rewritten in place, only when stderr is a
 * terminal (scripts and pipes see nothing). Updates at most about seven times a second.
 */
final class TerminalProgress implements Progress, AutoCloseable {
  private final PrintWriter err;
  private final boolean enabled;
  private long lastShown;
  private boolean shown;

  TerminalProgress(PrintWriter err) {
    this(err, System.console() != null && !"true".equals(System.getenv("CI")));
  }

  TerminalProgress(PrintWriter err, boolean enabled) {
    // the line is rewritten with control characters of our own; the message itself is escaped
    this.err = ShownTextWriter.unfiltered(err);
    this.enabled = enabled;
  }

  @Override
  public synchronized void update(String message, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (shown && now - lastShown < 150_000_000L && done < total) {
      return;
    }
    lastShown = now;
    shown = true;
    String pct = total > 0 ? String.format(" %3d%%", Math.min(100, done * 100 / total)) : "";
    String line = ShownText.oneLine(message) + pct;
    err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001b[K");
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (enabled && shown) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }
}
