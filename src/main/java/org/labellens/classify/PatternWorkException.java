package org.labellens.classify;

import org.labellens.core.BadInputException;

/**
 * An issue would cost more pattern-matching work than the bound allows: refused before the work is
 * done, naming the rule, so that no issue's text can stall a run.
 */
public final class PatternWorkException extends BadInputException {
  private static final long serialVersionUID = 1L;

  PatternWorkException(String dimension, String label, String pattern, int chars, long limit) {
    super(
        "the pattern /"
            + pattern
            + "/ of label '"
            + label
            + "' (dimension '"
            + dimension
            + "') would search "
            + chars
            + " characters, taking the issue's matching work over the limit of "
            + limit
            + " steps (characters searched times the pattern's compiled size); simplify the"
            + " pattern, or raise the limit with -D"
            + KeywordClassifier.PATTERN_WORK_PROPERTY
            + "=N (e.g. LABELLENS_JAVA_OPTS=-D"
            + KeywordClassifier.PATTERN_WORK_PROPERTY
            + "="
            + (limit > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : limit * 4)
            + ")");
  }
}
