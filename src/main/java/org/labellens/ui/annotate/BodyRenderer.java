package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.labellens.service.BodyModel;
import org.labellens.service.BodyModel.Run;

/**
 * Turns a {@link BodyModel} into nodes: one {@link TextFlow} of plain {@link Text} runs per block,
 * verbatim material in a collapsible pane (built only when opened).
 *
 * <p>Few, light nodes: a keyword highlight is a Text run like any other; its coloured background
 * (or underline) is painted by one path per highlight style and block, laid out from the flow's own
 * text geometry, behind the text. Tooltips (a highlight's keyword and label, a link's address) come
 * from one shared tooltip that follows the pointer. Nothing in the issue runs: HTML is text, and a
 * link opens only on a click, only for http(s) addresses.
 *
 * <p>A window that shows one issue after another ({@link #show}) keeps its nodes: block {@code i}
 * is shown in the {@link Slot} of position {@code i}, which keeps a node of each kind of block it
 * has shown, and the text runs are {@link PlainText} nodes that CSS never restyles, their font and
 * fill taken from a small palette that is itself read from the stylesheets (so the theme's look,
 * light or dark, is kept). New text thus costs text layout, not CSS.
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

  /** The nodes of {@code model}, in a new box; every block at once. */
  public VBox render(BodyModel model) {
    VBox box = new VBox(8);
    box.getStyleClass().add("issue-body-rendered");
    for (BodyModel.Block b : model.blocks()) {
      box.getChildren().add(node(b, null));
    }
    return box;
  }

  /**
   * Shows {@code model} in {@code box}, reusing the nodes of the body shown there before: block
   * {@code i} is shown by the box's slot {@code i}; slots left over are hidden, not removed (so
   * showing them again costs no CSS). Not in a scene yet, the box gets new nodes, every block. The
   * blocks of the first {@link #FIRST_LINES} lines are shown at once, the rest in steps handed to
   * {@code later}; a step does nothing once another body is shown in the box.
   */
  public void show(VBox box, BodyModel model, Consumer<Runnable> later) {
    if (box.getScene() == null) {
      if (box.getProperties().get(Palette.class) instanceof Palette p) {
        p.generation++; // steps still due for the body shown before do nothing
      }
      box.getChildren().setAll(render(model).getChildren());
      return;
    }
    Palette palette =
        (Palette) box.getProperties().computeIfAbsent(Palette.class, k -> new Palette(box));
    int generation = ++palette.generation;
    fill(box, palette, model, 0, generation, later);
    List<Node> children = box.getChildren();
    for (int i = palette.reached; i < children.size(); i++) {
      hide(children.get(i));
    }
  }

  /** Shows blocks from {@code from} on, about {@link #FIRST_LINES} lines at a time. */
  private void fill(
      VBox box,
      Palette palette,
      BodyModel model,
      int from,
      int generation,
      Consumer<Runnable> later) {
    if (palette.generation != generation || box.getScene() == null) {
      return;
    }
    List<BodyModel.Block> blocks = model.blocks();
    List<Node> children = box.getChildren();
    int lines = 0;
    int i = from;
    while (i < blocks.size() && lines < FIRST_LINES) {
      BodyModel.Block b = blocks.get(i);
      Node old = i < children.size() ? children.get(i) : null;
      Slot slot;
      if (old instanceof Slot reused) {
        slot = reused;
      } else {
        slot = new Slot(palette);
        if (old == null) {
          children.add(slot);
        } else {
          children.set(i, slot);
        }
      }
      slot.show(b);
      i++;
      lines += estimatedLines(b);
    }
    palette.reached = i;
    if (i < blocks.size()) {
      int next = i;
      later.accept(() -> fill(box, palette, model, next, generation, later));
    }
  }

  private static void hide(Node n) {
    if (n.isVisible() || n.isManaged()) {
      setShown(n, false);
      if (n instanceof Slot slot) {
        slot.clear();
      }
    }
  }

  private static void setShown(Node n, boolean shown) {
    if (n.isVisible() != shown || n.isManaged() != shown) {
      n.setVisible(shown);
      n.setManaged(shown);
    }
  }

  /**
   * One block's place in a reused box. It keeps the node of each kind of block it has shown (text
   * flow, pasted zone, note, rule) and shows the one the current block needs, hiding the others: a
   * body whose blocks come in another order than the previous one's still reuses nodes. CSS leaves
   * the slot itself alone.
   */
  final class Slot extends VBox {
    private final Palette palette;
    private HighlightFlow flow;
    private TitledPane pasted;
    private Label note;
    private Region rule;

    Slot(Palette palette) {
      this.palette = palette;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
      return List.of();
    }

    void show(BodyModel.Block block) {
      Node shown;
      if (block instanceof BodyModel.Flow f) {
        if (flow == null) {
          flow = (HighlightFlow) node(f, palette);
          getChildren().add(flow);
        } else {
          flow.setBlock(f.styleClasses(), f.indent());
          flow.setRuns(f.runs(), f.styleClasses());
        }
        shown = flow;
      } else if (block instanceof BodyModel.Pasted p) {
        if (pasted == null) {
          pasted = (TitledPane) node(p, palette);
          getChildren().add(pasted);
        } else {
          showPasted(pasted, p);
        }
        shown = pasted;
      } else if (block instanceof BodyModel.Note n) {
        if (note == null) {
          note = (Label) node(n, palette);
          getChildren().add(note);
        } else {
          note.setText(n.text());
        }
        shown = note;
      } else {
        if (rule == null) {
          rule = (Region) node(block, palette);
          getChildren().add(rule);
        }
        shown = rule;
      }
      for (Node child : getChildren()) {
        setShown(child, child == shown);
      }
      if (flow != null && flow != shown) {
        flow.clear();
      }
      setShown(this, true);
    }

    /** Lets go of the text shown. */
    void clear() {
      if (flow != null) {
        flow.clear();
      }
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

  /** A new node for {@code block}; its text runs styled from {@code palette} when not null. */
  private Node node(BodyModel.Block block, Palette palette) {
    if (block instanceof BodyModel.Flow f) {
      HighlightFlow flow = new HighlightFlow(palette);
      flow.setBlock(f.styleClasses(), f.indent());
      flow.setRuns(f.runs(), f.styleClasses());
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
    pane.setAnimated(false);
    // the content is built when the pane is opened, from the zone it shows at that moment
    pane.expandedProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                buildPasted(pane);
              }
            });
    showPasted(pane, p);
    return pane;
  }

  private void showPasted(TitledPane pane, BodyModel.Pasted p) {
    Object before = pane.getProperties().put(BodyModel.Pasted.class, p);
    if (before != p) {
      pane.setContent(null);
    }
    pane.setText(p.title());
    List<String> classes = List.of("pasted", "pasted-" + p.kind().name().toLowerCase(Locale.ROOT));
    if (!pane.getStyleClass().containsAll(classes)) {
      pane.getStyleClass().removeIf(c -> c.startsWith("pasted"));
      pane.getStyleClass().addAll(classes);
    }
    pane.setExpanded(!p.collapsed());
    if (pane.isExpanded()) {
      buildPasted(pane);
    }
  }

  private void buildPasted(TitledPane pane) {
    if (pane.getContent() == null
        && pane.getProperties().get(BodyModel.Pasted.class) instanceof BodyModel.Pasted p) {
      HighlightFlow flow = new HighlightFlow(null);
      flow.getStyleClass().add("code-flow");
      flow.setRuns(p.runs(), List.of("code-flow"));
      pane.setContent(flow);
    }
  }

  /**
   * A text flow whose highlighted runs get a background (or underline) painted behind them: one
   * unmanaged path per highlight style, recomputed from {@link TextFlow#rangeShape} after every
   * layout (so it follows line wrapping). Its runs can be replaced ({@link #setRuns}): the text
   * nodes and paths it has are reused.
   */
  final class HighlightFlow extends TextFlow {
    /** Where the look of the runs comes from; null: from style classes on each run (CSS). */
    private final Palette palette;

    private List<Run> runs = List.of();
    private int[] starts = {0};
    private final List<Text> texts = new ArrayList<>();
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private int hovered = -1;

    HighlightFlow(Palette palette) {
      this.palette = palette;
      addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
      addEventHandler(MouseEvent.MOUSE_EXITED, e -> leave());
      addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    }

    private List<String> blockClasses = List.of();

    /**
     * The block's style classes and list depth. Without a palette they are the flow's style
     * classes; with one, the flow takes the padding, border and background that the stylesheets
     * give a flow of these classes, and CSS leaves it alone.
     */
    void setBlock(List<String> classes, int indent) {
      blockClasses = classes;
      if (palette == null) {
        getStyleClass().setAll(classes);
        if (indent > 0) {
          setPadding(new Insets(0, 0, 0, 18 * indent));
        }
        return;
      }
      palette.box(classes, indent).applyTo(this);
    }

    /** The block's style classes. */
    List<String> blockClasses() {
      return blockClasses;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
      return palette == null ? super.getCssMetaData() : List.of();
    }

    /** Shows nothing (lets go of the text). */
    void clear() {
      if (!runs.isEmpty()) {
        setRuns(List.of(), blockClasses);
      }
    }

    /** The run a text node of this flow shows, or null. */
    Run runOf(Text t) {
      int i = texts.indexOf(t);
      return i < 0 || i >= runs.size() ? null : runs.get(i);
    }

    /** Shows {@code runs} (in a block of the style classes {@code blockClasses}). */
    void setRuns(List<Run> runs, List<String> blockClasses) {
      this.runs = runs;
      this.starts = new int[runs.size() + 1];
      hovered = -1;
      List<Node> added = new ArrayList<>();
      List<Node> behind = new ArrayList<>();
      int at = 0;
      for (int i = 0; i < runs.size(); i++) {
        Run r = runs.get(i);
        starts[i] = at;
        at += r.text().length();
        Text t;
        if (i < texts.size()) {
          t = texts.get(i);
          t.setText(r.text());
        } else {
          t = palette == null ? new Text(r.text()) : new PlainText(r.text());
          texts.add(t);
          added.add(t);
        }
        List<String> classes = runClasses(r);
        if (palette == null) {
          if (!t.getStyleClass().equals(classes)) {
            t.getStyleClass().setAll(classes);
          }
        } else {
          palette.look(blockClasses, classes).applyTo(t);
        }
        if (r.highlight() != null) {
          paths.computeIfAbsent(
              r.highlight().styleClass(),
              style -> {
                Path p = backgroundPath(style);
                behind.add(p);
                return p;
              });
        }
      }
      starts[runs.size()] = at;
      if (texts.size() > runs.size()) {
        // text nodes left over go (a new one costs no CSS): an empty run would still be laid out
        // (the texts are the flow's last children, in order, after the paths)
        int n = getChildren().size();
        getChildren().remove(n - (texts.size() - runs.size()), n);
        texts.subList(runs.size(), texts.size()).clear();
      }
      // the paths first: painted behind the text
      getChildren().addAll(0, behind);
      getChildren().addAll(added);
      requestLayout();
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
      int[] starts = this.starts;
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
        // the text layout's coordinates start inside the padding and border (JavaFX 21's
        // rangeShape does not add them), the runs are placed after them: so are the paths
        e.getValue().setLayoutX(snappedLeftInset());
        e.getValue().setLayoutY(snappedTopInset());
        e.getValue().getElements().setAll(shape);
      }
    }

    /** The run under the pointer, or -1. */
    private int runAt(double x, double y) {
      // like rangeShape, hitTest works in the text layout's coordinates, inside the insets
      int c = hitTest(new Point2D(x - snappedLeftInset(), y - snappedTopInset())).getCharIndex();
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

  private static List<String> runClasses(Run r) {
    return r.highlight() == null
        ? List.of(r.style())
        : List.of(r.style(), "hit-text", r.highlight().styleClass());
  }

  /**
   * A text run that CSS leaves alone: its font, fill and decorations are set from a {@link
   * Palette}, so a reused or new run needs no style matching.
   */
  static final class PlainText extends Text {
    PlainText(String text) {
      super(text);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
      return List.of();
    }
  }

  /** How a run looks, as the stylesheets would style it. */
  record Look(Font font, Paint fill, boolean underline, boolean strikethrough) {
    void applyTo(Text t) {
      t.setFont(font);
      t.setFill(fill);
      t.setUnderline(underline);
      t.setStrikethrough(strikethrough);
    }
  }

  /** How a block's flow looks, as the stylesheets would style it. */
  record BoxLook(Insets padding, Border border, Background background) {
    void applyTo(Region r) {
      r.setPadding(padding);
      r.setBorder(border);
      r.setBackground(background);
    }
  }

  /**
   * The looks of text runs in one box, read from the stylesheets: once per combination of block and
   * run style classes, a hidden probe (a flow with the block's classes holding a text with the
   * run's) is styled in the box and its computed font, fill and decorations are kept. Read again
   * when the theme changes.
   */
  static final class Palette {
    private final VBox host;
    private final Map<String, Look> looks = new java.util.HashMap<>();
    private final Map<String, BoxLook> boxes = new java.util.HashMap<>();
    private String theme;

    /** The body shown in the box (counted up per body), and the blocks of it shown so far. */
    int generation;

    int reached;

    Palette(VBox host) {
      this.host = host;
    }

    /** The look of a block's flow of the style classes {@code classes} at list depth indent. */
    BoxLook box(List<String> classes, int indent) {
      checkTheme();
      String key = String.join(" ", classes) + "|" + indent;
      BoxLook look = boxes.get(key);
      if (look == null) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().setAll(classes);
        if (indent > 0) {
          flow.setPadding(new Insets(0, 0, 0, 18 * indent));
        }
        flow.setManaged(false);
        flow.setVisible(false);
        host.getChildren().add(flow);
        try {
          flow.applyCss();
          look = new BoxLook(flow.getPadding(), flow.getBorder(), flow.getBackground());
        } finally {
          host.getChildren().remove(flow);
        }
        boxes.put(key, look);
      }
      return look;
    }

    private void checkTheme() {
      String ua = javafx.application.Application.getUserAgentStylesheet();
      String current = ua + "|" + (host.getScene() == null ? "" : host.getScene().getStylesheets());
      if (!current.equals(theme)) {
        looks.clear();
        boxes.clear();
        theme = current;
      }
    }

    Look look(List<String> blockClasses, List<String> runClasses) {
      checkTheme();
      String key = String.join(" ", blockClasses) + "|" + String.join(" ", runClasses);
      Look look = looks.get(key);
      if (look == null) {
        look = probe(blockClasses, runClasses);
        looks.put(key, look);
      }
      return look;
    }

    private Look probe(List<String> blockClasses, List<String> runClasses) {
      Text text = new Text("x");
      text.getStyleClass().setAll(runClasses);
      TextFlow flow = new TextFlow(text);
      flow.getStyleClass().setAll(blockClasses);
      flow.setManaged(false);
      flow.setVisible(false);
      host.getChildren().add(flow);
      try {
        flow.applyCss();
        return new Look(text.getFont(), text.getFill(), text.isUnderline(), text.isStrikethrough());
      } finally {
        host.getChildren().remove(flow);
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
