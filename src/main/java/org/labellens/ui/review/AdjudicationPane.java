package org.labellens.ui.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.labellens.core.ShownText;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.model.Evidence;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.service.IssueDisplay;
import org.labellens.ui.annotate.BodyRenderer;
import org.labellens.ui.annotate.PreparedIssue;
import org.labellens.ui.common.WindowKeys;

/**
 * The adjudication queue, worked with the keyboard: ↑/↓ (or K/J) move between items, ←/→ between
 * the item's dimensions, 1–9 toggle (or pick) a label, 0 empties a set, N writes a note, Enter sets
 * the gold value and moves on, Esc leaves the note.
 */
final class AdjudicationPane extends SplitPane {
  private final AdjudicationViewModel viewModel;
  private final ListView<AdjudicationCase> list;
  private final Label title = new Label();
  private final Label meta = new Label();
  private final GridPane decisions = new GridPane();
  private final Label chooserTitle = new Label();
  private final FlowPane chooser = new FlowPane(6, 6);
  private final TextField note = new TextField();
  private final VBox evidence = new VBox(4);
  private final VBox body = new VBox();
  private final ScrollPane bodyScroll;
  private final BodyRenderer renderer;

  AdjudicationPane(AdjudicationViewModel viewModel, Consumer<String> openLink) {
    this.viewModel = viewModel;
    this.renderer = new BodyRenderer(openLink);
    setId("adjudicationPane");

    list = new ListView<>(viewModel.queue());
    list.setId("adjudicationQueue");
    list.setCellFactory(v -> new CaseCell());
    viewModel
        .selectedProperty()
        .addListener(
            (obs, o, i) -> {
              if (i.intValue() >= 0) {
                list.getSelectionModel().select(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 3));
              } else {
                list.getSelectionModel().clearSelection();
              }
            });
    list.setOnMouseClicked(
        e -> {
          int i = list.getSelectionModel().getSelectedIndex();
          if (i >= 0 && i != viewModel.selectedProperty().get()) {
            viewModel.select(i);
          }
        });
    Label progress = new Label();
    progress.setId("adjudicationProgress");
    progress.getStyleClass().add("muted");
    progress.textProperty().bind(viewModel.progressProperty());
    Label queueTitle = new Label("Items to adjudicate");
    queueTitle.getStyleClass().add("pane-title");
    VBox left = new VBox(6, queueTitle, progress, list);
    left.setPadding(new Insets(10));
    left.getStyleClass().add("queue-pane");
    VBox.setVgrow(list, Priority.ALWAYS);
    left.setMinWidth(280);

    title.getStyleClass().add("detail-title");
    title.setWrapText(true);
    meta.getStyleClass().add("muted");
    decisions.setId("decisionGrid");
    decisions.getStyleClass().add("decision-grid");
    chooserTitle.getStyleClass().add("pane-title");
    chooser.setId("goldChooser");
    note.setId("noteField");
    note.setPromptText("note: why this gold value (N to write, Enter to set gold)");
    note.textProperty().bindBidirectional(viewModel.noteProperty());
    HBox.setHgrow(note, Priority.ALWAYS);
    TextField lead = new TextField();
    lead.setId("leadField");
    lead.setPrefColumnCount(8);
    lead.textProperty().bindBidirectional(viewModel.leadProperty());
    Button commit = new Button("Set gold  ⏎");
    commit.setId("commitButton");
    commit.getStyleClass().add("accent");
    commit.setFocusTraversable(false);
    commit.setOnAction(e -> commitAndReturn());
    Label leadLabel = new Label("lead");
    leadLabel.getStyleClass().add("muted");
    HBox noteRow = new HBox(8, note, leadLabel, lead, commit);
    noteRow.setAlignment(Pos.CENTER_LEFT);
    Label keys =
        new Label(
            "↑ ↓ / K J item   ← → dimension   1–9 label   0 none   N note   Enter set gold   Esc"
                + " back to the queue");
    keys.getStyleClass().add("key-hint");
    Label message = new Label();
    message.setId("adjudicationMessage");
    message.setWrapText(true);
    message.textProperty().bind(viewModel.messageProperty());
    message.getStyleClass().add("status-text");

    VBox decide = new VBox(8, chooserTitle, chooser, noteRow, keys, message);
    decide.getStyleClass().add("decision-pane");
    decide.setPadding(new Insets(10));

    Label evidenceTitle = new Label("Classifier evidence");
    evidenceTitle.getStyleClass().add("pane-title");
    VBox text = new VBox(8, evidenceTitle, evidence, body);
    text.setPadding(new Insets(4, 10, 10, 0));
    bodyScroll = new ScrollPane(text);
    bodyScroll.setFitToWidth(true);
    bodyScroll.setFocusTraversable(false);
    body.getStyleClass().add("issue-body");

    VBox right = new VBox(8, title, meta, decisions, decide, bodyScroll);
    right.setPadding(new Insets(10, 10, 0, 12));
    VBox.setVgrow(bodyScroll, Priority.ALWAYS);

    getItems().addAll(left, new BorderPane(right));
    setDividerPositions(0.27);

    // the window's keys: they reach this pane whatever has the focus (the sample box, a tab)
    WindowKeys.register(this, this::onKey);
    viewModel.currentProperty().addListener((obs, o, c) -> showCase());
    viewModel.dimensionProperty().addListener((obs, o, d) -> showCase());
    viewModel.draft().addListener((ListChangeListener<String>) c -> showChooser());
    viewModel.options().addListener((ListChangeListener<String>) c -> showChooser());
    viewModel.displayProperty().addListener((obs, o, d) -> showDisplay(d));
    showCase();
  }

  /** Puts the keyboard on the queue (when the pane is shown). */
  void focusQueue() {
    list.requestFocus();
  }

  private void commitAndReturn() {
    viewModel.commit();
    list.requestFocus();
  }

  private boolean onKey(KeyEvent e, boolean typing) {
    KeyCode k = e.getCode();
    if (k == KeyCode.ENTER) {
      commitAndReturn();
      return true;
    }
    if (typing) {
      if (k == KeyCode.ESCAPE) {
        list.requestFocus();
        return true;
      }
      return false;
    }
    if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return false;
    }
    switch (k) {
      case UP, K -> viewModel.previous();
      case DOWN, J -> viewModel.next();
      case LEFT -> viewModel.moveDimension(-1);
      case RIGHT -> viewModel.moveDimension(1);
      case N -> note.requestFocus();
      default -> {
        if (k.isDigitKey()) {
          viewModel.choose(digit(k));
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private static int digit(KeyCode k) {
    String name = k.getName();
    return Character.getNumericValue(name.charAt(name.length() - 1));
  }

  private void showCase() {
    AdjudicationCase c = viewModel.currentProperty().get();
    decisions.getChildren().clear();
    if (c == null) {
      title.setText("");
      meta.setText("");
      showChooser();
      return;
    }
    title.setText(ShownText.forWindow(c.title()));
    meta.setText(
        c.issue()
            + "  ·  "
            + c.framework()
            + "  ·  stratum "
            + c.stratum()
            + (c.overlap() ? "  ·  overlap" : ""));
    Map<String, Map<String, Decision>> finals = AdjudicationViewModel.finalDecisions(c);
    List<String> annotators = new ArrayList<>(finals.keySet());
    List<String> header = new ArrayList<>();
    header.add("Dimension");
    header.addAll(annotators);
    header.addAll(List.of("Classifier", "Gold so far", "Lead"));
    decisions.getColumnConstraints().clear();
    double annotatorShare = annotators.isEmpty() ? 0 : 40.0 / annotators.size();
    for (int j = 0; j < header.size(); j++) {
      ColumnConstraints cc = new ColumnConstraints();
      int fromEnd = header.size() - 1 - j;
      cc.setPercentWidth(
          j == 0 ? 14 : fromEnd == 2 ? 12 : fromEnd == 1 ? 20 : fromEnd == 0 ? 14 : annotatorShare);
      cc.setFillWidth(true);
      decisions.getColumnConstraints().add(cc);
      Label h = new Label(header.get(j));
      h.getStyleClass().add("grid-header");
      h.setMaxWidth(Double.MAX_VALUE);
      decisions.add(h, j, 0);
    }
    int row = 1;
    String active = viewModel.dimensionProperty().get();
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      List<Node> cells = new ArrayList<>();
      String mark = d.open() ? "● " : d.flagged() ? "✓ " : "  ";
      Label dim =
          new Label(
              mark
                  + d.dimension()
                  + (d.disagreement() ? "  disagree" : d.unsure() ? "  unsure" : ""));
      cells.add(dim);
      for (String a : annotators) {
        Decision x = finals.get(a).get(d.dimension());
        if (x == null) {
          cells.add(new Label("—"));
          continue;
        }
        String extra = "";
        if (x.unsure()) {
          extra += " (unsure)";
        }
        if (x.reason() != null) {
          extra += " · " + x.reason();
        }
        if (x.note() != null) {
          extra += " · “" + x.note() + "”";
        }
        Label v = new Label(AdjudicationViewModel.label(x.value()) + extra);
        v.setWrapText(true);
        cells.add(v);
      }
      cells.add(new Label(AdjudicationViewModel.label(c.predicted().get(d.dimension()))));
      cells.add(
          new Label(
              d.gold().isResolved()
                  ? AdjudicationViewModel.label(d.gold().value())
                      + " ("
                      + d.gold().source().key()
                      + ")"
                  : d.gold().explanation()));
      cells.add(
          new Label(
              d.adjudication() == null
                  ? ""
                  : AdjudicationViewModel.label(d.adjudication().value())
                      + (d.adjudication().note() == null
                          ? ""
                          : " · “" + d.adjudication().note() + "”")));
      for (int j = 0; j < cells.size(); j++) {
        Node n = cells.get(j);
        n.getStyleClass().add("grid-cell");
        if (d.dimension().equals(active)) {
          n.getStyleClass().add("active-row");
        }
        if (n instanceof Label l) {
          l.setMinWidth(0);
          l.setPrefWidth(40);
          l.setMaxWidth(Double.MAX_VALUE);
          l.setWrapText(true);
          l.setMaxHeight(Double.MAX_VALUE);
        }
        decisions.add(n, j, row);
      }
      row++;
    }
    showChooser();
  }

  private void showChooser() {
    chooser.getChildren().clear();
    String dim = viewModel.dimensionProperty().get();
    if (dim == null) {
      chooserTitle.setText("");
      return;
    }
    boolean set = viewModel.setValuedProperty().get();
    chooserTitle.setText(
        "Gold for " + dim + (set ? " (toggle labels; 0 = none applies)" : " (pick one label)"));
    List<String> options = viewModel.options();
    for (int i = 0; i < options.size(); i++) {
      String label = options.get(i);
      boolean on = viewModel.draft().contains(label);
      Label key = new Label(Integer.toString(i + 1));
      key.getStyleClass().add("chip-key");
      Region swatch = new Region();
      int k = AnnotationScheme.STUDY_CATEGORIES.indexOf(label);
      swatch.getStyleClass().addAll("category-swatch", k >= 0 && set ? "cat-" + k : "swatch-none");
      HBox chip = new HBox(6, key, swatch, new Label(label));
      chip.setAlignment(Pos.CENTER_LEFT);
      chip.getStyleClass().addAll("gold-chip", on ? "gold-chip-on" : "gold-chip-off");
      chip.setId("gold-" + label);
      int n = i + 1;
      chip.setOnMouseClicked(e -> viewModel.choose(n));
      chooser.getChildren().add(chip);
    }
    if (set && viewModel.draft().isEmpty()) {
      Label none = new Label("(none applies)");
      none.getStyleClass().add("muted");
      chooser.getChildren().add(none);
    }
  }

  private void showDisplay(IssueDisplay d) {
    evidence.getChildren().clear();
    body.getChildren().clear();
    AdjudicationCase c = viewModel.currentProperty().get();
    if (c != null) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Evidence e : c.evidence()) {
        counts.merge(
            "\"" + e.keyword() + "\" → " + e.label() + "  (" + e.field() + ")",
            e.hits(),
            Integer::sum);
      }
      if (counts.isEmpty()) {
        Label none =
            new Label(c.predicted().isEmpty() ? "no classifier run" : "no keyword evidence");
        none.getStyleClass().add("muted");
        evidence.getChildren().add(none);
      }
      counts.forEach(
          (text, n) -> {
            Label l = new Label(text + (n > 1 ? "  ×" + n : ""));
            l.setWrapText(true);
            evidence.getChildren().add(l);
          });
    }
    if (d == null) {
      return;
    }
    Label bodyTitle = new Label("Issue text (keywords highlighted)");
    bodyTitle.getStyleClass().add("pane-title");
    body.getChildren()
        .addAll(
            bodyTitle,
            renderer.render(
                PreparedIssue.prepare(d, List.of(), AnnotationScheme.STUDY_CATEGORIES, false)
                    .body()));
    bodyScroll.setVvalue(0);
  }

  /** A queue row: open or done, the issue, the flagged dimensions, the title. */
  private static final class CaseCell extends ListCell<AdjudicationCase> {
    @Override
    protected void updateItem(AdjudicationCase c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      List<String> dims = new ArrayList<>();
      for (AdjudicationCase.DimensionState d : c.dimensions()) {
        if (d.flagged()) {
          dims.add(d.dimension() + (d.open() ? "" : " ✓"));
        }
      }
      Label top = new Label((c.open() ? "● " : "✓ ") + c.issue());
      top.getStyleClass().add(c.open() ? "case-open" : "case-done");
      Label what = new Label(String.join(", ", dims));
      what.getStyleClass().add("muted");
      Label t = new Label(ShownText.forWindow(c.title()));
      t.setMaxWidth(260);
      VBox box = new VBox(1, top, what, t);
      setText(null);
      setGraphic(box);
    }
  }
}
