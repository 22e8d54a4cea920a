package org.labellens.ui.review;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/**
 * A matrix of labelled cells coloured by a value, with a colour legend: the annotator × annotator κ
 * matrix (diverging: negative orange-red, positive blue) and confusion counts (sequential blue).
 * Colours are Okabe–Ito hues, so they survive the common colour-vision deficiencies.
 */
final class HeatGrid extends VBox {
  static final Color BLUE = Color.web("#0072B2");
  static final Color VERMILLION = Color.web("#D55E00");
  private static final Color EMPTY = Color.web("#F6F8FA");

  /** A cell: its text (may have two lines), its value for the colour (null: uncoloured). */
  record Cell(String text, Double value, String tooltip) {}

  HeatGrid() {
    super(6);
    getStyleClass().add("heat-grid");
  }

  /** Sequential scale from white (0) to blue (max). */
  static Color sequential(double fraction) {
    return Color.WHITE.interpolate(BLUE, Math.max(0, Math.min(1, fraction)));
  }

  /** Diverging scale: −1 vermillion, 0 white, +1 blue. */
  static Color diverging(double v) {
    double c = Math.max(-1, Math.min(1, v));
    return c < 0 ? Color.WHITE.interpolate(VERMILLION, -c) : Color.WHITE.interpolate(BLUE, c);
  }

  /**
   * @param corner the text of the top-left cell (what rows and columns are)
   * @param colour maps a cell's value to its colour
   * @param legendFrom the legend's low end, with its label
   */
  void show(
      String corner,
      List<String> rows,
      List<String> columns,
      Cell[][] cells,
      DoubleFunction<Color> colour,
      double legendFrom,
      double legendTo,
      String legendLow,
      String legendHigh,
      double cellWidth) {
    getChildren().clear();
    GridPane grid = new GridPane();
    grid.getStyleClass().add("heat-table");
    Label c = new Label(corner);
    c.getStyleClass().add("heat-corner");
    c.setMinWidth(Region.USE_PREF_SIZE);
    grid.add(c, 0, 0);
    for (int j = 0; j < columns.size(); j++) {
      Label h = new Label(columns.get(j));
      h.getStyleClass().add("heat-header");
      h.setMinWidth(cellWidth);
      h.setPrefWidth(cellWidth);
      h.setAlignment(Pos.CENTER);
      grid.add(h, j + 1, 0);
    }
    for (int i = 0; i < rows.size(); i++) {
      Label h = new Label(rows.get(i));
      h.getStyleClass().add("heat-header");
      h.setMinWidth(Region.USE_PREF_SIZE);
      h.setMaxWidth(Double.MAX_VALUE);
      grid.add(h, 0, i + 1);
      for (int j = 0; j < columns.size(); j++) {
        Cell cell = cells[i][j];
        Label l = new Label(cell == null ? "—" : cell.text());
        l.getStyleClass().add("heat-cell");
        l.setMinWidth(cellWidth);
        l.setPrefWidth(cellWidth);
        l.setMaxWidth(cellWidth);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        Color fill = cell == null || cell.value() == null ? EMPTY : colour.apply(cell.value());
        l.setStyle(
            "-fx-background-color: "
                + web(fill)
                + "; -fx-text-fill: "
                + (fill.getBrightness() < 0.62 || luminance(fill) < 0.45 ? "white" : "#1F2328")
                + ";");
        if (cell != null && cell.tooltip() != null) {
          Tooltip.install(l, new Tooltip(cell.tooltip()));
        }
        grid.add(l, j + 1, i + 1);
      }
    }
    getChildren().addAll(grid, legend(colour, legendFrom, legendTo, legendLow, legendHigh));
  }

  private static HBox legend(
      DoubleFunction<Color> colour, double from, double to, String low, String high) {
    Stop[] stops = new Stop[11];
    for (int k = 0; k <= 10; k++) {
      stops[k] = new Stop(k / 10.0, colour.apply(from + (to - from) * k / 10.0));
    }
    Rectangle bar = new Rectangle(160, 10);
    bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
    bar.getStyleClass().add("legend-bar");
    Label a = new Label(low);
    Label b = new Label(high);
    a.getStyleClass().add("muted");
    b.getStyleClass().add("muted");
    HBox box = new HBox(6, a, bar, b);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static double luminance(Color c) {
    return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
  }

  private static String web(Color c) {
    return String.format(
        java.util.Locale.ROOT,
        "#%02x%02x%02x",
        (int) Math.round(c.getRed() * 255),
        (int) Math.round(c.getGreen() * 255),
        (int) Math.round(c.getBlue() * 255));
  }
}
