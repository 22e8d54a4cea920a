package org.labellens.ui.review;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.service.ValidationService;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.LatestOnly;

/**
 * The classifier against gold in a sample: the very {@link ValidationReport} of {@code labellens
 * validate --sample S} (same run, replicates and seed) and its tables, whose captions say whether
 * their figures are design-weighted population estimates or unweighted sample figures; and the
 * predicted × gold co-occurrence of the first validated dimension as a heat map.
 */
public final class ValidationViewModel {
  private final ValidationService service;
  private final LatestOnly latest;
  private final IntegerProperty replicates;
  private final ObjectProperty<Long> seed;

  private final ReadOnlyObjectWrapper<ValidationReport> report = new ReadOnlyObjectWrapper<>();
  private final ObservableList<ReportSection> sections = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<AgreementViewModel.Confusion> confusion =
      new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  /** The banner when figures rest on decisions made by {@code simulate}, else empty. */
  private final ReadOnlyStringWrapper simulated = new ReadOnlyStringWrapper("");

  public ValidationViewModel(
      ValidationService service,
      BackgroundExecutor background,
      IntegerProperty replicates,
      ObjectProperty<Long> seed) {
    this.service = service;
    this.latest = new LatestOnly(background);
    this.replicates = replicates;
    this.seed = seed;
  }

  private record Computed(ValidationReport report, List<ReportSection> sections) {}

  /** Validates the sample's run against its gold in the background (null clears). */
  public void open(String sample) {
    report.set(null);
    sections.clear();
    confusion.set(null);
    simulated.set("");
    if (sample == null) {
      latest.cancel();
      message.set("");
      return;
    }
    message.set("computing validation on " + sample + " …");
    int b = replicates.get();
    long s = seed.get();
    latest.run(
        () -> {
          ValidationReport r = service.validate(sample, null, b, s);
          return new Computed(r, service.sections(r));
        },
        c -> {
          report.set(c.report());
          String banner = c.report().provenance().banner();
          simulated.set(banner == null ? "" : banner);
          sections.setAll(c.sections());
          confusion.set(confusion(c.report()));
          message.set(
              "run "
                  + c.report().run()
                  + " · "
                  + c.report().unresolved().size()
                  + " unresolved (dimension, item) pairs wait for adjudication");
        },
        e -> message.set("error: " + ReviewViewModel.describe(e)));
  }

  private static AgreementViewModel.Confusion confusion(ValidationReport r) {
    if (r.dimensions().isEmpty() || r.dimensions().get(0).figures() == null) {
      return null;
    }
    DimensionValidation.Outcome o = r.dimensions().get(0);
    ClassifierValidation f = o.figures();
    return new AgreementViewModel.Confusion(
        o.dimension()
            + ": predicted (rows) × gold (columns), "
            + f.items()
            + " items, each column over the items whose gold on its label is resolved;"
            + " unweighted counts (sampled items, not population figures)",
        "predicted",
        "gold",
        f.labels(),
        f.confusionUnweighted());
  }

  public ReadOnlyObjectProperty<ValidationReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** The tables {@code validate} prints, every keyword row included. */
  public ObservableList<ReportSection> sections() {
    return sections;
  }

  public ReadOnlyObjectProperty<AgreementViewModel.Confusion> confusionProperty() {
    return confusion.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return latest.busyProperty();
  }

  /** "SIMULATED: …" when some of the sample's decisions were made by {@code simulate}, else "". */
  public ReadOnlyStringProperty simulatedProperty() {
    return simulated.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
