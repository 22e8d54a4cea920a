package org.labellens.ui.review;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.report.ReportSection;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.LatestOnly;

/**
 * What the agreement and validation tabs share: a sample's figures computed in the background with
 * the review's bootstrap settings (the latest request wins), their tables as sections, the banner
 * shown when decisions were made by {@code simulate}, and a status line.
 *
 * @param <T> the figures, e.g. a sample's agreement or its validation report
 */
final class SampleFigures<T> {
  /** Computes a sample's figures with the given bootstrap replicates and seed. */
  @FunctionalInterface
  interface Compute<T> {
    T compute(String sample, int replicates, long seed);
  }

  private record Computed<T>(T figures, List<ReportSection> sections) {}

  private final LatestOnly latest;
  private final IntegerProperty replicates;
  private final ObjectProperty<Long> seed;
  private final ObservableList<ReportSection> sections = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper simulated = new ReadOnlyStringWrapper("");

  SampleFigures(
      BackgroundExecutor background, IntegerProperty replicates, ObjectProperty<Long> seed) {
    this.latest = new LatestOnly(background);
    this.replicates = replicates;
    this.seed = seed;
  }

  /**
   * Clears what is shown; for a sample (not null) computes its figures and their tables in the
   * background, then shows the banner and tables and hands the figures to {@code show}.
   *
   * @param what what is computed, for the status line ("agreement", "validation")
   * @param banner the figures' banner for simulated decisions, or null
   */
  void open(
      String sample,
      String what,
      Compute<T> compute,
      Function<T, List<ReportSection>> tables,
      Function<T, String> banner,
      Consumer<T> show) {
    sections.clear();
    simulated.set("");
    message.set("");
    if (sample == null) {
      latest.cancel();
      return;
    }
    message.set("computing " + what + " on " + sample + " …");
    int b = replicates.get();
    long s = seed.get();
    latest.run(
        () -> {
          T figures = compute.compute(sample, b, s);
          return new Computed<>(figures, tables.apply(figures));
        },
        c -> {
          String text = banner.apply(c.figures());
          simulated.set(text == null ? "" : text);
          sections.setAll(c.sections());
          show.accept(c.figures());
        },
        e -> message.set("error: " + ReviewViewModel.describe(e)));
  }

  /** Sets the status line. */
  void status(String text) {
    message.set(text);
  }

  ObservableList<ReportSection> sections() {
    return sections;
  }

  ReadOnlyBooleanProperty busyProperty() {
    return latest.busyProperty();
  }

  ReadOnlyStringProperty simulatedProperty() {
    return simulated.getReadOnlyProperty();
  }

  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
