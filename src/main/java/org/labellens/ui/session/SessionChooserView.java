package org.labellens.ui.session;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/** Who annotates, and which sample: a small form, usable with the keyboard alone. */
public final class SessionChooserView extends VBox {
  public SessionChooserView(SessionChooserViewModel viewModel) {
    super(10);
    setId("sessionChooser");
    setPadding(new Insets(40));
    setAlignment(Pos.TOP_CENTER);
    setMaxWidth(560);
    Label title = new Label("Start annotating");
    title.getStyleClass().add("detail-title");
    ComboBox<String> name = new ComboBox<>(viewModel.annotators());
    name.setId("annotatorBox");
    name.setEditable(true);
    name.setPromptText("your annotator name");
    name.setMaxWidth(Double.MAX_VALUE);
    name.getEditor().textProperty().bindBidirectional(viewModel.annotatorProperty());
    ListView<SessionChooserViewModel.Choice> samples = new ListView<>(viewModel.choices());
    samples.setId("sampleList");
    samples.setPrefHeight(220);
    viewModel.choiceProperty().addListener((obs, o, c) -> samples.getSelectionModel().select(c));
    samples
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, o, c) -> {
              if (c != null) {
                viewModel.choiceProperty().set(c);
              }
            });
    Button start = new Button("Start  ⏎");
    start.setId("startButton");
    start.getStyleClass().add("accent");
    start.setDefaultButton(true);
    start.disableProperty().bind(viewModel.choiceProperty().isNull());
    // the button says which sample Enter opens
    start
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                  SessionChooserViewModel.Choice c = viewModel.choiceProperty().get();
                  return c == null ? "Start  ⏎" : "Start  ⏎   opens sample '" + c.sample() + "'";
                },
                viewModel.choiceProperty()));
    start.setOnAction(e -> viewModel.startSession());
    samples.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            viewModel.startSession();
            e.consume();
          }
        });
    Label status = new Label();
    status.getStyleClass().add("muted");
    status.textProperty().bind(viewModel.statusProperty());
    Label nameLabel = new Label("Annotator");
    nameLabel.getStyleClass().add("pane-title");
    Label sampleLabel = new Label("Sample");
    sampleLabel.getStyleClass().add("pane-title");
    getChildren().addAll(title, nameLabel, name, sampleLabel, samples, start, status);
    if (viewModel.canReview()) {
      Label leadLabel = new Label("Lead");
      leadLabel.getStyleClass().add("pane-title");
      Button review = new Button("Review (lead): agreement, validation, adjudication");
      review.setId("reviewButton");
      review.setOnAction(e -> viewModel.openReview());
      getChildren().addAll(leadLabel, review);
    }
  }
}
