package org.labellens.ui.review;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.service.ValidationService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The classifier against gold in a sample: the very {@link ValidationReport} of {@code labellens
 * validate --sample S} (same run, replicates and seed) and its tables, whose captions say whether
 * their figures are design-weighted population estimates or unweighted sample figures; and the
 * predicted × gold co-occurrence of the first validated dimension as a heat map.
 */
public final class ValidationViewModel {
  private final ValidationService service;
  private final SampleFigures<ValidationReport> figures;

  private final ReadOnlyObjectWrapper<ValidationReport> report = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<AgreementViewModel.Confusion> confusion =
      new ReadOnlyObjectWrapper<>();

  public ValidationViewModel(
      ValidationService service,
      BackgroundExecutor background,
      IntegerProperty replicates,
      ObjectProperty<Long> seed) {
    this.service = service;
    this.figures = new SampleFigures<>(background, replicates, seed);
  }

  /** Validates the sample's run against its gold in the background (null clears). */
  public void open(String sample) {
    report.set(null);
    confusion.set(null);
    figures.open(
        sample,
        "validation",
        (name, b, seed) -> service.validate(name, null, b, seed),
        service::sections,
        r -> r.provenance().banner(),
        r -> {
          report.set(r);
          confusion.set(confusion(r));
          figures.status(
              "run "
                  + r.run()
                  + " · "
                  + r.unresolved().size()
                  + " unresolved (dimension, item) pairs wait for adjudication");
        });
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
    return figures.sections();
  }

  public ReadOnlyObjectProperty<AgreementViewModel.Confusion> confusionProperty() {
    return confusion.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return figures.busyProperty();
  }

  /** "SIMULATED: …" when some of the sample's decisions were made by {@code simulate}, else "". */
  public ReadOnlyStringProperty simulatedProperty() {
    return figures.simulatedProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return figures.messageProperty();
  }
}
