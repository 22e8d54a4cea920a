package org.labellens.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Background work of which only the newest request counts: a result or failure that arrives after a
 * newer request (or a {@link #cancel}) is dropped. {@link #busyProperty} is true while the newest
 * request runs.
 */
public final class LatestOnly {
  private final BackgroundExecutor background;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private int generation;

  public LatestOnly(BackgroundExecutor background) {
    this.background = background;
  }

  /** Runs {@code work}; the callbacks run only if no newer request came in the meantime. */
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    int g = ++generation;
    busy.set(true);
    background.run(
        work,
        result -> {
          if (g == generation) {
            busy.set(false);
            onSuccess.accept(result);
          }
        },
        e -> {
          if (g == generation) {
            busy.set(false);
            onFailure.accept(e);
          }
        });
  }

  /** Drops whatever is still running: its result will not be shown. */
  public void cancel() {
    generation++;
    busy.set(false);
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
