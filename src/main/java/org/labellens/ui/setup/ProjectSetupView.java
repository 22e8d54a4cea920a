package org.labellens.ui.setup;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Project setup: import (file chooser or drag and drop), classify, plan and draw a sample. Long
 * tasks show progress and can be cancelled; the window stays responsive throughout.
 */
public final class ProjectSetupView extends ScrollPane {
  public ProjectSetupView(
      ProjectSetupViewModel vm, String projectName, Function<Window, List<File>> chooseFiles) {
    VBox box = new VBox(14);
    box.setId("projectSetup");
    box.setPadding(new Insets(20, 28, 20, 28));
    setFitToWidth(true);
    setContent(box);

    Label title = new Label("Project  " + projectName);
    title.getStyleClass().add("detail-title");

    // import
    Label importTitle = section("1  Import issues");
    Label dropHint =
        new Label(
            "GitHub REST JSON, gh issue list --json, JSONL or CSV — choose files or drop them here."
                + " All files are imported in one transaction: cancelling or an error leaves the project as it was.");
    dropHint.setWrapText(true);
    dropHint.getStyleClass().add("muted");
    Button choose = new Button("Choose files…");
    choose.setId("importButton");
    choose.setOnAction(
        e -> {
          List<File> files = chooseFiles.apply(getScene() == null ? null : getScene().getWindow());
          if (files != null && !files.isEmpty()) {
            vm.importFiles(files.stream().map(File::toPath).toList());
          }
        });
    box.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    box.setOnDragDropped(
        e -> {
          List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
          e.setDropCompleted(!files.isEmpty());
          vm.importFiles(files);
          e.consume();
        });

    // or fetch from GitHub
    TextField fetchRepos = field(vm.fetchReposProperty(), "OWNER/REPO …");
    fetchRepos.setId("fetchRepos");
    HBox.setHgrow(fetchRepos, javafx.scene.layout.Priority.ALWAYS);
    javafx.scene.control.CheckBox fetchComments =
        new javafx.scene.control.CheckBox("with comments");
    fetchComments.selectedProperty().bindBidirectional(vm.fetchCommentsProperty());
    Button fetch = new Button("Fetch from GitHub");
    fetch.setId("fetchButton");
    fetch.setOnAction(e -> vm.fetch());
    Label fetchHint =
        new Label(
            "Or fetch the repositories' issues from the GitHub API (token: GH_TOKEN, GITHUB_TOKEN or"
                + " gh auth token). Each page is stored as it comes; stopping keeps them, and"
                + " fetching again resumes, then asks only for what changed.");
    fetchHint.setWrapText(true);
    fetchHint.getStyleClass().add("muted");

    // classify
    Label classifyTitle = section("2  Run a classifier");
    ComboBox<String> taxonomy = new ComboBox<>(vm.taxonomies());
    taxonomy.setId("taxonomyBox");
    taxonomy.valueProperty().bindBidirectional(vm.taxonomyProperty());
    TextField runName = new TextField();
    runName.setPromptText("run name (default: the taxonomy's)");
    runName.textProperty().bindBidirectional(vm.runNameProperty());
    Button classify = new Button("Classify all issues");
    classify.setId("classifyButton");
    classify.setOnAction(e -> vm.classify());

    // sample
    Label sampleTitle = section("3  Draw a sample");
    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(6);
    TextField name = field(vm.sampleNameProperty(), "name");
    ComboBox<String> run = new ComboBox<>(vm.runs());
    run.valueProperty().bindBidirectional(vm.sampleRunProperty());
    TextField strata = field(vm.strataProperty(), "framework,predicted");
    TextField margin = new TextField();
    margin
        .textProperty()
        .bindBidirectional(
            vm.marginProperty(),
            new javafx.util.converter.NumberStringConverter(java.util.Locale.ROOT, "0.###"));
    TextField size = field(vm.sizeProperty(), "or a total size");
    TextField annotators = field(vm.annotatorsProperty(), "ana,ben,cy");
    TextField overlap = field(vm.overlapProperty(), "0.2");
    TextField seed = field(vm.seedProperty(), "1");
    CheckBox blind = new CheckBox("blind first (decide before seeing the classifier)");
    blind.selectedProperty().bindBidirectional(vm.blindFirstProperty());
    int r = 0;
    form.addRow(r++, new Label("Name"), name);
    form.addRow(r++, new Label("Classifier run"), run);
    form.addRow(r++, new Label("Strata"), strata);
    form.addRow(r++, new Label("Margin of error"), margin);
    form.addRow(r++, new Label("Size"), size);
    form.addRow(r++, new Label("Annotators"), annotators);
    form.addRow(r++, new Label("Overlap"), overlap);
    form.addRow(r++, new Label("Seed"), seed);
    form.add(blind, 1, r);
    Button planButton = new Button("Plan");
    planButton.setOnAction(e -> vm.planSample());
    Button draw = new Button("Draw the sample");
    draw.setId("drawButton");
    draw.getStyleClass().add("accent");
    draw.setOnAction(e -> vm.drawSample());
    Label plan = new Label();
    plan.textProperty().bind(vm.planProperty());
    plan.setWrapText(true);

    // progress
    ProgressBar bar = new ProgressBar();
    bar.setId("setupProgress");
    bar.setPrefWidth(320);
    bar.progressProperty().bind(vm.progressProperty());
    bar.visibleProperty().bind(vm.runningProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("cancelButton");
    cancel.visibleProperty().bind(vm.runningProperty());
    cancel.setOnAction(e -> vm.cancel());
    Label status = new Label();
    status.setId("setupStatus");
    status.textProperty().bind(vm.statusProperty());
    Label summary = new Label();
    summary.setWrapText(true);
    summary.getStyleClass().add("muted");
    summary.textProperty().bind(vm.summaryProperty());
    for (Button b : List.of(choose, fetch, classify, draw)) {
      b.disableProperty().bind(vm.runningProperty());
    }

    box.getChildren()
        .addAll(
            title,
            importTitle,
            dropHint,
            choose,
            fetchHint,
            new HBox(10, fetchRepos, fetchComments, fetch),
            classifyTitle,
            new HBox(10, taxonomy, runName, classify),
            sampleTitle,
            form,
            new HBox(10, planButton, draw),
            plan,
            new HBox(10, bar, cancel),
            status,
            summary);
    vm.refresh();
  }

  private static Label section(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("pane-title");
    return l;
  }

  private static TextField field(javafx.beans.property.StringProperty p, String prompt) {
    TextField t = new TextField();
    t.setPromptText(prompt);
    t.textProperty().bindBidirectional(p);
    return t;
  }

  /** The standard file chooser for issue dumps. */
  public static List<File> chooseDumps(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import GitHub issues");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter("Issue dumps", "*.json", "*.jsonl", "*.csv"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
    return chooser.showOpenMultipleDialog(owner);
  }
}
