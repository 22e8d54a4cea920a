package org.labellens.core.annotation;

import org.labellens.core.BadInputException;

/**
 * A decision that cannot be recorded, naming which decision of a batch and which field is at fault,
 * so that an importer can point at the file and line.
 */
public final class InvalidDecisionException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final String field;
  private final String reason;

  public InvalidDecisionException(int index, String field, String reason) {
    super("field '" + field + "': " + reason);
    this.index = index;
    this.field = field;
    this.reason = reason;
  }

  /** The position of the decision in the batch, from 0. */
  public int index() {
    return index;
  }

  /** The field at fault, as named in exchange files (e.g. {@code number}, {@code value}). */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String reason() {
    return reason;
  }
}
