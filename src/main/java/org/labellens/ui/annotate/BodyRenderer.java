package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.labellens.ui.annotate.BodyModel.Run;

/**
 * Turns a {@link BodyModel} into nodes: one {@link TextFlow} of plain {@link Text} runs per block,
 * verbatim material in a collapsible pane (built only when opened).
 *
 * <p>Few, light nodes: a keyword highlight is a Text run like any other; its coloured background
 * (or underline) is painted by one path per highlight style and block, laid out from the flow's own
 * text geometry, behind the text. Tooltips (a highlight's keyword and label, a link's address) come
 * from one shared tooltip that follows the pointer. Nothing in the issue runs: HTML is text, and a
 * link opens only on a click, only for http(s) addresses.
 */
public final class BodyRenderer {
  private final Consumer<String> openLink;
  private final Tooltip tip = new Tooltip();

  /**
   * @param openLink called with an http(s) address when the user clicks a link (never otherwise)
   */
  public BodyRenderer(Consumer<String> openLink) {
    this.openLink = openLink;
  }

  /**
   * Lines (estimated generously) built at once: more than the tallest issue pane shows. A longer
   * body gets the rest of its blocks in steps of this size right after the first frame, so what is
   * visible is complete and a very long body does not hold up the first frame.
   */
  public static final int FIRST_LINES = 120;

  /** Characters on a line of the issue pane, estimated low (so lines are estimated high). */
  private static final int CHARS_PER_LINE = 80;

  /** The nodes of {@code model}, in a box; every block at once. */
  public VBox render(BodyModel model) {
    return render(model, Runnable::run);
  }

  /**
   * The nodes of {@code model}, in a box: the blocks of the first {@link #FIRST_LINES} lines at
   * once, the others handed to {@code later} (which runs them on the FX thread, e.g. after the next
   * frame) in steps; a step does nothing once the box has left its scene.
   */
  public VBox render(BodyModel model, Consumer<Runnable> later) {
    VBox box = new VBox(8);
    box.getStyleClass().add("issue-body-rendered");
    append(box, model, 0, later, false);
    return box;
  }

  private void append(
      VBox box, BodyModel model, int from, Consumer<Runnable> later, boolean checkScene) {
    if (checkScene && box.getScene() == null) {
      return;
    }
    List<BodyModel.Block> blocks = model.blocks();
    List<Node> nodes = new ArrayList<>();
    int lines = 0;
    int i = from;
    while (i < blocks.size() && lines < FIRST_LINES) {
      BodyModel.Block b = blocks.get(i++);
      nodes.add(node(b));
      lines += estimatedLines(b);
    }
    box.getChildren().addAll(nodes);
    if (i < blocks.size()) {
      int next = i;
      later.accept(() -> append(box, model, next, later, true));
    }
  }

  static int estimatedLines(BodyModel.Block b) {
    if (b instanceof BodyModel.Flow f) {
      int chars = 0;
      for (Run r : f.runs()) {
        chars += r.text().length();
      }
      return 1 + chars / CHARS_PER_LINE;
    }
    if (b instanceof BodyModel.Pasted p) {
      return p.collapsed() ? 1 : 1 + p.lines();
    }
    return 1;
  }

  private Node node(BodyModel.Block block) {
    if (block instanceof BodyModel.Flow f) {
      HighlightFlow flow = new HighlightFlow(f.runs());
      flow.getStyleClass().addAll(f.styleClasses());
      if (f.indent() > 0) {
        flow.setPadding(new Insets(0, 0, 0, 18 * f.indent()));
      }
      return flow;
    }
    if (block instanceof BodyModel.Pasted p) {
      return pasted(p);
    }
    if (block instanceof BodyModel.Note n) {
      Label l = new Label(n.text());
      l.getStyleClass().addAll("muted", "md-summary");
      return l;
    }
    Region rule = new Region();
    rule.getStyleClass().add("md-rule");
    rule.setMaxWidth(Double.MAX_VALUE);
    return rule;
  }

  private Node pasted(BodyModel.Pasted p) {
    TitledPane pane = new TitledPane();
    pane.setText(p.title());
    pane.getStyleClass().addAll("pasted", "pasted-" + p.kind().name().toLowerCase(Locale.ROOT));
    pane.setAnimated(false);
    pane.setExpanded(!p.collapsed());
    Runnable build =
        () -> {
          if (pane.getContent() == null) {
            HighlightFlow flow = new HighlightFlow(p.runs());
            flow.getStyleClass().add("code-flow");
            pane.setContent(flow);
          }
        };
    if (pane.isExpanded()) {
      build.run();
    } else {
      pane.expandedProperty()
          .addListener(
              (obs, was, now) -> {
                if (now) {
                  build.run();
                }
              });
    }
    return pane;
  }

  /**
   * A text flow whose highlighted runs get a background (or underline) painted behind them: one
   * unmanaged path per highlight style, recomputed from {@link TextFlow#rangeShape} after every
   * layout (so it follows line wrapping).
   */
  final class HighlightFlow extends TextFlow {
    private final List<Run> runs;
    private final int[] starts;
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private int hovered = -1;

    HighlightFlow(List<Run> runs) {
      this.runs = runs;
      this.starts = new int[runs.size() + 1];
      List<Node> texts = new ArrayList<>(runs.size() + 2);
      boolean any = false;
      int at = 0;
      for (int i = 0; i < runs.size(); i++) {
        Run r = runs.get(i);
        starts[i] = at;
        at += r.text().length();
        Text t = new Text(r.text());
        if (r.highlight() != null) {
          String style = r.highlight().styleClass();
          t.getStyleClass().addAll(r.style(), "hit-text", style);
          paths.computeIfAbsent(style, BodyRenderer::backgroundPath);
          any = true;
        } else {
          t.getStyleClass().add(r.style());
          any |= r.link() != null;
        }
        texts.add(t);
      }
      starts[runs.size()] = at;
      // the paths first: painted behind the text
      List<Node> children = new ArrayList<>(paths.values());
      children.addAll(texts);
      getChildren().setAll(children);
      if (any) {
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> leave());
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
      }
    }

    /**
     * The issue pane gives every block its preferred height (a vertical box in a scroll pane), so
     * the minimum only bounds it from below; answering it cheaply saves laying the text out once
     * more per layout pass.
     */
    @Override
    protected double computeMinHeight(double width) {
      return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
      super.layoutChildren();
      for (Map.Entry<String, Path> e : paths.entrySet()) {
        List<PathElement> shape = new ArrayList<>();
        boolean line = !e.getKey().startsWith("cat-");
        for (int i = 0; i < runs.size(); i++) {
          BodyModel.Highlight h = runs.get(i).highlight();
          if (h != null && h.styleClass().equals(e.getKey())) {
            PathElement[] range = rangeShape(starts[i], starts[i + 1]);
            if (line) {
              underline(range, shape);
            } else {
              shape.addAll(List.of(range));
            }
          }
        }
        e.getValue().getElements().setAll(shape);
      }
    }

    /** The run under the pointer, or -1. */
    private int runAt(double x, double y) {
      int c = hitTest(new Point2D(x, y)).getCharIndex();
      if (c < 0 || c >= starts[runs.size()]) {
        return -1;
      }
      int lo = 0;
      int hi = runs.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= c) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      return lo;
    }

    private void hover(MouseEvent e) {
      int i = runAt(e.getX(), e.getY());
      Run r = i < 0 ? null : runs.get(i);
      String text = r == null ? null : tooltipOf(r);
      setCursor(r != null && r.link() != null ? Cursor.HAND : null);
      if (i == hovered) {
        return;
      }
      hovered = i;
      if (text == null) {
        Tooltip.uninstall(this, tip);
      } else {
        tip.setText(text);
        Tooltip.install(this, tip);
      }
    }

    private void leave() {
      hovered = -1;
      Tooltip.uninstall(this, tip);
    }

    private void click(MouseEvent e) {
      int i = runAt(e.getX(), e.getY());
      if (i >= 0 && runs.get(i).link() != null && isWeb(runs.get(i).link())) {
        openLink.accept(runs.get(i).link());
      }
    }
  }

  private static String tooltipOf(Run r) {
    if (r.highlight() != null) {
      return r.highlight().tooltip();
    }
    if (r.link() != null) {
      return isWeb(r.link()) ? r.link() : r.link() + " (not a web address: not opened)";
    }
    return null;
  }

  static boolean isWeb(String address) {
    return address.startsWith("https://") || address.startsWith("http://");
  }

  private static Path backgroundPath(String style) {
    Path p = new Path();
    p.setManaged(false);
    p.getStyleClass().addAll("hit-bg", style);
    return p;
  }

  /** The bottom edge of every line box of {@code range} (a run wrapped over lines has several). */
  private static void underline(PathElement[] range, List<PathElement> out) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (PathElement el : range) {
      if (el instanceof MoveTo m) {
        if (maxX > minX) {
          out.add(new MoveTo(minX, maxY));
          out.add(new LineTo(maxX, maxY));
        }
        minX = m.getX();
        maxX = m.getX();
        maxY = m.getY();
      } else if (el instanceof LineTo l) {
        minX = Math.min(minX, l.getX());
        maxX = Math.max(maxX, l.getX());
        maxY = Math.max(maxY, l.getY());
      }
    }
    if (maxX > minX) {
      out.add(new MoveTo(minX, maxY));
      out.add(new LineTo(maxX, maxY));
    }
  }
}
