package org.labellens.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View models depend on this interface
 * only, so they are tested with {@link #direct()} and no toolkit.
 */
public interface BackgroundExecutor {
  /** Runs {@code work} in the background; exactly one callback runs afterwards on the FX thread. */
  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * Like {@link #run}, but the works given here run one at a time, in the order they were given
   * (for writes whose order matters, such as an annotator's successive decisions). Closing the
   * window waits for them.
   */
  default <T> void runInOrder(
      Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    run(work, onSuccess, onFailure);
  }

  /**
   * Runs {@code action} on the FX thread after about {@code millis} milliseconds (for notices that
   * only matter when something takes long). The default, and {@link #direct()}, never runs it: with
   * no clock of its own an executor has nothing to wait for.
   */
  default void later(long millis, Runnable action) {}

  /** Runs everything at once on the calling thread: for tests and off-screen rendering. */
  static BackgroundExecutor direct() {
    return new BackgroundExecutor() {
      @Override
      public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
          result = work.call();
        } catch (Exception | Error e) {
          onFailure.accept(e);
          return;
        }
        onSuccess.accept(result);
      }
    };
  }
}
