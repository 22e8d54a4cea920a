package org.labellens.core.stats;

import org.labellens.core.BadInputException;

/**
 * The study's shape makes a measure inapplicable: it has no ratings, fewer than two raters, or a
 * measure for exactly two raters is asked of a study with more. The message explains which and why.
 *
 * <p>This is different from an <em>undefined</em> coefficient ({@link Coefficient#undefined}): a
 * study of the right shape can still give 0/0 for its data (every rating in one category), and that
 * is a result, not an error. See docs/decisions/0004-agreement-missing-and-undefined.md.
 */
public class InsufficientDataException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public InsufficientDataException(String message) {
    super(message);
  }
}
