package org.labellens.ui.review;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.labellens.core.report.ReportSection;
import org.labellens.core.report.ReportTable;

/**
 * The command line's tables in the window: per section its heading and paragraphs, per table its
 * caption (which says whether the figures are design-weighted or unweighted), the cells as the
 * command line prints them, and the notes.
 */
final class ReportTables extends VBox {
  private static final double ROW = 24;
  private static final int VISIBLE_ROWS = 14;
  private static final double HEADER = 46;

  ReportTables() {
    super(8);
    getStyleClass().add("report-tables");
  }

  void show(List<ReportSection> sections) {
    getChildren().clear();
    int index = 0;
    for (ReportSection s : sections) {
      Label heading = new Label(s.heading());
      heading.getStyleClass().add("section-title");
      getChildren().add(heading);
      for (String p : s.paragraphs()) {
        Label l = new Label(p);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        getChildren().add(l);
      }
      for (ReportTable t : s.tables()) {
        getChildren().add(table(t, "report-table-" + index++));
      }
    }
  }

  private static VBox table(ReportTable t, String id) {
    Label caption = new Label(t.caption());
    caption.setWrapText(true);
    caption.getStyleClass().add("table-caption");
    TableView<List<String>> view = new TableView<>();
    view.setId(id);
    view.setFocusTraversable(false);
    view.getStyleClass().add("report-table");
    view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    for (int c = 0; c < t.header().size(); c++) {
      int col = c;
      TableColumn<List<String>, String> column = new TableColumn<>(t.header().get(c));
      column.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(col)));
      column.setSortable(false);
      int chars = 0;
      for (List<String> r : t.rows()) {
        chars = Math.max(chars, r.get(c).length());
      }
      column.setPrefWidth(
          Math.min(460, Math.max(30 + t.header().get(c).length() * 8.4, 22 + chars * 7.4)));
      if (t.numeric().get(c)) {
        column.getStyleClass().add("numeric-column");
      }
      view.getColumns().add(column);
    }
    view.getItems().setAll(t.rows());
    view.setFixedCellSize(ROW);
    double height = Math.min(VISIBLE_ROWS, Math.max(1, t.rows().size())) * ROW + HEADER;
    view.setPrefHeight(height);
    view.setMinHeight(height);
    view.setMaxHeight(height);
    VBox box = new VBox(4, caption, view);
    for (String note : t.notes()) {
      Label n = new Label(note);
      n.setWrapText(true);
      n.getStyleClass().add("muted");
      box.getChildren().add(n);
    }
    return box;
  }
}
