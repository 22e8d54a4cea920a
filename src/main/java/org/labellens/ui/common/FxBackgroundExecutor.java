package org.labellens.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * The window's background executor: named daemon threads, results handed to the FX thread with
 * {@link Platform#runLater}. Database writes are serialised further down, on the database's single
 * writer thread; {@link #runInOrder} work runs on one more thread, in order, and {@link #close}
 * waits for it (a decision committed just before the window closes is still written).
 */
public final class FxBackgroundExecutor implements BackgroundExecutor, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FxBackgroundExecutor.class.getName());
  private static final long DRAIN_SECONDS = 60;
  private final ExecutorService pool;
  private final ExecutorService ordered;
  private final ScheduledExecutorService timer;

  public FxBackgroundExecutor(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads, r -> daemon(r, "labellens-background-" + n.incrementAndGet()));
    this.ordered = Executors.newSingleThreadExecutor(r -> daemon(r, "labellens-ordered"));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "labellens-timer"));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.setUncaughtExceptionHandler(
        (th, e) -> LOG.log(Level.SEVERE, "uncaught in " + th.getName(), e));
    return t;
  }

  @Override
  public void later(long millis, Runnable action) {
    timer.schedule(() -> Platform.runLater(action), millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    pool.execute(handingBack(work, onSuccess, onFailure));
  }

  @Override
  public <T> void runInOrder(
      Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    ordered.execute(handingBack(work, onSuccess, onFailure));
  }

  /** Runs {@code work}, then hands its result or failure to the FX thread. */
  private static <T> Runnable handingBack(
      Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    return () -> {
      try {
        T result = work.call();
        Platform.runLater(() -> onSuccess.accept(result));
      } catch (Exception | Error e) {
        Platform.runLater(() -> onFailure.accept(e));
      }
    };
  }

  /** Waits for the in-order work (up to a minute), then stops everything else. */
  @Override
  public void close() {
    ordered.shutdown();
    try {
      if (!ordered.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
        LOG.severe("in-order work still running after " + DRAIN_SECONDS + " s; stopping it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ordered.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }
}
