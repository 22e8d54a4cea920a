package org.labellens.ui.issues;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import org.labellens.core.ShownText;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueSummary;

/** The issue browser's code-behind: binds the FXML controls to {@link IssuesViewModel}. */
public final class IssuesView {
  private final IssuesViewModel viewModel;
  private final String projectName;

  @FXML private BorderPane root;
  @FXML private Label projectLabel;
  @FXML private TextField searchField;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private TableView<IssueSummary> table;
  @FXML private TableColumn<IssueSummary, String> frameworkColumn;
  @FXML private TableColumn<IssueSummary, Integer> numberColumn;
  @FXML private TableColumn<IssueSummary, String> titleColumn;
  @FXML private TableColumn<IssueSummary, String> labelsColumn;
  @FXML private Button previousButton;
  @FXML private Button nextButton;
  @FXML private Label pageLabel;
  @FXML private Label countLabel;
  @FXML private Label statusLabel;
  @FXML private Label detailTitle;
  @FXML private Label detailMeta;
  @FXML private FlowPane detailLabels;
  @FXML private TextArea detailBody;

  public IssuesView(IssuesViewModel viewModel, String projectName) {
    this.viewModel = viewModel;
    this.projectName = projectName;
  }

  @FXML
  private void initialize() {
    projectLabel.setText(projectName);
    frameworkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().framework()));
    numberColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
    titleColumn.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(ShownText.forWindow(c.getValue().title())));
    labelsColumn.setCellValueFactory(
        c ->
            new ReadOnlyStringWrapper(
                ShownText.forWindow(String.join(", ", c.getValue().labels()))));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setItems(viewModel.items());
    viewModel
        .selectedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
              }
            });
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, now) -> viewModel.selectedProperty().set(now));

    searchField.textProperty().bindBidirectional(viewModel.searchProperty());
    PauseTransition debounce = new PauseTransition(Duration.millis(250));
    debounce.setOnFinished(e -> viewModel.applySearch());
    searchField.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
    searchField.disableProperty().bind(viewModel.searchReadyProperty().not());

    busyIndicator.visibleProperty().bind(viewModel.busyProperty());
    statusLabel.textProperty().bind(viewModel.statusProperty());
    viewModel.pageProperty().addListener((obs, o, n) -> updatePager());
    viewModel.pageCountProperty().addListener((obs, o, n) -> updatePager());
    viewModel.totalProperty().addListener((obs, o, n) -> updatePager());
    viewModel.detailProperty().addListener((obs, old, issue) -> showDetail(issue));
    updatePager();
    showDetail(null);

    root.sceneProperty()
        .addListener(
            (obs, old, scene) -> {
              if (scene != null) {
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        searchField::requestFocus);
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.ALT_DOWN),
                        viewModel::nextPage);
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.ALT_DOWN),
                        viewModel::previousPage);
              }
            });
  }

  private void updatePager() {
    int page = viewModel.pageProperty().get();
    int pages = viewModel.pageCountProperty().get();
    pageLabel.setText("page " + (page + 1) + " of " + pages);
    previousButton.setDisable(page == 0);
    nextButton.setDisable(page + 1 >= pages);
    countLabel.setText(String.format("%,d issues", viewModel.totalProperty().get()));
  }

  private void showDetail(Issue issue) {
    detailLabels.getChildren().clear();
    if (issue == null) {
      detailTitle.setText("");
      detailMeta.setText("");
      detailBody.setText("");
      return;
    }
    detailTitle.setText(ShownText.forWindow(issue.title()));
    StringBuilder meta = new StringBuilder();
    meta.append(issue.framework())
        .append(" · ")
        .append(issue.repo())
        .append('#')
        .append(issue.number());
    if (issue.state() != null) {
      meta.append(" · ").append(issue.state());
    }
    if (issue.createdAt() != null) {
      meta.append(" · opened ")
          .append(issue.createdAt(), 0, Math.min(10, issue.createdAt().length()));
    }
    if (issue.closedAt() != null) {
      meta.append(" · closed ")
          .append(issue.closedAt(), 0, Math.min(10, issue.closedAt().length()));
    }
    if (issue.author() != null) {
      meta.append(" · by ").append(ShownText.forWindow(issue.author()));
    }
    detailMeta.setText(meta.toString());
    List<String> labels = issue.labels();
    for (String l : labels) {
      Label chip = new Label(ShownText.forWindow(l));
      chip.getStyleClass().add("issue-label");
      detailLabels.getChildren().add(chip);
    }
    // Issue text is untrusted: it is shown as plain text, never interpreted.
    detailBody.setText(ShownText.forWindow(issue.body()));
    detailBody.positionCaret(0);
    detailBody.setScrollTop(0);
  }

  @FXML
  private void previousPage() {
    viewModel.previousPage();
  }

  @FXML
  private void nextPage() {
    viewModel.nextPage();
  }
}
