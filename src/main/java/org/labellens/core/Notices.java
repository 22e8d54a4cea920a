package org.labellens.core;

import java.util.function.Consumer;

/**
 * One-line notices for the person running a command, about something done on their behalf that they
 * did not ask for (a leftover of a killed command removed, a half-built demo rebuilt). The command
 * line prints them on stderr; elsewhere they are dropped.
 */
public final class Notices {
  private static volatile Consumer<String> sink = s -> {};

  private Notices() {}

  /** Reports {@code line}. */
  public static void say(String line) {
    sink.accept(line);
  }

  /** Sends notices to {@code to} until the returned handle is closed (then to the previous one). */
  public static Handle to(Consumer<String> to) {
    Consumer<String> previous = sink;
    sink = to;
    return () -> sink = previous;
  }

  /** Restores the previous destination. */
  public interface Handle extends AutoCloseable {
    @Override
    void close();
  }
}
