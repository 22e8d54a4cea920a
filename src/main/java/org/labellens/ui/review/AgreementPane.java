package org.labellens.ui.review;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.labellens.core.stats.Metric;

/** The agreement dashboard: bars with intervals, annotator matrix, confusion, classifier. */
final class AgreementPane extends ScrollPane {
  private final AgreementViewModel viewModel;
  private final IntervalBars bars = new IntervalBars();
  private final HeatGrid matrix = new HeatGrid();
  private final HeatGrid confusion = new HeatGrid();
  private final HeatGrid classifier = new HeatGrid();
  private final Label confusionTitle = new Label();
  private final Label classifierTitle = new Label();
  private final ReportTables tables = new ReportTables();

  AgreementPane(AgreementViewModel viewModel) {
    this.viewModel = viewModel;
    setId("agreementPane");
    setFitToWidth(true);
    getStyleClass().add("review-scroll");

    Label message = new Label();
    message.setId("agreementMessage");
    message.setWrapText(true);
    message.getStyleClass().add("muted");
    message.textProperty().bind(viewModel.messageProperty());

    VBox left = new VBox(8, title("Agreement between annotators, per dimension and label"), bars);
    left.getStyleClass().add("card");

    ComboBox<AgreementViewModel.Target> target = new ComboBox<>(viewModel.targets());
    target.setId("targetBox");
    target.valueProperty().bindBidirectional(viewModel.targetProperty());
    ComboBox<String> pair = new ComboBox<>(viewModel.pairs());
    pair.setId("pairBox");
    pair.getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (obs, o, i) -> {
              if (i.intValue() >= 0) {
                viewModel.pairProperty().set(i.intValue());
              }
            });
    viewModel
        .pairProperty()
        .addListener((obs, o, i) -> pair.getSelectionModel().select(i.intValue()));
    HBox chooser = new HBox(8, new Label("Dimension"), target, new Label("Pair"), pair);
    chooser.setAlignment(Pos.CENTER_LEFT);
    confusionTitle.setWrapText(true);
    confusionTitle.getStyleClass().add("muted");
    VBox right =
        new VBox(
            8, title("Annotator × annotator: Cohen's κ, n items both decided"), chooser, matrix);
    right.getStyleClass().add("card");
    HBox.setHgrow(right, Priority.ALWAYS);

    VBox pairConfusion = new VBox(8, title("Confusion of one pair"), confusionTitle, confusion);
    pairConfusion.getStyleClass().add("card");

    classifierTitle.setWrapText(true);
    classifierTitle.getStyleClass().add("muted");
    VBox bottom =
        new VBox(
            8,
            title("Each annotator against the classifier: Cohen's κ, n"),
            classifierTitle,
            classifier);
    bottom.getStyleClass().add("card");

    TitledPane all =
        new TitledPane("Every agreement table (as labellens agreement --sample)", tables);
    all.setExpanded(false);
    all.setId("agreementTables");

    HBox top = new HBox(12, left, right);
    Label simulated = simulatedBanner(viewModel.simulatedProperty());
    simulated.setId("agreementSimulated");
    VBox content = new VBox(12, simulated, message, top, pairConfusion, bottom, all);
    content.setPadding(new Insets(12));
    setContent(content);

    viewModel.bars().addListener((ListChangeListener<AgreementViewModel.BarRow>) c -> showBars());
    viewModel.matrixProperty().addListener((obs, o, m) -> showMatrix(m));
    viewModel.confusionProperty().addListener((obs, o, m) -> showConfusion(m));
    viewModel.classifierProperty().addListener((obs, o, g) -> showClassifier(g));
    viewModel
        .sections()
        .addListener((ListChangeListener<Object>) c -> tables.show(viewModel.sections()));
    showBars();
    showMatrix(viewModel.matrixProperty().get());
    showConfusion(viewModel.confusionProperty().get());
    showClassifier(viewModel.classifierProperty().get());
    tables.show(viewModel.sections());
  }

  static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("card-title");
    l.setWrapText(true);
    return l;
  }

  private void showBars() {
    List<String> names = new ArrayList<>();
    for (Metric m : AgreementViewModel.BAR_METRICS) {
      names.add(m.label());
    }
    bars.show(viewModel.bars(), names);
  }

  private void showMatrix(AgreementViewModel.PairMatrix m) {
    if (m == null) {
      matrix.getChildren().clear();
      return;
    }
    int n = m.annotators().size();
    HeatGrid.Cell[][] cells = new HeatGrid.Cell[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        AgreementViewModel.PairCell c = m.cells()[i][j];
        if (c != null) {
          cells[i][j] =
              new HeatGrid.Cell(
                  c.kappa().text() + "\nn " + c.items(),
                  c.kappa().value(),
                  "κ "
                      + c.kappa().text()
                      + " "
                      + c.kappa().interval()
                      + "; agreement "
                      + c.agreement().text()
                      + " "
                      + c.agreement().interval());
        }
      }
    }
    matrix.show(
        m.target(),
        m.annotators(),
        m.annotators(),
        cells,
        HeatGrid::diverging,
        -1,
        1,
        "κ −1",
        "+1",
        84);
  }

  private void showConfusion(AgreementViewModel.Confusion c) {
    showCounts(confusion, confusionTitle, c);
  }

  static void showCounts(HeatGrid grid, Label title, AgreementViewModel.Confusion c) {
    if (c == null) {
      grid.getChildren().clear();
      title.setText("");
      return;
    }
    title.setText(c.title());
    int q = c.categories().size();
    double max = Math.max(1, c.max());
    HeatGrid.Cell[][] cells = new HeatGrid.Cell[q][q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        long n = c.counts()[i][j];
        cells[i][j] = new HeatGrid.Cell(Long.toString(n), n / max, null);
      }
    }
    grid.show(
        c.rows() + " ↓  " + c.columns() + " →",
        c.categories(),
        c.categories(),
        cells,
        HeatGrid::sequential,
        0,
        1,
        "0",
        Long.toString((long) max),
        Math.max(46, 10 + 7.2 * longest(c.categories())));
  }

  private static int longest(List<String> names) {
    int n = 0;
    for (String s : names) {
      n = Math.max(n, s.length());
    }
    return n;
  }

  private void showClassifier(AgreementViewModel.ClassifierGrid g) {
    if (g == null) {
      classifier.getChildren().clear();
      classifierTitle.setText("no classifier run to compare with");
      return;
    }
    classifierTitle.setText(
        "Run '"
            + g.run()
            + "'; per label for sets (label in the set or not); unweighted: the"
            + " sampled items each annotator decided.");
    HeatGrid.Cell[][] cells = new HeatGrid.Cell[g.annotators().size()][g.columns().size()];
    for (int i = 0; i < g.annotators().size(); i++) {
      for (int j = 0; j < g.columns().size(); j++) {
        AgreementViewModel.PairCell c = g.cells()[i][j];
        if (c != null) {
          cells[i][j] =
              new HeatGrid.Cell(
                  c.kappa().text() + "\nn " + c.items(),
                  c.kappa().value(),
                  "κ " + c.kappa().text() + " " + c.kappa().interval());
        }
      }
    }
    classifier.show(
        "annotator ↓",
        g.annotators(),
        g.columns(),
        cells,
        HeatGrid::diverging,
        -1,
        1,
        "κ −1",
        "+1",
        Math.max(78, 10 + 7.2 * longest(g.columns())));
  }

  /**
   * A banner that cannot be missed when the figures rest on decisions made by {@code simulate};
   * hidden (and taking no room) otherwise.
   */
  static Label simulatedBanner(javafx.beans.value.ObservableStringValue text) {
    Label banner = new Label();
    banner.setWrapText(true);
    banner.getStyleClass().add("simulated-banner");
    banner.textProperty().bind(text);
    banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }
}
