package org.labellens.ui.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.report.Figures;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.BootstrapInterval;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.ConfusionMatrix;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.Metric;
import org.labellens.core.stats.MetricResult;
import org.labellens.core.stats.PairResult;
import org.labellens.service.SampleAgreementService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The agreement dashboard of a sample: the same {@link SampleAgreement} as {@code labellens
 * agreement --sample S} (same bootstrap replicates and seed), turned into what the dashboard draws:
 * κ and α bars with their intervals per dimension and label, the annotator × annotator matrix and
 * the confusion matrix of one pair for a chosen dimension (or label), and each annotator against
 * the classifier. Every figure is unweighted (the sampled items the annotators shared), as in the
 * command line's tables. Computed in the background; a result for an older request is dropped.
 */
public final class AgreementViewModel {
  /** The two coefficients the bars show, defined for any number of annotators. */
  public static final List<Metric> BAR_METRICS =
      List.of(Metric.FLEISS_KAPPA, Metric.KRIPPENDORFF_ALPHA);

  /** A figure with its interval, formatted as the command line formats it. */
  public record Figure(Double value, Double low, Double high, String text, String interval) {
    static Figure of(Coefficient c, Optional<BootstrapInterval> bootstrap) {
      if (!c.isDefined()) {
        return new Figure(null, null, null, "undefined", c.reason().orElse(""));
      }
      Optional<Interval> ci = bootstrap.flatMap(BootstrapInterval::ci95);
      return new Figure(
          c.value(),
          ci.map(Interval::low).orElse(null),
          ci.map(Interval::high).orElse(null),
          Figures.number(c.value()),
          ci.map(Figures::interval).orElse("—"));
    }

    static Figure of(MetricResult m) {
      return of(m.estimate(), m.bootstrap());
    }
  }

  /**
   * One row of the bar chart: a dimension (or a label of a set-valued one) with one figure per
   * {@link #BAR_METRICS} metric, on {@code items} items decided by two or more annotators; or
   * {@code reason} when the dimension has no agreement figures.
   */
  public record BarRow(String name, long items, List<Figure> figures, String reason) {}

  /** A dimension, or one label of the set-valued one, whose pairs the matrices show. */
  public record Target(String name, AgreementReport report) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One cell of the annotator × annotator matrix: Cohen's κ and percent agreement with n. */
  public record PairCell(String first, String second, long items, Figure kappa, Figure agreement) {}

  /** The annotator × annotator matrix of a target; cells[i][j] is null on the diagonal. */
  public record PairMatrix(String target, List<String> annotators, PairCell[][] cells) {}

  /**
   * Counts of one pair of annotators: rows the first annotator's category, columns the second's.
   */
  public record Confusion(
      String title, String rows, String columns, List<String> categories, long[][] counts) {
    public long max() {
      long m = 0;
      for (long[] r : counts) {
        for (long c : r) {
          m = Math.max(m, c);
        }
      }
      return m;
    }
  }

  /** Each annotator (rows) against the classifier on each predicted dimension or label. */
  public record ClassifierGrid(
      String run, List<String> annotators, List<String> columns, PairCell[][] cells) {}

  private final SampleAgreementService service;
  private final SampleFigures<SampleAgreement> figures;

  private final ReadOnlyObjectWrapper<SampleAgreement> agreement = new ReadOnlyObjectWrapper<>();
  private final ObservableList<BarRow> bars = FXCollections.observableArrayList();
  private final ObservableList<Target> targets = FXCollections.observableArrayList();
  private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
  private final ObservableList<String> pairs = FXCollections.observableArrayList();
  private final IntegerProperty pair = new SimpleIntegerProperty(-1);
  private final ReadOnlyObjectWrapper<PairMatrix> matrix = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Confusion> confusion = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ClassifierGrid> classifier = new ReadOnlyObjectWrapper<>();

  public AgreementViewModel(
      SampleAgreementService service,
      BackgroundExecutor background,
      IntegerProperty replicates,
      ObjectProperty<Long> seed) {
    this.service = service;
    this.figures = new SampleFigures<>(background, replicates, seed);
    target.addListener((obs, o, t) -> showTarget());
    pair.addListener((obs, o, p) -> showConfusion());
  }

  /** Computes the sample's agreement in the background (null clears the dashboard). */
  public void open(String sample) {
    clear();
    figures.open(
        sample,
        "agreement",
        (name, b, seed) -> service.agreement(name, null, b, seed),
        service::sections,
        a -> a.provenance().banner(),
        this::show);
  }

  private void clear() {
    agreement.set(null);
    bars.clear();
    targets.clear();
    target.set(null);
    pairs.clear();
    matrix.set(null);
    confusion.set(null);
    classifier.set(null);
  }

  private void show(SampleAgreement a) {
    agreement.set(a);
    List<BarRow> rows = new ArrayList<>();
    List<Target> found = new ArrayList<>();
    a.dimensions()
        .forEach(
            (id, d) -> {
              if (d.reason() != null) {
                rows.add(new BarRow(id, d.items(), List.of(), d.reason()));
              } else if (d.set() != null) {
                d.set()
                    .perLabel()
                    .forEach(
                        (label, r) -> {
                          String name = id + ": " + label;
                          rows.add(barRow(name, r));
                          found.add(new Target(name, r));
                        });
              } else {
                rows.add(barRow(id, d.single()));
                found.add(new Target(id, d.single()));
              }
            });
    bars.setAll(rows);
    targets.setAll(found);
    classifier.set(classifierGrid(a));
    figures.status(
        a.dimensions().isEmpty()
            ? "no decisions in this sample yet"
            : "annotators: "
                + String.join(", ", a.annotators())
                + " · unweighted: the sampled items the annotators shared · 95% CIs: percentile"
                + " bootstrap, "
                + a.options().bootstrapReplicates()
                + " replicates, seed "
                + a.options().seed());
    Target preferred =
        found.stream()
            .filter(t -> t.report().raters() > 1 && !t.report().pairs().isEmpty())
            .filter(t -> !t.name().contains(": "))
            .findFirst()
            .orElse(found.isEmpty() ? null : found.get(0));
    target.set(preferred);
  }

  private static BarRow barRow(String name, AgreementReport r) {
    List<Figure> figures = new ArrayList<>();
    for (Metric m : BAR_METRICS) {
      figures.add(
          r.metric(m).map(Figure::of).orElse(new Figure(null, null, null, "—", "not computed")));
    }
    return new BarRow(name, r.pairableItems(), figures, null);
  }

  private void showTarget() {
    Target t = target.get();
    pairs.clear();
    matrix.set(null);
    confusion.set(null);
    if (t == null) {
      return;
    }
    AgreementReport r = t.report();
    List<String> names = r.raterNames();
    PairCell[][] cells = new PairCell[names.size()][names.size()];
    for (PairResult p : r.pairs()) {
      int i = names.indexOf(p.agreement().first());
      int j = names.indexOf(p.agreement().second());
      PairCell cell = cell(p);
      cells[i][j] = cell;
      cells[j][i] = cell;
      pairs.add(p.agreement().first() + " × " + p.agreement().second());
    }
    matrix.set(new PairMatrix(t.name(), names, cells));
    pair.set(-1);
    pair.set(pairs.isEmpty() ? -1 : 0);
  }

  private static PairCell cell(PairResult p) {
    return new PairCell(
        p.agreement().first(),
        p.agreement().second(),
        p.agreement().items(),
        Figure.of(p.agreement().cohenKappa(), p.cohenKappaBootstrap()),
        Figure.of(p.agreement().percentAgreement(), p.percentAgreementBootstrap()));
  }

  private void showConfusion() {
    Target t = target.get();
    int p = pair.get();
    if (t == null || p < 0 || p >= t.report().pairs().size()) {
      confusion.set(null);
      return;
    }
    ConfusionMatrix m = t.report().pairs().get(p).agreement().confusion();
    int q = m.categories().size();
    long[][] counts = new long[q][q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        counts[i][j] = m.count(i, j);
      }
    }
    confusion.set(
        new Confusion(
            t.name()
                + ": "
                + m.first()
                + " (rows) × "
                + m.second()
                + " (columns), "
                + m.items()
                + " items both decided",
            m.first(),
            m.second(),
            m.categories(),
            counts));
  }

  private static ClassifierGrid classifierGrid(SampleAgreement a) {
    if (a.classifier().isEmpty()) {
      return null;
    }
    List<String> annotators = new ArrayList<>();
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (SampleAgreement.ClassifierRow r : a.classifier()) {
      if (!annotators.contains(r.annotator())) {
        annotators.add(r.annotator());
      }
      columns.putIfAbsent(column(r), columns.size());
    }
    PairCell[][] cells = new PairCell[annotators.size()][columns.size()];
    for (SampleAgreement.ClassifierRow r : a.classifier()) {
      int i = annotators.indexOf(r.annotator());
      int j = columns.get(column(r));
      cells[i][j] =
          r.pair() == null
              ? new PairCell(
                  r.annotator(),
                  SampleAgreementService.CLASSIFIER,
                  0,
                  new Figure(null, null, null, "—", r.reason() == null ? "" : r.reason()),
                  new Figure(null, null, null, "—", ""))
              : cell(r.pair());
    }
    return new ClassifierGrid(a.run(), annotators, new ArrayList<>(columns.keySet()), cells);
  }

  private static String column(SampleAgreement.ClassifierRow r) {
    return r.label() == null ? r.dimension() : r.label();
  }

  public ReadOnlyObjectProperty<SampleAgreement> agreementProperty() {
    return agreement.getReadOnlyProperty();
  }

  public ObservableList<BarRow> bars() {
    return bars;
  }

  public ObservableList<Target> targets() {
    return targets;
  }

  public ObjectProperty<Target> targetProperty() {
    return target;
  }

  /** The pairs of the target's annotators, "a × b"; {@link #pairProperty} indexes them. */
  public ObservableList<String> pairs() {
    return pairs;
  }

  public IntegerProperty pairProperty() {
    return pair;
  }

  public ReadOnlyObjectProperty<PairMatrix> matrixProperty() {
    return matrix.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Confusion> confusionProperty() {
    return confusion.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ClassifierGrid> classifierProperty() {
    return classifier.getReadOnlyProperty();
  }

  /** The tables {@code agreement --sample} prints. */
  public ObservableList<ReportSection> sections() {
    return figures.sections();
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
