package org.labellens.ui.review;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Horizontal bars of agreement coefficients with their 95% interval whiskers, one row per dimension
 * or label, one bar per coefficient, on a common axis that includes 0 and 1 (and negative values
 * when an estimate or interval has them). Drawn with shapes, so it scales and snapshots crisply.
 */
final class IntervalBars extends VBox {
  /** Okabe–Ito blue and orange: the bars of the first and second coefficient. */
  static final List<Color> COLOURS = List.of(Color.web("#0072B2"), Color.web("#E69F00"));

  private static final double PLOT_WIDTH = 280;
  private static final double BAR_HEIGHT = 9;
  private static final double ROW_GAP = 3;

  IntervalBars() {
    super(6);
    getStyleClass().add("interval-bars");
  }

  void show(List<AgreementViewModel.BarRow> rows, List<String> metricNames) {
    getChildren().clear();
    if (rows.isEmpty()) {
      return;
    }
    double min = 0;
    for (AgreementViewModel.BarRow r : rows) {
      for (AgreementViewModel.Figure f : r.figures()) {
        if (f.value() != null) {
          min = Math.min(min, f.value());
        }
        if (f.low() != null) {
          min = Math.min(min, f.low());
        }
      }
    }
    double lo = Math.max(-1, Math.floor(min * 4) / 4);
    double hi = 1;

    HBox legend = new HBox(14);
    for (int m = 0; m < metricNames.size(); m++) {
      Rectangle swatch = new Rectangle(12, 12, COLOURS.get(m));
      Label l = new Label(metricNames.get(m), swatch);
      l.getStyleClass().add("legend-label");
      legend.getChildren().add(l);
    }
    Label whisker = new Label("whiskers: 95% CI");
    whisker.getStyleClass().add("muted");
    legend.getChildren().add(whisker);

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(4);
    Label h1 = header("Dimension / label");
    Label h2 = header("n");
    Label h4 = header("Value [95% CI]");
    grid.add(h1, 0, 0);
    grid.add(h2, 1, 0);
    grid.add(axis(lo, hi), 2, 0);
    grid.add(h4, 3, 0);
    int row = 1;
    for (AgreementViewModel.BarRow r : rows) {
      Label name = new Label(r.name());
      name.getStyleClass().add("bar-name");
      name.setMinWidth(Region.USE_PREF_SIZE);
      Label n = new Label(Long.toString(r.items()));
      n.getStyleClass().add("numeric");
      n.setMinWidth(28);
      n.setAlignment(Pos.CENTER_RIGHT);
      grid.add(name, 0, row);
      grid.add(n, 1, row);
      if (r.reason() != null) {
        Label why = new Label(r.reason());
        why.getStyleClass().add("muted");
        grid.add(why, 2, row, 2, 1);
      } else {
        grid.add(plot(r, lo, hi), 2, row);
        VBox values = new VBox(0);
        for (int m = 0; m < r.figures().size(); m++) {
          AgreementViewModel.Figure f = r.figures().get(m);
          Label v = new Label(f.value() == null ? "undefined" : f.text() + "  " + f.interval());
          v.getStyleClass().add("bar-value");
          v.setMinWidth(Region.USE_PREF_SIZE);
          if (f.value() == null) {
            Tooltip.install(v, new Tooltip(f.interval()));
          }
          values.getChildren().add(v);
        }
        grid.add(values, 3, row);
      }
      row++;
    }
    getChildren().addAll(legend, grid);
  }

  private static Label header(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("pane-title");
    return l;
  }

  private static double x(double v, double lo, double hi) {
    return (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * PLOT_WIDTH;
  }

  private static Region axis(double lo, double hi) {
    Pane p = new Pane();
    p.setPrefSize(PLOT_WIDTH, 18);
    p.setMinSize(PLOT_WIDTH, 18);
    for (double t = Math.ceil(lo * 4) / 4; t <= hi + 1e-9; t += 0.25) {
      double x = x(t, lo, hi);
      Text tick = new Text(tickLabel(t));
      tick.getStyleClass().add("axis-text");
      double w = tick.getLayoutBounds().getWidth();
      tick.setX(Math.max(0, Math.min(PLOT_WIDTH - w, x - w / 2)));
      tick.setY(13);
      p.getChildren().add(tick);
    }
    return p;
  }

  private static String tickLabel(double t) {
    if (Math.abs(t - Math.rint(t)) < 1e-9) {
      return Long.toString(Math.round(t));
    }
    return (t < 0 ? "−" : "") + String.valueOf(Math.abs(t)).replaceFirst("^0", "");
  }

  private static Region plot(AgreementViewModel.BarRow r, double lo, double hi) {
    int bars = r.figures().size();
    double height = bars * BAR_HEIGHT + (bars + 1) * ROW_GAP;
    Pane p = new Pane();
    p.setPrefSize(PLOT_WIDTH, height);
    p.setMinSize(PLOT_WIDTH, height);
    p.setPadding(Insets.EMPTY);
    p.getStyleClass().add("bar-plot");
    for (double t = Math.ceil(lo * 4) / 4; t <= hi + 1e-9; t += 0.25) {
      Line grid = new Line(x(t, lo, hi), 0, x(t, lo, hi), height);
      grid.getStyleClass().add(Math.abs(t) < 1e-9 ? "axis-zero" : "axis-grid");
      p.getChildren().add(grid);
    }
    double zero = x(0, lo, hi);
    for (int m = 0; m < bars; m++) {
      AgreementViewModel.Figure f = r.figures().get(m);
      double y = ROW_GAP + m * (BAR_HEIGHT + ROW_GAP);
      if (f.value() == null) {
        continue;
      }
      double v = x(f.value(), lo, hi);
      Rectangle bar =
          new Rectangle(Math.min(zero, v), y, Math.max(1, Math.abs(v - zero)), BAR_HEIGHT);
      bar.setFill(COLOURS.get(m % COLOURS.size()));
      p.getChildren().add(bar);
      if (f.low() != null && f.high() != null) {
        double a = x(f.low(), lo, hi);
        double b = x(f.high(), lo, hi);
        double mid = y + BAR_HEIGHT / 2;
        for (Line l :
            List.of(
                new Line(a, mid, b, mid),
                new Line(a, y + 1, a, y + BAR_HEIGHT - 1),
                new Line(b, y + 1, b, y + BAR_HEIGHT - 1))) {
          l.getStyleClass().add("whisker");
          p.getChildren().add(l);
        }
      }
    }
    return p;
  }
}
