package org.labellens.ui.setup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.Counts;
import org.labellens.core.model.RunInfo;
import org.labellens.service.Cancellation;
import org.labellens.service.ClassifyResult;
import org.labellens.service.ImportRequest;
import org.labellens.service.ImportResult;
import org.labellens.service.PlanRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;
import org.labellens.service.SamplePlan;
import org.labellens.service.SampleReport;
import org.labellens.service.SampleRequest;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * Setting a project up without the command line: import dumps (with progress, cancellable, all or
 * nothing like the CLI), run a classifier, plan and draw a sample. One long task at a time; every
 * task runs in the background, and progress reaches the window through {@code fxThread}.
 */
public final class ProjectSetupViewModel {
  private final Project project;
  private final BackgroundExecutor background;
  private final Consumer<Runnable> fxThread;

  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private volatile Cancellation cancellation;

  private final ObservableList<String> taxonomies = FXCollections.observableArrayList();
  private final StringProperty taxonomy = new SimpleStringProperty("study-v1");
  private final StringProperty runName = new SimpleStringProperty("");
  private final ObservableList<String> runs = FXCollections.observableArrayList();

  private final StringProperty sampleName = new SimpleStringProperty("pilot");
  private final StringProperty sampleRun = new SimpleStringProperty();
  private final StringProperty strata = new SimpleStringProperty("framework,predicted");
  private final DoubleProperty margin = new SimpleDoubleProperty(0.05);
  private final StringProperty size = new SimpleStringProperty("");
  private final StringProperty annotators = new SimpleStringProperty("");
  private final StringProperty overlap = new SimpleStringProperty("0.2");
  private final StringProperty seed = new SimpleStringProperty("1");
  private final BooleanProperty blindFirst = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper plan = new ReadOnlyStringWrapper("");

  private final StringProperty fetchRepos =
      new SimpleStringProperty("vllm-project/vllm ggml-org/llama.cpp sgl-project/sglang");
  private final BooleanProperty fetchComments = new SimpleBooleanProperty();
  private final StringProperty fetchApiUrl =
      new SimpleStringProperty(
          System.getenv("GITHUB_API_URL") != null
              ? System.getenv("GITHUB_API_URL")
              : org.labellens.service.FetchRequest.DEFAULT_API_URL);

  public ProjectSetupViewModel(
      Project project, BackgroundExecutor background, Consumer<Runnable> fxThread) {
    this.project = project;
    this.background = background;
    this.fxThread = fxThread;
    taxonomies.setAll(project.classifier().builtInTaxonomies());
  }

  /** Loads the project's runs (for the sample form). */
  public void refresh() {
    background.run(
        () -> project.issues().runs(),
        list -> {
          runs.setAll(list.stream().map(RunInfo::name).toList());
          if ((sampleRun.get() == null || !runs.contains(sampleRun.get())) && !runs.isEmpty()) {
            sampleRun.set(runs.get(runs.size() - 1));
          }
        },
        this::fail);
  }

  private Progress progressSink() {
    return (message, done, total) ->
        fxThread.accept(
            () -> {
              status.set(message);
              progress.set(total > 0 ? (double) done / total : -1);
            });
  }

  private boolean begin(String what) {
    if (running.get()) {
      return false;
    }
    cancellation = new Cancellation();
    running.set(true);
    progress.set(-1);
    status.set(what);
    return true;
  }

  private void end(String message) {
    running.set(false);
    progress.set(0);
    status.set(message);
  }

  /** Imports dump files in one transaction; {@link #cancel()} stops it and nothing is written. */
  public void importFiles(List<Path> files) {
    if (files.isEmpty() || !begin("importing …")) {
      return;
    }
    Cancellation c = cancellation;
    Progress sink = progressSink();
    background.run(
        () -> project.imports().importFiles(files, ImportRequest.DEFAULT, sink, c),
        (ImportResult r) -> {
          end("imported " + Counts.of(r.total(), "issue"));
          summary.set(
              stored(r.newIssues(), r.updated(), r.unchanged(), r.pullRequestsSkipped())
                  + r.byFramework());
          refresh();
        },
        this::fail);
  }

  /** "N new, N updated, N unchanged; N pull requests skipped; ", as import and fetch report it. */
  private static String stored(int newIssues, int updated, int unchanged, int pullRequests) {
    return newIssues
        + " new, "
        + updated
        + " updated, "
        + unchanged
        + " unchanged; "
        + Counts.of(pullRequests, "pull request")
        + " skipped; ";
  }

  /**
   * Fetches the repositories named (space or comma separated) from the GitHub API, page by page;
   * {@link #cancel()} stops it, keeping the pages stored (fetching again resumes). The token comes
   * from GH_TOKEN, GITHUB_TOKEN or gh auth token, looked up in the background.
   */
  public void fetch() {
    List<String> repos =
        java.util.Arrays.stream(
                fetchRepos.get() == null ? new String[0] : fetchRepos.get().split("[\\s,]+"))
            .filter(r -> !r.isEmpty())
            .toList();
    if (repos.isEmpty() || !begin("fetching …")) {
      return;
    }
    Cancellation c = cancellation;
    Progress sink = progressSink();
    boolean comments = fetchComments.get();
    String api = fetchApiUrl.get();
    background.run(
        () ->
            project
                .fetches()
                .fetch(
                    new org.labellens.service.FetchRequest(
                        repos,
                        null,
                        "all",
                        List.of(),
                        null,
                        comments,
                        api,
                        org.labellens.service.GithubToken.find(System.getenv())),
                    sink,
                    line -> fxThread.accept(() -> summary.set(line)),
                    c),
        (org.labellens.service.FetchResult r) -> {
          end("fetched " + Counts.of(r.total(), "issue"));
          summary.set(
              stored(r.newIssues(), r.updated(), r.unchanged(), r.pullRequestsSkipped())
                  + r.requests()
                  + " requests ("
                  + r.notModified()
                  + " not modified)"
                  + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes())));
          refresh();
        },
        e -> {
          fail(e);
          if (e instanceof java.util.concurrent.CancellationException) {
            status.set("stopped: the pages fetched are kept; fetch again to resume");
          }
        });
  }

  public StringProperty fetchReposProperty() {
    return fetchRepos;
  }

  public BooleanProperty fetchCommentsProperty() {
    return fetchComments;
  }

  public StringProperty fetchApiUrlProperty() {
    return fetchApiUrl;
  }

  /** Runs the chosen taxonomy over every issue and stores the run. */
  public void classify() {
    if (!begin("classifying …")) {
      return;
    }
    Cancellation c = cancellation;
    Progress sink = progressSink();
    String name = runName.get() == null || runName.get().isBlank() ? null : runName.get().trim();
    String tax = taxonomy.get();
    background.run(
        () -> project.classifier().classify(tax, name, sink, c),
        (ClassifyResult r) -> {
          end("run '" + r.run() + "': " + r.total() + " issues classified with " + r.taxonomy());
          summary.set("issues per category: " + r.all());
          sampleRun.set(r.run());
          refresh();
        },
        this::fail);
  }

  /** Plans the sample: the size per stratum for the margin (95 % confidence). */
  public void planSample() {
    PlanRequest request =
        new PlanRequest(
            margin.get(),
            null,
            sampleRun.get(),
            "all",
            strata.get(),
            null,
            null,
            null,
            null,
            null,
            null);
    background.run(
        () -> project.samples().plan(request),
        (SamplePlan p) -> {
          long total = p.strata().stream().mapToLong(SamplePlan.Stratum::size).sum();
          StringBuilder sb = new StringBuilder();
          sb.append(
              String.format(
                  "±%.3f at %.0f %% confidence: %d issues in %d strata (population %,d)",
                  p.margin(), p.confidence() * 100, total, p.strata().size(), p.population()));
          plan.set(sb.toString());
        },
        this::fail);
  }

  /** Draws and stores the sample with its assignment. */
  public void drawSample() {
    if (!begin("drawing the sample …")) {
      return;
    }
    Integer n =
        size.get() == null || size.get().isBlank() ? null : Integer.valueOf(size.get().trim());
    List<String> names =
        annotators.get() == null || annotators.get().isBlank()
            ? List.of()
            : Arrays.stream(annotators.get().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    SampleRequest request =
        new SampleRequest(
            sampleName.get(),
            n,
            n == null ? margin.get() : null,
            null,
            sampleRun.get(),
            "all",
            strata.get(),
            null,
            null,
            Long.valueOf(seed.get().trim()),
            names,
            names.isEmpty() ? null : overlap.get(),
            blindFirst.get());
    background.run(
        () -> project.samples().draw(request),
        (SampleReport r) -> {
          end(
              "sample '"
                  + r.sample().name()
                  + "': "
                  + r.sample().size()
                  + " issues in "
                  + r.strata().size()
                  + " strata");
          summary.set(r.overlapItems() + " overlap items; annotators " + names);
        },
        this::fail);
  }

  public void cancel() {
    Cancellation c = cancellation;
    if (c != null) {
      c.cancel();
    }
  }

  private void fail(Throwable e) {
    running.set(false);
    progress.set(0);
    boolean cancelled = e instanceof java.util.concurrent.CancellationException;
    status.set(cancelled ? "cancelled: nothing was changed" : "error: " + e.getMessage());
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<String> taxonomies() {
    return taxonomies;
  }

  public StringProperty taxonomyProperty() {
    return taxonomy;
  }

  public StringProperty runNameProperty() {
    return runName;
  }

  public ObservableList<String> runs() {
    return runs;
  }

  public StringProperty sampleNameProperty() {
    return sampleName;
  }

  public StringProperty sampleRunProperty() {
    return sampleRun;
  }

  public StringProperty strataProperty() {
    return strata;
  }

  public DoubleProperty marginProperty() {
    return margin;
  }

  public StringProperty sizeProperty() {
    return size;
  }

  public StringProperty annotatorsProperty() {
    return annotators;
  }

  public StringProperty overlapProperty() {
    return overlap;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public BooleanProperty blindFirstProperty() {
    return blindFirst;
  }

  public ReadOnlyStringProperty planProperty() {
    return plan.getReadOnlyProperty();
  }
}
