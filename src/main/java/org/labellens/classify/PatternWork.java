package org.labellens.classify;

import com.google.re2j.Pattern;

/**
 * The pattern-matching work one issue has cost so far (characters searched times the pattern's
 * compiled size), refused before it is done when it would exceed the bound
 * (docs/decisions/0012-linear-time-patterns-and-bounded-inputs.md).
 */
final class PatternWork {
  private final long limit;
  private long patternWork;

  PatternWork(long limit) {
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  /** A new issue: nothing spent yet. */
  void reset() {
    patternWork = 0;
  }

  /**
   * Adds a search of {@code chars} characters by {@code pattern} to this pattern work, and
   * refuses it, before it is done, when that would exceed the bound.
   */
  void charge(RuleKeyword sink, Pattern pattern, int chars) {
    long cost = (long) chars * Math.max(1, pattern.programSize());
    patternWork += cost;
    if (patternWork > limit || patternWork < 0) {
      throw new PatternWorkException(sink.dimension, sink.labelId, pattern.pattern(), chars, limit);
    }
  }
}
