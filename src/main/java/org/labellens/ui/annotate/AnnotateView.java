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
import org.labellens.core.ShownText;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;
import org.labellens.service.BodyModel;

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
  @FXML private VBox issuePane;
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

  /** Set while the key that opened the note is down, so that its character is not typed. */
  private boolean dropTypedKey;

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

  /** The page shown, and the page behind it where the next issue is laid out ahead of time. */
  private IssuePage front;

  private IssuePage back;

  /** The comments under the body (fetched issues), or null for a window without them. */
  private final CommentsViewModel comments;

  private CommentsPane commentsPane;
  private PageStack pages;

  public AnnotateView(AnnotateViewModel viewModel, Consumer<String> openLink) {
    this(viewModel, openLink, null);
  }

  public AnnotateView(
      AnnotateViewModel viewModel, Consumer<String> openLink, CommentsViewModel comments) {
    this.viewModel = viewModel;
    this.openLink = openLink;
    this.comments = comments;
  }

  @FXML
  private void initialize() {
    renderer = new BodyRenderer(openLink);
    front = new IssuePage(issuePane, issueTitle, issueMeta, issueLabels, bodyBox);
    back = front.emptyLike();
    pages = new PageStack(front.pane, back.pane);
    if (comments == null) {
      issueScroll.setContent(pages);
    } else {
      commentsPane = new CommentsPane(comments);
      VBox withComments = new VBox(pages, commentsPane);
      withComments.setFillWidth(true);
      issueScroll.setContent(withComments);
    }
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
    viewModel.upcomingProperty().addListener((obs, o, p) -> layOutAhead(p));
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
    // the key that opens the note is a command, not text: its own typed character is dropped
    root.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (dropTypedKey) {
            dropTypedKey = false;
            e.consume();
          }
        });
    root.addEventFilter(
        KeyEvent.KEY_RELEASED,
        e -> {
          if (e.getCode() == KeyCode.M) {
            dropTypedKey = false;
          }
        });
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
    if (viewModel.locked() && code != KeyCode.PAGE_DOWN && code != KeyCode.PAGE_UP) {
      // a decision is being stored or the next issue loaded: a key now would land on the wrong one
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
      dropTypedKey = true;
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
      front.clear();
      back.clear();
      if (comments != null) {
        comments.clear();
      }
      return;
    }
    PreparedIssue prepared = shown.issue();
    BodyModel body = bodyOf(shown);
    if (prepared != front.issue && back.shows(prepared, body)) {
      // laid out ahead while the annotator read the issue before: only the pages change places
      IssuePage was = front;
      front = back;
      back = was;
      pages.bringToFront(front.pane, back.pane);
      front.title.setId("issueTitle");
      back.title.setId(null);
    }
    boolean newIssue = prepared != front.issue;
    front.show(prepared, body);
    if (comments != null) {
      comments.show(prepared.display().id());
    }
    if (!blind) {
      showEvidence(prepared);
    }
    evidenceBox.setVisible(!blind);
    evidenceBox.setManaged(!blind);
    evidenceTitle.setVisible(!blind);
    evidenceTitle.setManaged(!blind);
    if (newIssue) {
      issueScroll.setVvalue(0);
    }
  }

  /** The body a presentation shows: blind, a body without the classifier's highlights. */
  private static BodyModel bodyOf(AnnotateViewModel.Presentation p) {
    PreparedIssue prepared = p.issue();
    return p.phase() == Phase.BLIND && prepared.blindBody() != null
        ? prepared.blindBody()
        : prepared.body();
  }

  /**
   * Lays the issue that comes next out on the page behind the one shown, while the annotator reads
   * this one: its CSS, text layout and highlights are done by the time the decision is stored, and
   * showing it is a swap of pages.
   */
  private void layOutAhead(AnnotateViewModel.Presentation upcoming) {
    if (upcoming != null && upcoming.issue() != front.issue) {
      back.show(upcoming.issue(), bodyOf(upcoming));
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

  // the evidence's nodes are made once and reused for every issue: a new label costs a skin and
  // CSS, a changed text only layout
  private Label noEvidence;
  private final List<EvidenceRow> evidenceRows = new ArrayList<>();

  /**
   * One page of the issue pane: title, meta line, labels and body. Two pages take turns: the one in
   * front is shown, the one behind is invisible but styled and laid out at the same width. Its
   * nodes are made once and reused for every issue: a new label costs a skin and CSS, a changed
   * text only layout.
   */
  private final class IssuePage {
    final VBox pane;
    final Label title;
    final FlowPane meta;
    final FlowPane labels;
    final VBox body;
    private Label frameworkLabel;
    private Hyperlink link;
    private String url;
    private final List<Label> metaParts = new ArrayList<>();
    private final List<Label> labelChips = new ArrayList<>();
    PreparedIssue issue;
    private BodyModel bodyModel;

    IssuePage(VBox pane, Label title, FlowPane meta, FlowPane labels, VBox body) {
      this.pane = pane;
      this.title = title;
      this.meta = meta;
      this.labels = labels;
      this.body = body;
    }

    /** An empty page built like this one (styles, padding and spacing), with nodes of its own. */
    IssuePage emptyLike() {
      VBox newPane = new VBox(pane.getSpacing());
      newPane.getStyleClass().setAll(pane.getStyleClass());
      newPane.setPadding(pane.getPadding());
      Label newTitle = new Label();
      newTitle.getStyleClass().setAll(title.getStyleClass());
      newTitle.setWrapText(title.isWrapText());
      FlowPane newMeta = new FlowPane(meta.getHgap(), meta.getVgap());
      FlowPane newLabels = new FlowPane(labels.getHgap(), labels.getVgap());
      VBox newBody = new VBox(body.getSpacing());
      newBody.getStyleClass().setAll(body.getStyleClass());
      newPane.getChildren().setAll(newTitle, newMeta, newLabels, newBody);
      return new IssuePage(newPane, newTitle, newMeta, newLabels, newBody);
    }

    boolean shows(PreparedIssue prepared, BodyModel model) {
      return issue == prepared && bodyModel == model;
    }

    void show(PreparedIssue prepared, BodyModel model) {
      if (prepared != issue) {
        showHeader(prepared.display().issue());
        issue = prepared;
      }
      if (model != bodyModel) {
        renderer.show(body, model, AnnotateView.this::afterNextFrame);
        bodyModel = model;
      }
    }

    void clear() {
      meta.getChildren().clear();
      labels.getChildren().clear();
      body.getChildren().clear();
      frameworkLabel = null;
      metaParts.clear();
      labelChips.clear();
      issue = null;
      bodyModel = null;
      title.setText("");
    }

    private void showHeader(Issue issue) {
      title.setText(ShownText.forWindow(issue.title()));
      if (frameworkLabel == null) {
        frameworkLabel = new Label();
        frameworkLabel.getStyleClass().add("muted");
        link = new Hyperlink();
        link.setFocusTraversable(false);
        link.setOnAction(
            e -> {
              if (url != null && BodyRenderer.isWeb(url)) {
                openLink.accept(url);
              }
            });
        List<Node> parts = new ArrayList<>(List.of(frameworkLabel, link));
        for (int i = 0; i < 4; i++) {
          Label l = new Label();
          l.getStyleClass().add("muted");
          metaParts.add(l);
          parts.add(l);
        }
        meta.getChildren().setAll(parts);
      }
      frameworkLabel.setText(issue.framework());
      link.setText(issue.repo() + "#" + issue.number());
      url = issue.url();
      String[] parts = {
        issue.state(),
        issue.createdAt() == null
            ? null
            : "opened " + issue.createdAt().substring(0, Math.min(10, issue.createdAt().length())),
        issue.closedAt() == null
            ? null
            : "closed " + issue.closedAt().substring(0, Math.min(10, issue.closedAt().length())),
        issue.author() == null ? null : "by " + ShownText.forWindow(issue.author())
      };
      for (int i = 0; i < parts.length; i++) {
        Label l = metaParts.get(i);
        l.setText(parts[i] == null ? "" : "· " + parts[i]);
        setShown(l, parts[i] != null);
      }
      List<String> names = issue.labels();
      while (labelChips.size() < names.size()) {
        Label chip = new Label();
        chip.getStyleClass().add("issue-label");
        labelChips.add(chip);
        labels.getChildren().add(chip);
      }
      for (int i = 0; i < labelChips.size(); i++) {
        Label chip = labelChips.get(i);
        boolean used = i < names.size();
        chip.setText(used ? ShownText.forWindow(names.get(i)) : "");
        setShown(chip, used);
      }
    }
  }

  /**
   * Holds the two pages of the issue pane on top of each other: both get the whole width and their
   * preferred height, but only the page in front is visible and decides the height to scroll.
   */
  static final class PageStack extends Region {
    private Node front;

    PageStack(Node front, Node back) {
      this.front = front;
      back.setVisible(false);
      getChildren().setAll(back, front);
    }

    void bringToFront(Node newFront, Node newBack) {
      front = newFront;
      newBack.setVisible(false);
      newFront.setVisible(true);
      requestLayout();
    }

    @Override
    protected void layoutChildren() {
      double w = getWidth();
      for (Node page : getChildren()) {
        page.resizeRelocate(0, 0, w, page.prefHeight(w));
      }
    }

    @Override
    protected double computePrefWidth(double height) {
      return front.prefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
      return front.prefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
      return front.minWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
      return front.minHeight(width);
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
