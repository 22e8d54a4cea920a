package org.labellens.ui.session;

import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.service.AnnotationService;
import org.labellens.service.SampleReport;
import org.labellens.service.SampleService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * Choosing who annotates and what: the annotator's name (from the project's assignments) and one of
 * the samples assigned to them, with their progress there.
 */
public final class SessionChooserViewModel {
  /** A sample as offered to an annotator. */
  public record Choice(String sample, int assigned, int decided, boolean blindFirst) {
    @Override
    public String toString() {
      return sample
          + "   "
          + decided
          + " of "
          + assigned
          + " decided"
          + (blindFirst ? "   · blind first" : "");
    }
  }

  private final SampleService samples;
  private final BackgroundExecutor background;
  private final BiConsumer<String, String> start;
  private final Consumer<String> review;

  private final ObservableList<String> annotators = FXCollections.observableArrayList();
  private final StringProperty annotator = new SimpleStringProperty("");
  private final ObservableList<Choice> choices = FXCollections.observableArrayList();
  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private List<SampleReport> all = List.of();

  /**
   * @param start called with (sample, annotator) when the session starts
   */
  public SessionChooserViewModel(
      SampleService samples,
      AnnotationService annotations,
      BackgroundExecutor background,
      BiConsumer<String, String> start) {
    this(samples, annotations, background, start, null);
  }

  /**
   * @param review opens the lead's review window on a sample (the chosen one, or null); null when
   *     the window offers no review
   */
  public SessionChooserViewModel(
      SampleService samples,
      AnnotationService annotations,
      BackgroundExecutor background,
      BiConsumer<String, String> start,
      Consumer<String> review) {
    this.samples = samples;
    this.background = background;
    this.start = start;
    this.review = review;
    annotator.addListener((obs, o, n) -> refreshChoices());
  }

  /** Whether the lead's review can be opened from here. */
  public boolean canReview() {
    return review != null;
  }

  /** Opens the lead's review on the chosen sample (or on the first sample when none is chosen). */
  public void openReview() {
    if (review != null) {
      Choice c = choice.get();
      review.accept(c == null ? null : c.sample());
    }
  }

  public void load(String preselected) {
    background.run(
        samples::list,
        list -> {
          all = list;
          TreeSet<String> names = new TreeSet<>();
          for (SampleReport r : list) {
            for (AnnotatorProgress p : r.annotators()) {
              names.add(p.annotator());
            }
          }
          annotators.setAll(names);
          if (preselected != null && !preselected.isBlank()) {
            annotator.set(preselected);
          } else if (annotator.get().isBlank() && !names.isEmpty()) {
            annotator.set(names.first());
          }
          refreshChoices();
          status.set(
              list.isEmpty()
                  ? "this project has no samples yet: draw one first (labellens sample …)"
                  : "");
        },
        e -> status.set("error: " + e.getMessage()));
  }

  private void refreshChoices() {
    String name = annotator.get() == null ? "" : annotator.get().trim();
    choices.clear();
    for (SampleReport r : all) {
      for (AnnotatorProgress p : r.annotators()) {
        if (p.annotator().equals(name)) {
          choices.add(
              new Choice(r.sample().name(), p.assigned(), p.decided(), r.sample().blindFirst()));
        }
      }
    }
    Choice firstOpen =
        choices.stream().filter(c -> c.decided() < c.assigned()).findFirst().orElse(null);
    choice.set(firstOpen != null ? firstOpen : choices.isEmpty() ? null : choices.get(0));
    if (!name.isEmpty() && choices.isEmpty() && !all.isEmpty()) {
      status.set("no sample is assigned to '" + name + "'");
    } else {
      status.set("");
    }
  }

  /** Starts the session on the chosen sample. */
  public void startSession() {
    Choice c = choice.get();
    if (c != null) {
      start.accept(c.sample(), annotator.get().trim());
    }
  }

  public ObservableList<String> annotators() {
    return annotators;
  }

  public StringProperty annotatorProperty() {
    return annotator;
  }

  public ObservableList<Choice> choices() {
    return choices;
  }

  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
