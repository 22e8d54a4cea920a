package org.labellens.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * The window's background executor: named daemon threads, results handed to the FX thread with
 * {@link Platform#runLater}. Database writes are serialised further down, on the database's single
 * writer thread.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FxBackgroundExecutor.class.getName());
  private final ExecutorService pool;

  public FxBackgroundExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "labellens-background-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setUncaughtExceptionHandler(
                  (th, e) -> LOG.log(Level.SEVERE, "uncaught in " + th.getName(), e));
              return t;
            });
  }

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    pool.execute(
        () -> {
          try {
            T result = work.call();
            Platform.runLater(() -> onSuccess.accept(result));
          } catch (Exception | Error e) {
            Platform.runLater(() -> onFailure.accept(e));
          }
        });
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
