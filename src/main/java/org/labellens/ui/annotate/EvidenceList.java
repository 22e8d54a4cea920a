package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** "Why the classifier said so": one line per keyword, label and field, with its colour. */
final class EvidenceList {
  private final VBox box;

  EvidenceList(VBox box) {
    this.box = box;
  }

  // the evidence's nodes are made once and reused for every issue: a new label costs a skin and
  // CSS, a changed text only layout
  private Label noEvidence;
  private final List<EvidenceRow> evidenceRows = new ArrayList<>();

  /** One evidence line: a square in the category's colour and the line's text. */
  private record EvidenceRow(
      javafx.scene.text.TextFlow flow,
      javafx.scene.shape.Rectangle swatch,
      javafx.scene.text.Text text) {}

  void show(PreparedIssue prepared) {
    List<PreparedIssue.EvidenceLine> lines = prepared.evidence();
    if (noEvidence == null) {
      noEvidence = new Label();
      noEvidence.getStyleClass().add("muted");
      box.getChildren().add(noEvidence);
    }
    IssuePage.setShown(noEvidence, lines.isEmpty());
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
      box.getChildren().add(row.flow());
    }
    for (int i = 0; i < evidenceRows.size(); i++) {
      EvidenceRow row = evidenceRows.get(i);
      boolean used = i < lines.size();
      IssuePage.setShown(row.flow(), used);
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
}
