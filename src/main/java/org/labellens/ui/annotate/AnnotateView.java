package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;

/**
 * The annotation window's code-behind: binds controls to {@link AnnotateViewModel} and maps every
 * key to an action (listed in the help overlay, F1). Keys act when no text field has the focus; in
 * the note field, Enter commits and Esc leaves it.
 */
public final class AnnotateView {
  private final AnnotateViewModel viewModel;
  private final Consumer<String> openLink;

  @FXML private StackPane root;
  @FXML private Label sessionLabel;
  @FXML private Label phaseBadge;
  @FXML private Label progressLabel;
  @FXML private ProgressBar progressBar;
  @FXML private ListView<QueueItem> queueList;
  @FXML private ScrollPane issueScroll;
  @FXML private Label issueTitle;
  @FXML private FlowPane issueMeta;
  @FXML private FlowPane issueLabels;
  @FXML private VBox bodyBox;
  @FXML private VBox categoryBox;
  @FXML private Label evidenceTitle;
  @FXML private VBox evidenceBox;
  @FXML private ComboBox<String> primaryBox;
  @FXML private HBox productionBox;
  @FXML private ComboBox<String> rootCauseBox;
  @FXML private HBox severityBox;
  @FXML private CheckBox unsureBox;
  @FXML private ComboBox<String> reasonBox;
  @FXML private TextField noteField;
  @FXML private Button commitButton;
  @FXML private Button backButton;
  @FXML private Button skipButton;
  @FXML private Label statusLabel;
  @FXML private VBox helpOverlay;
  @FXML private VBox helpRows;

  private final List<ToggleButton> categoryToggles = new ArrayList<>();
  private final ToggleGroup productionGroup = new ToggleGroup();
  private final ToggleGroup severityGroup = new ToggleGroup();
  private BodyRenderer renderer;
  private PreparedIssue shownIssue;
  private BodyModel shownBody;

  public AnnotateView(AnnotateViewModel viewModel, Consumer<String> openLink) {
    this.viewModel = viewModel;
    this.openLink = openLink;
  }

  @FXML
  private void initialize() {
    renderer = new BodyRenderer(openLink);
    sessionLabel
        .textProperty()
        .bind(Bindings.concat(viewModel.sampleProperty(), " · ", viewModel.annotatorProperty()));
    statusLabel.textProperty().bind(viewModel.statusProperty());
    queueList.setItems(viewModel.queue());
    queueList.setCellFactory(list -> new QueueCell());
    queueList.setOnMouseClicked(
        e -> {
          int i = queueList.getSelectionModel().getSelectedIndex();
          if (i >= 0 && i != viewModel.indexProperty().get()) {
            viewModel.open(i);
          }
        });
    viewModel
        .indexProperty()
        .addListener(
            (obs, o, n) -> {
              queueList.getSelectionModel().select(n.intValue());
              revealInQueue(n.intValue());
            });
    viewModel.queue().addListener((ListChangeListener<QueueItem>) c -> updateProgress());
    viewModel.schemeProperty().addListener((obs, o, s) -> buildDecisionControls(s));
    viewModel.presentedProperty().addListener((obs, o, p) -> showIssue());
    commitButton.disableProperty().bind(viewModel.busyProperty());
    skipButton.disableProperty().bind(viewModel.busyProperty());
    backButton
        .disableProperty()
        .bind(viewModel.busyProperty().or(viewModel.indexProperty().lessThan(1)));
    primaryBox.valueProperty().bindBidirectional(viewModel.primaryProperty());
    rootCauseBox.valueProperty().bindBidirectional(viewModel.rootCauseProperty());
    reasonBox.valueProperty().bindBidirectional(viewModel.reasonProperty());
    unsureBox.selectedProperty().bindBidirectional(viewModel.unsureProperty());
    noteField.textProperty().bindBidirectional(viewModel.noteProperty());
    viewModel.productionProperty().addListener((obs, o, n) -> selectIn(productionGroup, n));
    viewModel.severityProperty().addListener((obs, o, n) -> selectIn(severityGroup, n));
    productionGroup
        .selectedToggleProperty()
        .addListener(
            (obs, o, t) ->
                viewModel.productionProperty().set(t == null ? null : (String) t.getUserData()));
    severityGroup
        .selectedToggleProperty()
        .addListener(
            (obs, o, t) ->
                viewModel.severityProperty().set(t == null ? null : (String) t.getUserData()));
    buildHelp();
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    if (viewModel.schemeProperty().get() != null) {
      buildDecisionControls(viewModel.schemeProperty().get());
    }
    showIssue();
  }

  // ---- keys ----------------------------------------------------------------------------------

  /** The keys, in the order the help overlay lists them. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("1 … 8", "toggle a category");
    KEYS.put("Enter", "commit and go on (blind first: commit, then see the classifier)");
    KEYS.put("Backspace / Alt+←", "back to the previous issue to change it");
    KEYS.put("S", "skip (the issue comes back at the end)");
    KEYS.put("Shift+1 … 8, Shift+9", "primary category, or other");
    KEYS.put("Y / N", "production issue: yes / no");
    KEYS.put("R / Shift+R", "next / previous root cause");
    KEYS.put("V / Shift+V", "next / previous severity");
    KEYS.put("U", "unsure");
    KEYS.put("O / Shift+O", "next / previous reason code");
    KEYS.put("M", "write a note (Esc leaves the note)");
    KEYS.put("Page Up / Page Down", "scroll the issue");
    KEYS.put("F1", "this help");
  }

  private void onKey(KeyEvent e) {
    KeyCode code = e.getCode();
    if (code == KeyCode.F1) {
      toggleHelp();
      e.consume();
      return;
    }
    if (helpOverlay.isVisible()) {
      if (code == KeyCode.ESCAPE) {
        toggleHelp();
      }
      e.consume();
      return;
    }
    boolean typing =
        root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
    if (typing) {
      if (code == KeyCode.ESCAPE) {
        root.requestFocus();
        e.consume();
      } else if (code == KeyCode.ENTER) {
        root.requestFocus();
        viewModel.commit();
        e.consume();
      }
      return;
    }
    boolean handled = true;
    int digit = digit(code);
    if (digit >= 1 && digit <= 9 && e.isShiftDown()) {
      List<String> primaries = primaryBox.getItems();
      if (digit <= viewModel.categoryLabels().size()) {
        viewModel.primaryProperty().set(viewModel.categoryLabels().get(digit - 1));
      } else if (primaries.contains("other")) {
        viewModel.primaryProperty().set("other");
      }
    } else if (digit >= 1 && digit <= 8) {
      viewModel.toggleCategory(digit - 1);
    } else if (code == KeyCode.ENTER) {
      viewModel.commit();
    } else if (code == KeyCode.BACK_SPACE || (code == KeyCode.LEFT && e.isAltDown())) {
      viewModel.back();
    } else if (code == KeyCode.S) {
      viewModel.skip();
    } else if (code == KeyCode.Y) {
      viewModel.productionProperty().set("yes");
    } else if (code == KeyCode.N) {
      viewModel.productionProperty().set("no");
    } else if (code == KeyCode.R) {
      cycle(rootCauseBox, e.isShiftDown());
    } else if (code == KeyCode.V) {
      cycleToggle(severityGroup, e.isShiftDown());
    } else if (code == KeyCode.U) {
      viewModel.unsureProperty().set(!viewModel.unsureProperty().get());
    } else if (code == KeyCode.O) {
      cycle(reasonBox, e.isShiftDown());
    } else if (code == KeyCode.M) {
      noteField.requestFocus();
    } else if (code == KeyCode.PAGE_DOWN) {
      issueScroll.setVvalue(Math.min(1, issueScroll.getVvalue() + 0.25));
    } else if (code == KeyCode.PAGE_UP) {
      issueScroll.setVvalue(Math.max(0, issueScroll.getVvalue() - 0.25));
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  private static int digit(KeyCode code) {
    return switch (code) {
      case DIGIT1, NUMPAD1 -> 1;
      case DIGIT2, NUMPAD2 -> 2;
      case DIGIT3, NUMPAD3 -> 3;
      case DIGIT4, NUMPAD4 -> 4;
      case DIGIT5, NUMPAD5 -> 5;
      case DIGIT6, NUMPAD6 -> 6;
      case DIGIT7, NUMPAD7 -> 7;
      case DIGIT8, NUMPAD8 -> 8;
      case DIGIT9, NUMPAD9 -> 9;
      default -> -1;
    };
  }

  private static void cycle(ComboBox<String> box, boolean backwards) {
    List<String> items = box.getItems();
    if (items.isEmpty()) {
      return;
    }
    int i = items.indexOf(box.getValue());
    int next =
        i < 0
            ? (backwards ? items.size() - 1 : 0)
            : Math.floorMod(i + (backwards ? -1 : 1), items.size());
    box.setValue(items.get(next));
  }

  private static void cycleToggle(ToggleGroup group, boolean backwards) {
    var toggles = group.getToggles();
    if (toggles.isEmpty()) {
      return;
    }
    int i = toggles.indexOf(group.getSelectedToggle());
    int next =
        i < 0
            ? (backwards ? toggles.size() - 1 : 0)
            : Math.floorMod(i + (backwards ? -1 : 1), toggles.size());
    group.selectToggle(toggles.get(next));
  }

  private static void selectIn(ToggleGroup group, String value) {
    for (var t : group.getToggles()) {
      if (t.getUserData().equals(value)) {
        group.selectToggle(t);
        return;
      }
    }
    group.selectToggle(null);
  }

  @FXML
  private void toggleHelp() {
    helpOverlay.setVisible(!helpOverlay.isVisible());
  }

  @FXML
  private void commit() {
    viewModel.commit();
  }

  @FXML
  private void back() {
    viewModel.back();
  }

  @FXML
  private void skip() {
    viewModel.skip();
  }

  private void buildHelp() {
    helpRows.getChildren().clear();
    KEYS.forEach(
        (key, what) -> {
          Label k = new Label(key);
          k.getStyleClass().add("help-key");
          helpRows.getChildren().add(new HBox(12, k, new Label(what)));
        });
  }

  // ---- decision controls ---------------------------------------------------------------------

  private void buildDecisionControls(AnnotationScheme scheme) {
    categoryBox.getChildren().clear();
    categoryToggles.clear();
    List<String> cats = viewModel.categoryLabels();
    for (int k = 0; k < cats.size(); k++) {
      Region swatch = new Region();
      swatch.getStyleClass().addAll("category-swatch", "cat-" + k);
      ToggleButton t = new ToggleButton((k + 1) + "   " + cats.get(k));
      t.setGraphic(swatch);
      t.setId("category-" + cats.get(k));
      t.getStyleClass().add("category-toggle");
      t.setFocusTraversable(false);
      t.selectedProperty().bindBidirectional(viewModel.category(k));
      t.setMaxWidth(Double.MAX_VALUE);
      categoryToggles.add(t);
      categoryBox.getChildren().add(t);
    }
    primaryBox.getItems().setAll(labels(scheme, "primary"));
    rootCauseBox.getItems().setAll(labels(scheme, "root_cause"));
    reasonBox.getItems().setAll(scheme.reasonCodes());
    productionBox.getChildren().clear();
    productionGroup.getToggles().clear();
    for (String v : labels(scheme, "production")) {
      ToggleButton t = new ToggleButton(v);
      t.setUserData(v);
      t.setToggleGroup(productionGroup);
      t.setFocusTraversable(false);
      t.setId("production-" + v);
      productionBox.getChildren().add(t);
    }
    severityBox.getChildren().clear();
    severityGroup.getToggles().clear();
    for (String v : labels(scheme, "severity")) {
      ToggleButton t = new ToggleButton(v);
      t.setUserData(v);
      t.setToggleGroup(severityGroup);
      t.setFocusTraversable(false);
      t.setId("severity-" + v);
      severityBox.getChildren().add(t);
    }
    selectIn(productionGroup, viewModel.productionProperty().get());
    selectIn(severityGroup, viewModel.severityProperty().get());
  }

  private static List<String> labels(AnnotationScheme scheme, String dimension) {
    return scheme.dimension(dimension).map(SchemeDimension::labels).orElse(List.of());
  }

  // ---- the issue -----------------------------------------------------------------------------

  private void showIssue() {
    AnnotateViewModel.Presentation shown = viewModel.presentedProperty().get();
    boolean blind = shown != null && shown.phase() == Phase.BLIND;
    String phase = blind ? "phase-blind" : "phase-revealed";
    if (!phaseBadge.getStyleClass().contains(phase)) {
      // a change of style class restyles the badge: only when the phase changes
      phaseBadge.getStyleClass().removeAll("phase-blind", "phase-revealed");
      phaseBadge.getStyleClass().add(phase);
    }
    phaseBadge.setText(blind ? "BLIND · classifier hidden" : "classifier shown");
    if (shown == null) {
      hideEvidence();
      issueMeta.getChildren().clear();
      issueLabels.getChildren().clear();
      bodyBox.getChildren().clear();
      frameworkLabel = null;
      metaParts.clear();
      labelChips.clear();
      shownIssue = null;
      shownBody = null;
      issueTitle.setText("");
      return;
    }
    PreparedIssue prepared = shown.issue();
    Issue issue = prepared.display().issue();
    if (prepared != shownIssue) {
      showHeader(issue);
    }
    if (!blind) {
      showEvidence(prepared);
    }
    evidenceBox.setVisible(!blind);
    evidenceBox.setManaged(!blind);
    evidenceTitle.setVisible(!blind);
    evidenceTitle.setManaged(!blind);
    BodyModel body = blind && prepared.blindBody() != null ? prepared.blindBody() : prepared.body();
    if (body != shownBody) {
      renderer.show(bodyBox, body, this::afterNextFrame);
      shownBody = body;
    }
    if (prepared != shownIssue) {
      issueScroll.setVvalue(0);
      shownIssue = prepared;
    }
  }

  /**
   * Runs {@code step} on the FX thread once the next pulse has laid out the scene (so its frame is
   * on its way to the screen first); at once when the view is not in a scene.
   */
  private void afterNextFrame(Runnable step) {
    javafx.scene.Scene scene = root.getScene();
    if (scene == null) {
      step.run();
      return;
    }
    // removed outside the pulse: the scene is iterating its listeners while this one runs
    Runnable[] once = new Runnable[1];
    boolean[] fired = new boolean[1];
    once[0] =
        () -> {
          if (!fired[0]) {
            fired[0] = true;
            javafx.application.Platform.runLater(
                () -> {
                  scene.removePostLayoutPulseListener(once[0]);
                  step.run();
                });
          }
        };
    scene.addPostLayoutPulseListener(once[0]);
    javafx.application.Platform.requestNextPulse();
  }

  // the header's and the evidence's nodes are made once and reused for every issue: a new
  // label costs a skin and CSS, a changed text only layout
  private Label frameworkLabel;
  private Hyperlink issueLink;
  private String issueUrl;
  private final List<Label> metaParts = new ArrayList<>();
  private final List<Label> labelChips = new ArrayList<>();
  private Label noEvidence;
  private final List<EvidenceRow> evidenceRows = new ArrayList<>();

  private void showHeader(Issue issue) {
    issueTitle.setText(issue.title());
    if (frameworkLabel == null) {
      frameworkLabel = new Label();
      frameworkLabel.getStyleClass().add("muted");
      issueLink = new Hyperlink();
      issueLink.setFocusTraversable(false);
      issueLink.setOnAction(
          e -> {
            if (issueUrl != null && BodyRenderer.isWeb(issueUrl)) {
              openLink.accept(issueUrl);
            }
          });
      List<Node> meta = new ArrayList<>(List.of(frameworkLabel, issueLink));
      for (int i = 0; i < 4; i++) {
        Label l = new Label();
        l.getStyleClass().add("muted");
        metaParts.add(l);
        meta.add(l);
      }
      issueMeta.getChildren().setAll(meta);
    }
    frameworkLabel.setText(issue.framework());
    issueLink.setText(issue.repo() + "#" + issue.number());
    issueUrl = issue.url();
    String[] parts = {
      issue.state(),
      issue.createdAt() == null
          ? null
          : "opened " + issue.createdAt().substring(0, Math.min(10, issue.createdAt().length())),
      issue.closedAt() == null
          ? null
          : "closed " + issue.closedAt().substring(0, Math.min(10, issue.closedAt().length())),
      issue.author() == null ? null : "by " + issue.author()
    };
    for (int i = 0; i < parts.length; i++) {
      Label l = metaParts.get(i);
      l.setText(parts[i] == null ? "" : "· " + parts[i]);
      setShown(l, parts[i] != null);
    }
    List<String> labels = issue.labels();
    while (labelChips.size() < labels.size()) {
      Label chip = new Label();
      chip.getStyleClass().add("issue-label");
      labelChips.add(chip);
      issueLabels.getChildren().add(chip);
    }
    for (int i = 0; i < labelChips.size(); i++) {
      Label chip = labelChips.get(i);
      boolean used = i < labels.size();
      chip.setText(used ? labels.get(i) : "");
      setShown(chip, used);
    }
  }

  /** Shows or hides a reused node; a hidden one takes no room. */
  private static void setShown(Node n, boolean shown) {
    n.setVisible(shown);
    n.setManaged(shown);
  }

  /** One evidence line: a square in the category's colour and the line's text. */
  private record EvidenceRow(
      javafx.scene.text.TextFlow flow,
      javafx.scene.shape.Rectangle swatch,
      javafx.scene.text.Text text) {}

  private void showEvidence(PreparedIssue prepared) {
    List<PreparedIssue.EvidenceLine> lines = prepared.evidence();
    if (noEvidence == null) {
      noEvidence = new Label();
      noEvidence.getStyleClass().add("muted");
      evidenceBox.getChildren().add(noEvidence);
    }
    setShown(noEvidence, lines.isEmpty());
    noEvidence.setText(
        prepared.display().predicted().isEmpty()
            ? "no classifier output for this sample"
            : "no keyword matched");
    // one light text flow per line (a square and a text), not a label with its skin per line
    while (evidenceRows.size() < lines.size()) {
      javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(10, 10);
      javafx.scene.text.Text line = new javafx.scene.text.Text();
      EvidenceRow row = new EvidenceRow(new javafx.scene.text.TextFlow(swatch, line), swatch, line);
      evidenceRows.add(row);
      evidenceBox.getChildren().add(row.flow());
    }
    for (int i = 0; i < evidenceRows.size(); i++) {
      EvidenceRow row = evidenceRows.get(i);
      boolean used = i < lines.size();
      setShown(row.flow(), used);
      if (!used) {
        row.text().setText("");
        continue;
      }
      PreparedIssue.EvidenceLine e = lines.get(i);
      List<String> swatchClasses = List.of("hit-bg", e.styleClass());
      if (!row.swatch().getStyleClass().equals(swatchClasses)) {
        row.swatch().getStyleClass().setAll(swatchClasses);
      }
      List<String> textClasses = List.of(e.counted() ? "evidence-text" : "evidence-muted");
      if (!row.text().getStyleClass().equals(textClasses)) {
        row.text().getStyleClass().setAll(textClasses);
      }
      row.text().setText("  " + e.text());
    }
  }

  private void hideEvidence() {
    evidenceBox.setVisible(false);
    evidenceBox.setManaged(false);
  }

  /**
   * Scrolls the queue only when row {@code i} is not well inside the visible rows, and then so that
   * it is near the top: moving on by one row usually changes two cells, not all of them.
   */
  private void revealInQueue(int i) {
    if (queueList.lookup(".virtual-flow")
        instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
      var first = flow.getFirstVisibleCell();
      var last = flow.getLastVisibleCell();
      if (first != null
          && last != null
          && i > first.getIndex()
          && (i < last.getIndex() || last.getIndex() >= queueList.getItems().size() - 1)) {
        return;
      }
    }
    queueList.scrollTo(Math.max(0, i - 3));
  }

  private void updateProgress() {
    int total = viewModel.queue().size();
    long done = viewModel.queue().stream().filter(q -> q.state() == ItemState.DECIDED).count();
    progressLabel.setText(done + " of " + total + " decided");
    progressBar.setProgress(total == 0 ? 0 : (double) done / total);
  }

  /** A queue row: state mark, position, issue, title. */
  private static final class QueueCell extends ListCell<QueueItem> {
    @Override
    protected void updateItem(QueueItem item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        return;
      }
      String mark =
          switch (item.state()) {
            case DECIDED -> "✓";
            case SKIPPED -> "↷";
            default -> item.blindDecided() ? "◐" : "·";
          };
      setText(mark + " " + item.position() + "  " + item.issue().number() + "  " + item.title());
    }
  }
}
