package org.labellens.service;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks; cancelling makes the work stop and roll back. */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws {@link CancellationException} when cancelled. */
  public void check() {
    if (cancelled.get()) {
      throw new CancellationException("cancelled");
    }
  }
}
