package org.labellens.store;

/** A database failure the user cannot fix by changing their input (I/O error, full disk, a bug). */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
