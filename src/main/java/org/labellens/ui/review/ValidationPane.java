package org.labellens.ui.review;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The classifier against gold: the command line's validation tables and a confusion heat map. */
final class ValidationPane extends ScrollPane {
  ValidationPane(ValidationViewModel viewModel) {
    setId("validationPane");
    setFitToWidth(true);
    getStyleClass().add("review-scroll");
    Label message = new Label();
    message.setId("validationMessage");
    message.setWrapText(true);
    message.getStyleClass().add("muted");
    message.textProperty().bind(viewModel.messageProperty());
    ReportTables tables = new ReportTables();
    HeatGrid confusion = new HeatGrid();
    Label confusionTitle = new Label();
    confusionTitle.setWrapText(true);
    confusionTitle.getStyleClass().add("muted");
    VBox heat =
        new VBox(
            8,
            AgreementPane.title("Predicted against gold (co-occurrence)"),
            confusionTitle,
            confusion);
    heat.getStyleClass().add("card");
    Label simulated = AgreementPane.simulatedBanner(viewModel.simulatedProperty());
    simulated.setId("validationSimulated");
    VBox content = new VBox(12, simulated, message, tables, heat);
    content.setPadding(new Insets(12));
    setContent(content);
    viewModel
        .sections()
        .addListener((ListChangeListener<Object>) c -> tables.show(viewModel.sections()));
    viewModel
        .confusionProperty()
        .addListener((obs, o, c) -> AgreementPane.showCounts(confusion, confusionTitle, c));
    tables.show(viewModel.sections());
    AgreementPane.showCounts(confusion, confusionTitle, viewModel.confusionProperty().get());
  }
}
