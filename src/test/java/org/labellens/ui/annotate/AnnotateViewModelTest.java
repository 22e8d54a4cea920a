package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.testing.TestIssues;
import org.labellens.ui.common.BackgroundExecutor;

/** The annotation session's view model on the synchronous executor: no toolkit. */
class AnnotateViewModelTest {
  @TempDir Path dir;
  private Project project;

  /** A clock the test moves forward. */
  private static final class StepClock extends Clock {
    Instant now = Instant.parse("2026-01-05T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final StepClock clock = new StepClock();

  /**
   * Runs background work at once, but holds in-order work (the writes) until {@link #flush}, which
   * runs it, or fails it when {@code failWrites} is set.
   */
  private static final class HeldWrites implements BackgroundExecutor {
    final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();
    boolean failWrites;

    @Override
    public <T> void run(
        java.util.concurrent.Callable<T> work,
        java.util.function.Consumer<T> onSuccess,
        java.util.function.Consumer<Throwable> onFailure) {
      BackgroundExecutor.direct().run(work, onSuccess, onFailure);
    }

    @Override
    public <T> void runInOrder(
        java.util.concurrent.Callable<T> work,
        java.util.function.Consumer<T> onSuccess,
        java.util.function.Consumer<Throwable> onFailure) {
      held.add(
          () -> {
            if (failWrites) {
              onFailure.accept(new IllegalStateException("disk full"));
            } else {
              BackgroundExecutor.direct().run(work, onSuccess, onFailure);
            }
          });
    }

    void flush() {
      while (!held.isEmpty()) {
        held.poll().run();
      }
    }
  }

  private AnnotateViewModel open(boolean blind) {
    return open(blind, BackgroundExecutor.direct());
  }

  private AnnotateViewModel open(boolean blind, BackgroundExecutor executor) {
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(80, 9), "test");
    project
        .samples()
        .draw(
            new SampleRequest(
                "s",
                12,
                null,
                null,
                null,
                null,
                "framework",
                null,
                null,
                3L,
                List.of("ana", "ben"),
                "0.5",
                blind));
    AnnotateViewModel vm =
        new AnnotateViewModel(project.annotations(), project.displays(), executor, clock);
    vm.open("s", "ana");
    return vm;
  }

  @AfterEach
  void close() {
    if (project != null) {
      project.close();
    }
  }

  private List<Decision> stored(AnnotateViewModel vm, int index) {
    QueueItem item = vm.queue().get(index);
    return project.annotations().decisions("s", "ana", item.issue());
  }

  @Test
  void commitStoresEveryDimensionAndMovesOn() {
    AnnotateViewModel vm = open(false);
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVEALED);
    vm.toggleCategory(0);
    vm.toggleCategory(4);
    vm.valueProperty("primary").set("api");
    vm.valueProperty("production").set("yes");
    vm.valueProperty("severity").set("P2");
    vm.unsureProperty().set(true);
    vm.noteProperty().set("  logs only  ");
    clock.now = clock.now.plus(Duration.ofSeconds(42));
    vm.commit();

    assertThat(vm.indexProperty().get()).isEqualTo(1);
    List<Decision> first = stored(vm, 0);
    assertThat(first)
        .extracting(Decision::dimension)
        .containsExactlyInAnyOrder("category", "primary", "production", "severity");
    Decision category =
        first.stream().filter(d -> d.dimension().equals("category")).findFirst().orElseThrow();
    assertThat(category.value().labels()).containsExactly("memory", "api");
    assertThat(category.phase()).isEqualTo(Phase.REVEALED);
    assertThat(category.unsure()).isTrue();
    assertThat(category.note()).isEqualTo("logs only");
    assertThat(category.seconds()).isEqualTo(42.0);
    assertThat(vm.queue().get(0).state()).isEqualTo(ItemState.DECIDED);
    // the next item starts from a clean draft (no classifier run in this sample)
    assertThat(vm.category(0).get()).isFalse();
    assertThat(vm.valueProperty("primary").get()).isNull();
  }

  @Test
  void backShowsTheEarlierDecisionAndAChangeWins() {
    AnnotateViewModel vm = open(false);
    vm.toggleCategory(2);
    vm.valueProperty("primary").set("concurrency");
    vm.commit();
    vm.back();
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.category(2).get()).isTrue();
    assertThat(vm.valueProperty("primary").get()).isEqualTo("concurrency");
    vm.toggleCategory(2);
    vm.toggleCategory(3);
    vm.valueProperty("primary").set("gpu");
    clock.now = clock.now.plusSeconds(5);
    vm.commit();
    List<Decision> now = stored(vm, 0);
    Decision category =
        now.stream().filter(d -> d.dimension().equals("category")).findFirst().orElseThrow();
    assertThat(category.value().labels()).containsExactly("gpu");
  }

  @Test
  void skipSendsTheItemToTheEndAndReopeningResumesAtTheFirstPending() {
    AnnotateViewModel vm = open(false);
    vm.toggleCategory(1);
    vm.commit();
    var skipped = vm.shownProperty().get().issue().key();
    vm.skip();
    assertThat(vm.statusProperty().get()).startsWith("skipped");
    QueueItem last = vm.queue().get(vm.queue().size() - 1);
    assertThat(last.issue()).isEqualTo(skipped);
    assertThat(last.state()).isEqualTo(ItemState.SKIPPED);
    var shownNow = vm.shownProperty().get().issue().key();
    assertThat(shownNow).isNotEqualTo(skipped);
    assertThat(vm.queue().get(vm.indexProperty().get()).state()).isEqualTo(ItemState.PENDING);
    AnnotateViewModel again =
        new AnnotateViewModel(
            project.annotations(), project.displays(), BackgroundExecutor.direct(), clock);
    again.open("s", "ana");
    assertThat(again.shownProperty().get().issue().key()).isEqualTo(shownNow);
  }

  @Test
  void blindFirstStoresBothPhases() {
    AnnotateViewModel vm = open(true);
    assertThat(vm.phaseProperty().get()).isEqualTo(Phase.BLIND);
    vm.toggleCategory(5);
    vm.valueProperty("primary").set("crash");
    vm.commit();
    assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REVEALED);
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.category(5).get()).as("blind choice kept to revise").isTrue();
    vm.toggleCategory(6);
    vm.commit();
    assertThat(vm.indexProperty().get()).isEqualTo(1);
    assertThat(vm.phaseProperty().get()).isEqualTo(Phase.BLIND);
    List<Decision> first = stored(vm, 0);
    assertThat(
            first.stream()
                .filter(d -> d.dimension().equals("category"))
                .map(d -> d.phase() + "=" + d.value().labels()))
        .containsExactlyInAnyOrder("BLIND=[crash]", "REVEALED=[crash, model]");
  }

  /**
   * As in the window: the view model lives on one thread (played by a single-thread executor), work
   * runs on threads of its own and hands its result back to that thread. Runs directly until {@code
   * threaded} is set, so a test can arrange its state synchronously first.
   */
  private static final class WindowThreads implements BackgroundExecutor {
    final ExecutorService window = Executors.newSingleThreadExecutor();
    final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor();
    volatile boolean threaded;

    @Override
    public void later(long millis, Runnable action) {
      timer.schedule(() -> window.execute(action), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      if (!threaded) {
        BackgroundExecutor.direct().run(work, onSuccess, onFailure);
        return;
      }
      Thread t =
          new Thread(
              () -> {
                try {
                  T result = work.call();
                  window.execute(() -> onSuccess.accept(result));
                } catch (Exception | Error e) {
                  window.execute(() -> onFailure.accept(e));
                }
              });
      t.setDaemon(true);
      t.start();
    }

    /** Runs {@code c} on the window's thread; fails if that thread is held up. */
    <T> T onWindow(Callable<T> c) throws Exception {
      return window.submit(c).get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWriteWaitsForAnotherProgramWhileTheWindowStaysResponsive() throws Exception {
    WindowThreads threads = new WindowThreads();
    AnnotateViewModel vm = open(false, threads);
    threads.threaded = true;
    QueueItem first = vm.queue().get(0);
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + project.file());
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE"); // another program takes the write lock, as an import does
      // Enter: the window's thread hands the write on and returns at once (were it waiting for
      // the write, it would wait for this test to release the lock: onWindow would fail)
      int shown =
          threads.onWindow(
              () -> {
                vm.toggleCategory(0);
                vm.commit();
                return vm.indexProperty().get();
              });
      // the decision is not stored yet, so the window does not move on
      assertThat(shown).isZero();
      assertThat(threads.onWindow(() -> vm.savingProperty().get())).isEqualTo(1);
      // the window keeps answering; after a moment it says what it waits for, and ignores keys
      // that would change a decision meanwhile
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!threads.onWindow(() -> vm.busyProperty().get()) && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertThat(threads.onWindow(() -> vm.statusProperty().get()))
          .contains("waiting for the database");
      threads.onWindow(
          () -> {
            vm.toggleCategory(1);
            vm.commit();
            vm.skip();
            return null;
          });
      assertThat(threads.onWindow(() -> vm.category(1).get())).isFalse();
      assertThat(threads.onWindow(() -> vm.savingProperty().get())).isEqualTo(1);
      assertThat(project.annotations().decisions("s", "ana", first.issue())).isEmpty();
      s.execute("COMMIT");
    }
    // the other program is done: the waiting write lands, then the next issue is shown
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (threads.onWindow(() -> vm.indexProperty().get()) != 1 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(threads.onWindow(() -> vm.indexProperty().get())).isEqualTo(1);
    assertThat(threads.onWindow(() -> vm.savingProperty().get())).isZero();
    assertThat(threads.onWindow(() -> vm.busyProperty().get())).isFalse();
    assertThat(project.annotations().decisions("s", "ana", first.issue()))
        .filteredOn(d -> d.dimension().equals("category"))
        .singleElement()
        .satisfies(d -> assertThat(d.value().labels()).containsExactly("memory"));
    threads.window.shutdown();
    threads.timer.shutdown();
  }

  @Test
  void theNextIssueIsShownOnlyOnceTheDecisionIsStored() {
    HeldWrites writes = new HeldWrites();
    AnnotateViewModel vm = open(false, writes);
    vm.toggleCategory(3);
    vm.commit();
    // the write is under way: the item is still shown, nothing changed in the queue yet
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.savingProperty().get()).isEqualTo(1);
    assertThat(vm.queue().get(0).state()).isEqualTo(ItemState.PENDING);
    assertThat(vm.decidedProperty().get()).isZero();
    assertThat(stored(vm, 0)).isEmpty();
    // a second Enter, a skip or a change meanwhile is ignored: it would land on the wrong item
    vm.commit();
    vm.skip();
    vm.toggleCategory(4);
    assertThat(vm.savingProperty().get()).isEqualTo(1);
    assertThat(vm.category(4).get()).isFalse();
    boolean[] saved = new boolean[1];
    vm.whenSaved(() -> saved[0] = true);
    assertThat(saved[0]).isFalse();
    writes.flush();
    // stored: now the window moves on
    assertThat(saved[0]).isTrue();
    assertThat(vm.savingProperty().get()).isZero();
    assertThat(vm.indexProperty().get()).isEqualTo(1);
    assertThat(vm.queue().get(0).state()).isEqualTo(ItemState.DECIDED);
    assertThat(vm.decidedProperty().get()).isEqualTo(1);
    assertThat(vm.statusProperty().get()).startsWith("saved ");
    assertThat(stored(vm, 0))
        .filteredOn(d -> d.dimension().equals("category"))
        .extracting(d -> d.value().labels())
        .containsExactly(List.of("gpu"));
    // going back shows the stored decision
    vm.back();
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.category(3).get()).isTrue();
  }

  @Test
  void aFailedWriteIsReportedAndTheIssueStaysWithItsDraft() {
    HeldWrites writes = new HeldWrites();
    AnnotateViewModel vm = open(false, writes);
    QueueItem first = vm.queue().get(0);
    vm.toggleCategory(1);
    vm.valueProperty("primary").set("performance");
    vm.commit();
    writes.failWrites = true;
    writes.flush();
    assertThat(vm.statusProperty().get())
        .startsWith("error: the decision on " + first.issue().repo() + "#" + first.issue().number())
        .contains("disk full");
    assertThat(vm.savingProperty().get()).isZero();
    assertThat(vm.queue().get(0).state()).isEqualTo(ItemState.PENDING);
    assertThat(vm.decidedProperty().get()).isZero();
    assertThat(vm.indexProperty().get()).isZero();
    assertThat(vm.category(1).get()).isTrue();
    assertThat(vm.valueProperty("primary").get()).isEqualTo("performance");
    assertThat(stored(vm, 0)).isEmpty();
    // committing again, with a working disk, stores it and moves on
    writes.failWrites = false;
    vm.commit();
    writes.flush();
    assertThat(stored(vm, 0)).isNotEmpty();
    assertThat(vm.indexProperty().get()).isEqualTo(1);
  }
}
