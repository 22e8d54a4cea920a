package org.labellens.ui.review;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.stats.PercentileBootstrap;
import org.labellens.service.Project;
import org.labellens.service.SampleReport;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The lead's review window: a sample chooser over three panes that compute in the background from
 * the services the command line uses — agreement ({@code agreement --sample}), validation ({@code
 * validate --sample}) and the adjudication queue ({@code adjudicate --sample}). Bootstrap
 * replicates and seed default to the command line's, so the window shows the command line's
 * numbers.
 */
public final class ReviewViewModel {
  private final Project project;
  private final BackgroundExecutor background;
  private final ObservableList<String> samples = FXCollections.observableArrayList();
  private final StringProperty sample = new SimpleStringProperty();
  private final IntegerProperty replicates =
      new SimpleIntegerProperty(PercentileBootstrap.DEFAULT_REPLICATES);
  private final ObjectProperty<Long> seed =
      new SimpleObjectProperty<>(PercentileBootstrap.DEFAULT_SEED);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final AgreementViewModel agreement;
  private final ValidationViewModel validation;
  private final AdjudicationViewModel adjudication;
  private final ChangedIssuesViewModel changed;
  private final BooleanBinding busy;
  private int generation;

  public ReviewViewModel(Project project, BackgroundExecutor background) {
    this.project = project;
    this.background = background;
    this.agreement =
        new AgreementViewModel(project.sampleAgreement(), background, replicates, seed);
    this.validation = new ValidationViewModel(project.validation(), background, replicates, seed);
    this.adjudication =
        new AdjudicationViewModel(
            project.adjudication(), project.annotations(), project.displays(), background);
    this.changed = new ChangedIssuesViewModel(project.comments()::changedAfterSampling, background);
    this.busy =
        Bindings.createBooleanBinding(
            () ->
                agreement.busyProperty().get()
                    || validation.busyProperty().get()
                    || adjudication.busyProperty().get(),
            agreement.busyProperty(),
            validation.busyProperty(),
            adjudication.busyProperty());
    sample.addListener((obs, o, s) -> refresh());
  }

  /**
   * Lists the project's samples in the background and selects {@code preselected} (or the first
   * sample).
   */
  public void load(String preselected) {
    int g = ++generation;
    status.set("loading samples …");
    background.run(
        () -> project.samples().list(),
        list -> {
          if (g != generation) {
            return;
          }
          List<String> names = new ArrayList<>();
          for (SampleReport r : list) {
            names.add(r.sample().name());
          }
          samples.setAll(names);
          if (names.isEmpty()) {
            status.set("this project has no samples yet: draw one first (labellens sample …)");
            return;
          }
          if (preselected != null && !names.contains(preselected)) {
            status.set(
                "error: no sample '"
                    + preselected
                    + "' in this project (known: "
                    + String.join(", ", names)
                    + ")");
            return;
          }
          status.set("");
          String chosen = preselected != null ? preselected : names.get(0);
          if (chosen.equals(sample.get())) {
            refresh();
          } else {
            sample.set(chosen);
          }
        },
        e -> status.set("error: " + describe(e)));
  }

  /** Computes every pane again for the chosen sample (e.g. after adjudications). */
  public void refresh() {
    String s = sample.get();
    agreement.open(s);
    validation.open(s);
    adjudication.open(s);
    changed.open(s);
  }

  /** A failure for people: the message, or the kind of failure when it has none. */
  static String describe(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  public ObservableList<String> samples() {
    return samples;
  }

  public StringProperty sampleProperty() {
    return sample;
  }

  public IntegerProperty replicatesProperty() {
    return replicates;
  }

  public ObjectProperty<Long> seedProperty() {
    return seed;
  }

  /** Whether any pane is computing. */
  public BooleanBinding busyBinding() {
    return busy;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public AgreementViewModel agreement() {
    return agreement;
  }

  public ValidationViewModel validation() {
    return validation;
  }

  public AdjudicationViewModel adjudication() {
    return adjudication;
  }

  /** The flag for sampled issues changed after sampling. */
  public ChangedIssuesViewModel changed() {
    return changed;
  }
}
