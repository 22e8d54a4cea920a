package org.labellens.ui.review;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The lead's review window: a sample chooser and, in tabs, the agreement dashboard, the validation
 * tables and the adjudication queue. Everything is computed in the background; a spinner says so.
 */
public final class ReviewView extends BorderPane {
  private final TabPane tabs = new TabPane();
  private final AdjudicationPane adjudication;

  public ReviewView(ReviewViewModel viewModel, Consumer<String> openLink) {
    setId("reviewView");
    Label title = new Label("Review");
    title.getStyleClass().add("app-title");
    ComboBox<String> sample = new ComboBox<>(viewModel.samples());
    sample.setId("reviewSampleBox");
    sample.setPromptText("sample");
    sample.valueProperty().bindBidirectional(viewModel.sampleProperty());
    Button refresh = new Button("Recompute");
    refresh.setId("refreshButton");
    refresh.setFocusTraversable(false);
    refresh.setOnAction(e -> viewModel.refresh());
    Label bootstrap = new Label();
    bootstrap.getStyleClass().add("muted");
    bootstrap
        .textProperty()
        .bind(
            viewModel
                .replicatesProperty()
                .asString("95%% CIs: %d bootstrap replicates, seed ")
                .concat(viewModel.seedProperty().asString()));
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setId("reviewBusy");
    spinner.setPrefSize(18, 18);
    spinner.setMaxSize(18, 18);
    Label computing = new Label("computing …");
    computing.getStyleClass().add("muted");
    spinner.visibleProperty().bind(viewModel.busyBinding());
    computing.visibleProperty().bind(viewModel.busyBinding());
    Label status = new Label();
    status.setId("reviewStatus");
    status.getStyleClass().add("status-text");
    status.textProperty().bind(viewModel.statusProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar =
        new HBox(
            10,
            title,
            new Label("Sample"),
            sample,
            refresh,
            bootstrap,
            status,
            grow,
            spinner,
            computing);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("toolbar");
    Label changed = new Label();
    changed.setId("changedAfterSampling");
    changed.getStyleClass().add("status-text");
    changed.setWrapText(true);
    changed.textProperty().bind(viewModel.changed().flagProperty());
    changed.visibleProperty().bind(changed.textProperty().isNotEmpty());
    changed.managedProperty().bind(changed.visibleProperty());
    changed.setPadding(new Insets(0, 12, 6, 12));
    setTop(new javafx.scene.layout.VBox(bar, changed));

    adjudication = new AdjudicationPane(viewModel.adjudication(), openLink);
    tabs.setId("reviewTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs()
        .addAll(
            tab("Agreement", new AgreementPane(viewModel.agreement())),
            tab("Validation", new ValidationPane(viewModel.validation())),
            tab("Adjudication", adjudication));
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, o, t) -> {
              if (t != null && t.getContent() == adjudication) {
                adjudication.focusQueue();
              }
            });
    setCenter(tabs);
  }

  /** Shows the tab with this title ("Agreement", "Validation", "Adjudication"). */
  public void select(String tab) {
    for (Tab t : tabs.getTabs()) {
      if (t.getText().equalsIgnoreCase(tab)) {
        tabs.getSelectionModel().select(t);
      }
    }
    if (tabs.getSelectionModel().getSelectedItem().getContent() == adjudication) {
      adjudication.focusQueue();
    }
  }

  private static Tab tab(String title, javafx.scene.Node content) {
    Tab t = new Tab(title, content);
    t.setId("review-tab-" + title.toLowerCase(java.util.Locale.ROOT));
    return t;
  }
}
