package org.labellens.core;

/**
 * Bad input or bad state that the user can fix: a malformed file, an unknown name, a database of
 * the wrong version. The message is complete and meant for people; it names the file, the line (or
 * JSON location) and the field where one applies. The CLI prints it as one {@code error:} line and
 * exits 1.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
