package org.labellens.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.report.ReportSection;
import org.labellens.core.report.ReportTable;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.service.Project;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The review window's view models show the command line's numbers (same services, bootstrap and
 * seed) and compute them off the calling thread.
 */
class ReviewViewModelTest {
  private static final int REPLICATES = 200;
  private static final long SEED = 3;

  @TempDir static Path dir;
  static Project project;

  @BeforeAll
  static void setUp() {
    project = LeadProjects.create(dir, 20, 80, "0.5", false);
  }

  @AfterAll
  static void tearDown() {
    project.close();
  }

  private static ReviewViewModel loaded(BackgroundExecutor background) {
    ReviewViewModel vm = new ReviewViewModel(project, background);
    vm.replicatesProperty().set(REPLICATES);
    vm.seedProperty().set(SEED);
    vm.load(LeadProjects.SAMPLE);
    return vm;
  }

  private static String cli(String command) {
    Cli.Result r =
        Cli.run(
            command,
            "--sample",
            LeadProjects.SAMPLE,
            "--bootstrap",
            Integer.toString(REPLICATES),
            "--seed",
            Long.toString(SEED),
            "--db",
            project.file().toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  private static String squeeze(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  @Test
  void validationTablesAreTheCommandLinesTables() {
    ReviewViewModel vm = loaded(BackgroundExecutor.direct());
    List<ReportSection> sections = vm.validation().sections();
    assertThat(sections).isNotEmpty();
    Set<String> printed = new HashSet<>();
    for (String line : cli("validate").split("\n")) {
      printed.add(squeeze(line));
    }
    int rows = 0;
    int captions = 0;
    for (ReportSection s : sections) {
      for (ReportTable t : s.tables()) {
        // the command line prints the first 25 keyword rows; the window all of them
        for (List<String> row : t.rows().subList(0, Math.min(25, t.rows().size()))) {
          assertThat(printed)
              .as("printed by validate: %s", row)
              .contains(squeeze(String.join(" ", row)));
          rows++;
        }
        boolean figures =
            t.header().stream().anyMatch(h -> h.contains("Precision") || h.contains("share"));
        if (figures) {
          assertThat(t.caption()).containsAnyOf("design-weighted", "unweighted");
          captions++;
        }
      }
    }
    assertThat(rows).isGreaterThan(20);
    assertThat(captions).isGreaterThanOrEqualTo(4);
    assertThat(vm.validation().confusionProperty().get()).isNotNull();
  }

  @Test
  void theWindowSaysSoWhenTheFiguresRestOnSimulatedDecisions() {
    // the lead project's annotators are simulated
    ReviewViewModel vm = loaded(BackgroundExecutor.direct());
    String banner = vm.validation().simulatedProperty().get();
    assertThat(banner).startsWith("SIMULATED: ").contains("made by `simulate`, not by people");
    assertThat(vm.agreement().simulatedProperty().get()).isEqualTo(banner);
    assertThat(cli("validate")).contains(banner);
    assertThat(cli("agreement")).contains(banner);
  }

  @Test
  void agreementBarsMatrixAndClassifierShowTheCommandLinesFigures() {
    ReviewViewModel vm = loaded(BackgroundExecutor.direct());
    AgreementViewModel a = vm.agreement();
    String out = cli("agreement");
    List<String> lines = Arrays.asList(out.split("\n"));
    assertThat(a.bars()).isNotEmpty();
    int checked = 0;
    for (AgreementViewModel.BarRow row : a.bars()) {
      if (row.reason() != null || !row.name().startsWith("category: ")) {
        continue;
      }
      String label = row.name().substring("category: ".length());
      String line =
          lines.stream()
              .filter(l -> l.startsWith(label + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no per-label row for " + label));
      for (AgreementViewModel.Figure f : row.figures()) {
        assertThat(squeeze(line)).contains(f.text()).contains(f.interval());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2 * 8);
    // the pair matrix holds each pair's kappa and n, as in the pairs table
    AgreementViewModel.PairMatrix m = a.matrixProperty().get();
    assertThat(m).isNotNull();
    AgreementViewModel.PairCell cell = m.cells()[0][1];
    assertThat(cell).isSameAs(m.cells()[1][0]);
    String pairRow = squeeze(cell.first() + " " + cell.second() + " " + cell.items());
    assertThat(lines.stream().map(ReviewViewModelTest::squeeze))
        .anyMatch(l -> l.startsWith(pairRow) && l.contains(cell.kappa().text()));
    // the confusion of the chosen pair adds up to the items both decided
    long total =
        Arrays.stream(a.confusionProperty().get().counts()).flatMapToLong(Arrays::stream).sum();
    assertThat(total).isEqualTo(cell.items());
    // each annotator against the classifier
    AgreementViewModel.ClassifierGrid g = a.classifierProperty().get();
    assertThat(g.annotators()).containsExactly("ann", "bob");
    AgreementViewModel.PairCell first = g.cells()[0][0];
    assertThat(lines.stream().map(ReviewViewModelTest::squeeze))
        .anyMatch(
            l ->
                l.startsWith("ann category " + g.columns().get(0) + " " + first.items())
                    && l.contains(first.kappa().text()));
  }

  @Test
  void adjudicationQueueIsTheServicesQueueAndStartsAtTheFirstOpenItem() {
    ReviewViewModel vm = loaded(BackgroundExecutor.direct());
    List<AdjudicationCase> expected = project.adjudication().queue(LeadProjects.SAMPLE, true);
    assertThat(vm.adjudication().queue()).isEqualTo(expected);
    int first = vm.adjudication().selectedProperty().get();
    assertThat(expected.get(first).open()).isTrue();
    assertThat(expected.subList(0, first)).noneMatch(AdjudicationCase::open);
    assertThat(vm.adjudication().displayProperty().get().issue().key())
        .isEqualTo(expected.get(first).issue());
  }

  @Test
  void aSingleLabelNeedsALabelBeforeItCanBeCommitted() {
    ReviewViewModel vm = loaded(BackgroundExecutor.direct());
    AdjudicationViewModel adj = vm.adjudication();
    for (int i = 0; i < 10 && adj.setValuedProperty().get(); i++) {
      adj.moveDimension(1);
    }
    if (adj.setValuedProperty().get()) {
      return; // every dimension of the item is a set: nothing to check here
    }
    adj.draft().clear();
    assertThat(adj.canCommit()).isFalse();
    adj.commit();
    assertThat(adj.messageProperty().get()).contains("choose a label");
    adj.choose(1);
    assertThat(adj.draft()).containsExactly(adj.options().get(0));
    assertThat(adj.canCommit()).isTrue();
  }

  /**
   * Work runs on a worker thread only when the test lets it; results come back on the test thread,
   * which plays the FX thread.
   */
  private static final class Deferred implements BackgroundExecutor, AutoCloseable {
    private final ExecutorService worker =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "review-worker"));
    private final Deque<Runnable> pending = new ArrayDeque<>();
    final List<String> workThreads = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
      pending.add(
          () -> {
            Future<T> f =
                worker.submit(
                    () -> {
                      workThreads.add(Thread.currentThread().getName());
                      return work.call();
                    });
            try {
              onSuccess.accept(f.get());
            } catch (Exception e) {
              onFailure.accept(e.getCause() != null ? e.getCause() : e);
            }
          });
    }

    /** Runs the work pending now (not what its results start); returns how much. */
    int drain() {
      int n = pending.size();
      for (int i = 0; i < n; i++) {
        pending.poll().run();
      }
      return n;
    }

    @Override
    public void close() {
      worker.shutdownNow();
    }
  }

  @Test
  void everythingIsComputedOffTheCallingThread() {
    try (Deferred background = new Deferred()) {
      ReviewViewModel vm = loaded(background);
      assertThat(vm.samples()).as("nothing computed on the caller's thread").isEmpty();
      assertThat(background.drain()).isEqualTo(1);
      assertThat(vm.samples()).contains(LeadProjects.SAMPLE);
      assertThat(vm.busyBinding().get()).as("agreement, validation and queue pending").isTrue();
      assertThat(vm.agreement().bars()).isEmpty();
      assertThat(vm.validation().sections()).isEmpty();
      assertThat(vm.adjudication().queue()).isEmpty();
      // agreement, validation, the queue, and the flag for issues changed after sampling
      assertThat(background.drain()).isEqualTo(4);
      background.drain(); // the selected item's text
      assertThat(vm.busyBinding().get()).isFalse();
      assertThat(vm.agreement().bars()).isNotEmpty();
      assertThat(vm.validation().sections()).isNotEmpty();
      assertThat(vm.adjudication().queue()).isNotEmpty();
      assertThat(vm.adjudication().displayProperty().get()).isNotNull();
      assertThat(background.workThreads).isNotEmpty().allMatch("review-worker"::equals);
    }
  }

  @Test
  void aResultForAnEarlierSampleIsDropped() {
    try (Deferred background = new Deferred()) {
      ReviewViewModel vm = loaded(background);
      background.drain();
      vm.agreement().open(null); // the lead left the sample before the figures came back
      background.drain();
      assertThat(vm.agreement().bars()).isEmpty();
      assertThat(vm.agreement().busyProperty().get()).isFalse();
    }
  }
}
