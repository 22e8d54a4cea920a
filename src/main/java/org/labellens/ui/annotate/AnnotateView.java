package org.labellens.ui.annotate;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.service.BodyModel;
import org.labellens.ui.common.WindowKeys;

/**
 * The annotation window's code-behind: binds the panes to {@link AnnotateViewModel}. The decision
 * controls ({@link DecisionPane}) and the keys ({@link AnnotateKeys}, listed in the help overlay,
 * F1) come from the sample's scheme; the keys are the window's ({@link WindowKeys}), whatever has
 * the focus. The issue is drawn on two {@link IssuePage}s that take turns.
 */
public final class AnnotateView implements AnnotateKeys.Actions {
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
  @FXML private VBox issueTitle;
  @FXML private FlowPane issueMeta;
  @FXML private FlowPane issueLabels;
  @FXML private VBox bodyBox;
  @FXML private VBox decisionPane;
  @FXML private ScrollPane decisionScroll;
  @FXML private VBox dimensionBox;
  @FXML private VBox evidenceBox;
  @FXML private javafx.scene.control.TitledPane evidencePane;
  @FXML private CheckBox unsureBox;
  @FXML private ComboBox<String> reasonBox;
  @FXML private TextField noteField;
  @FXML private ToggleButton sourceToggle;
  @FXML private Button commitButton;
  @FXML private Button backButton;
  @FXML private Button skipButton;
  @FXML private Label statusLabel;
  @FXML private VBox helpOverlay;
  @FXML private VBox helpRows;

  private BodyRenderer renderer;
  private DecisionPane decisions;
  private EvidenceList evidence;
  private AnnotateKeys keys = new AnnotateKeys(null, this);

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
    decisions = new DecisionPane(dimensionBox, viewModel);
    evidence = new EvidenceList(evidenceBox);
    front =
        new IssuePage(
            issuePane,
            issueTitle,
            issueMeta,
            issueLabels,
            bodyBox,
            renderer,
            openLink,
            this::afterNextFrame);
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
    viewModel.sourceViewProperty().addListener((obs, o, n) -> showIssue());
    sourceToggle.selectedProperty().bindBidirectional(viewModel.sourceViewProperty());
    commitButton.disableProperty().bind(viewModel.busyProperty());
    skipButton.disableProperty().bind(viewModel.busyProperty());
    backButton
        .disableProperty()
        .bind(viewModel.busyProperty().or(viewModel.indexProperty().lessThan(1)));
    reasonBox.valueProperty().bindBidirectional(viewModel.reasonProperty());
    unsureBox.selectedProperty().bindBidirectional(viewModel.unsureProperty());
    noteField.textProperty().bindBidirectional(viewModel.noteProperty());
    // the help never runs off the window: it is at most the window's height, and scrolls
    helpOverlay.maxHeightProperty().bind(root.heightProperty().subtract(24));
    WindowKeys.register(root, (e, typing) -> keys.handle(e, typing));
    dimensionBox.heightProperty().addListener((obs, o, n) -> fitDecisions());
    decisionPane.heightProperty().addListener((obs, o, n) -> fitDecisions());
    if (viewModel.schemeProperty().get() != null) {
      buildDecisionControls(viewModel.schemeProperty().get());
    } else {
      buildHelp();
    }
    showIssue();
  }

  // ---- what the keys do ----------------------------------------------------------------------

  @Override
  public void toggle(String dimension, int k) {
    viewModel.toggle(dimension, k);
  }

  @Override
  public void pick(String dimension, int k) {
    decisions.pick(dimension, k);
  }

  @Override
  public void step(String dimension, boolean backwards) {
    decisions.step(dimension, backwards);
  }

  @Override
  @FXML
  public void commit() {
    viewModel.commit();
  }

  @Override
  @FXML
  public void back() {
    viewModel.back();
  }

  @Override
  @FXML
  public void skip() {
    viewModel.skip();
  }

  @Override
  public void toggleUnsure() {
    viewModel.unsureProperty().set(!viewModel.unsureProperty().get());
  }

  @Override
  public void stepReason(boolean backwards) {
    reasonBox.setValue(DecisionPane.next(reasonBox.getItems(), reasonBox.getValue(), backwards));
  }

  @Override
  public void openNote() {
    noteField.requestFocus();
    noteField.end();
  }

  @Override
  public void editText(String dimension) {
    decisions.editText(dimension);
  }

  @Override
  public void toggleSource() {
    viewModel.sourceViewProperty().set(!viewModel.sourceViewProperty().get());
  }

  @Override
  public void scroll(double pages) {
    double viewport = issueScroll.getViewportBounds().getHeight();
    double content = issueScroll.getContent().getLayoutBounds().getHeight();
    double movable = Math.max(1, content - viewport);
    double step = pages * Math.max(40, viewport - 40) / movable;
    issueScroll.setVvalue(Math.max(0, Math.min(1, issueScroll.getVvalue() + step)));
  }

  @Override
  @FXML
  public void toggleHelp() {
    helpOverlay.setVisible(!helpOverlay.isVisible());
  }

  @Override
  public boolean helpShown() {
    return helpOverlay.isVisible();
  }

  @Override
  public boolean locked() {
    return viewModel.locked();
  }

  @Override
  public void leaveField() {
    root.requestFocus();
  }

  private void buildHelp() {
    helpRows.getChildren().clear();
    for (AnnotateKeys.Binding b : keys.bindings()) {
      Label k = new Label(b.keys());
      k.getStyleClass().add("help-key");
      k.setMinWidth(175);
      Label what = new Label(b.what());
      what.setWrapText(true);
      HBox row = new HBox(12, k, what);
      HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
      helpRows.getChildren().add(row);
    }
  }

  // ---- decision controls ---------------------------------------------------------------------

  private void buildDecisionControls(AnnotationScheme scheme) {
    keys = new AnnotateKeys(scheme, this);
    decisions.build(scheme, keys);
    reasonBox.getItems().setAll(scheme.reasonCodes());
    buildHelp();
    showClassifierValues();
  }

  private void showClassifierValues() {
    AnnotateViewModel.Presentation shown = viewModel.presentedProperty().get();
    boolean revealed = shown != null && shown.phase() == Phase.REVEALED;
    decisions.showClassifier(
        shown == null ? java.util.Map.of() : shown.issue().display().predicted(), revealed);
  }

  /**
   * Keeps the dimensions' controls whole: their scroll pane is at least as tall as its content
   * while the pane has room for it beside the other controls, so a short window takes the height
   * from the evidence (which scrolls on its own) rather than cutting off the last row of toggles.
   * Only a scheme taller than the whole pane makes the controls scroll.
   */
  private void fitDecisions() {
    double content =
        dimensionBox.prefHeight(-1)
            + decisionScroll.snappedTopInset()
            + decisionScroll.snappedBottomInset();
    double others = decisionPane.snappedTopInset() + decisionPane.snappedBottomInset();
    int shown = 0;
    for (javafx.scene.Node n : decisionPane.getChildren()) {
      if (!n.isManaged()) {
        continue;
      }
      shown++;
      if (n != decisionScroll) {
        others += n == evidencePane ? evidencePane.minHeight(-1) : n.prefHeight(-1);
      }
    }
    others += decisionPane.getSpacing() * Math.max(0, shown - 1);
    double room = decisionPane.getHeight() - others;
    double min = Math.ceil(Math.max(0, Math.min(content, room)));
    if (min != decisionScroll.getMinHeight()) {
      decisionScroll.setMinHeight(min);
    }
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
    front.show(prepared, body, titleOf(shown));
    if (comments != null) {
      comments.show(prepared.display().id());
    }
    if (!blind) {
      evidence.show(prepared);
    }
    evidencePane.setVisible(!blind);
    evidencePane.setManaged(!blind);
    showClassifierValues();
    if (newIssue) {
      issueScroll.setVvalue(0);
    }
  }

  /**
   * The body a presentation shows: rendered or source text (the annotator's choice), blind without
   * the classifier's highlights.
   */
  private BodyModel bodyOf(AnnotateViewModel.Presentation p) {
    PreparedIssue prepared = p.issue();
    boolean blind = p.phase() == Phase.BLIND && prepared.blindBody() != null;
    if (viewModel.sourceViewProperty().get()) {
      return blind ? prepared.blindSource() : prepared.source();
    }
    return blind ? prepared.blindBody() : prepared.body();
  }

  private static BodyModel titleOf(AnnotateViewModel.Presentation p) {
    return p.phase() == Phase.BLIND ? p.issue().blindTitle() : p.issue().title();
  }

  /**
   * Lays the issue that comes next out on the page behind the one shown, while the annotator reads
   * this one: its CSS, text layout and highlights are done by the time the decision is stored, and
   * showing it is a swap of pages.
   */
  private void layOutAhead(AnnotateViewModel.Presentation upcoming) {
    if (upcoming != null && upcoming.issue() != front.issue) {
      back.show(upcoming.issue(), bodyOf(upcoming), titleOf(upcoming));
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

  private void hideEvidence() {
    evidencePane.setVisible(false);
    evidencePane.setManaged(false);
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
