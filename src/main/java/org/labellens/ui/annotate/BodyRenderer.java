package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Renders an issue body (GitHub Markdown) as JavaFX nodes, with keyword highlights placed by their
 * offsets in the original body text.
 *
 * <p>The body is first cut into zones (the reporter's prose, code, logs and tracebacks, environment
 * dumps, issue-template text). Prose and template text are rendered from Markdown — headings,
 * lists, emphasis, inline code, links — and pasted material is shown verbatim in monospace,
 * collapsed when long, built only when opened. Issue text is untrusted: nothing in it runs, HTML is
 * shown as text, images are never fetched (their description is shown), and a link opens only on a
 * click, only for http(s) addresses.
 */
public final class BodyRenderer {
  /** Lines above which pasted material starts collapsed. */
  public static final int COLLAPSE_LINES = 12;

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  /** What a stretch of the body is (mirrors the classifier's zoning). */
  public enum Kind {
    PROSE,
    CODE,
    LOG,
    ENV,
    TEMPLATE
  }

  /** A zone of the body: [start, end) in body offsets. */
  public record Zone(Kind kind, int start, int end) {}

  /** A highlight: [start, end) in body offsets, drawn with a CSS style class, with a tooltip. */
  public record Highlight(int start, int end, String styleClass, String tooltip) {}

  private final Consumer<String> openLink;

  /**
   * @param openLink called with an http(s) address when the user clicks a link (never otherwise)
   */
  public BodyRenderer(Consumer<String> openLink) {
    this.openLink = openLink;
  }

  /** Renders {@code body}; zones must cover the body in order (gaps are rendered as prose). */
  public VBox render(String body, List<Zone> zones, List<Highlight> highlights) {
    VBox box = new VBox(8);
    box.getStyleClass().add("issue-body-rendered");
    List<Highlight> sorted = new ArrayList<>(highlights);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    int at = 0;
    for (Zone z : zones) {
      if (z.start() > at) {
        addProse(box, body, at, z.start(), sorted, false);
      }
      int start = Math.max(at, z.start());
      int end = Math.min(body.length(), z.end());
      if (end <= start) {
        continue;
      }
      switch (z.kind()) {
        case PROSE -> addProse(box, body, start, end, sorted, false);
        case TEMPLATE -> addProse(box, body, start, end, sorted, true);
        default -> box.getChildren().add(pasted(body, 0, z.kind(), start, end, sorted));
      }
      at = end;
    }
    if (at < body.length()) {
      addProse(box, body, at, body.length(), sorted, false);
    }
    if (body.isBlank()) {
      Label empty = new Label("(no description)");
      empty.getStyleClass().add("muted");
      box.getChildren().add(empty);
    }
    return box;
  }

  // ---- pasted material: verbatim, monospace, collapsible -------------------------------------

  /**
   * Verbatim material: body offsets [start, end), where {@code src} holds the body from {@code
   * base}.
   */
  private Node pasted(
      String src, int base, Kind kind, int start, int end, List<Highlight> highlights) {
    String text = src.substring(start - base, end - base);
    int lines = 1 + (int) text.chars().filter(c -> c == '\n').count();
    long hits = highlights.stream().filter(h -> h.start() >= start && h.end() <= end).count();
    String what =
        switch (kind) {
          case LOG -> "log / traceback";
          case ENV -> "environment";
          default -> "code";
        };
    String title =
        what
            + " · "
            + lines
            + (lines == 1 ? " line" : " lines")
            + (hits > 0 ? " · " + hits + " keyword hits" : "");
    TitledPane pane = new TitledPane();
    pane.setText(title);
    pane.getStyleClass()
        .addAll("pasted", "pasted-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    pane.setAnimated(false);
    boolean collapse = lines > COLLAPSE_LINES || kind == Kind.ENV;
    pane.setExpanded(!collapse);
    Runnable build =
        () -> {
          if (pane.getContent() == null) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("code-flow");
            appendHighlighted(flow, src, base, start, end, highlights, "code-text");
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
   * Appends body offsets [start, end) to {@code flow}, split at highlight boundaries; {@code src}
   * holds the body's text from offset {@code base}.
   */
  static void appendHighlighted(
      TextFlow flow,
      String src,
      int base,
      int start,
      int end,
      List<Highlight> highlights,
      String textClass) {
    int at = start;
    for (Highlight h : highlights) {
      if (h.end() <= at || h.start() >= end) {
        continue;
      }
      int hs = Math.max(h.start(), at);
      int he = Math.min(h.end(), end);
      if (hs > at) {
        flow.getChildren().add(text(src.substring(at - base, hs - base), textClass));
      }
      Label marked = new Label(src.substring(hs - base, he - base));
      marked.getStyleClass().addAll("keyword-hit", textClass, h.styleClass());
      marked.setTooltip(new Tooltip(h.tooltip()));
      flow.getChildren().add(marked);
      at = he;
    }
    if (at < end) {
      flow.getChildren().add(text(src.substring(at - base, end - base), textClass));
    }
  }

  private static Text text(String s, String styleClass) {
    Text t = new Text(s);
    t.getStyleClass().add(styleClass);
    return t;
  }

  // ---- prose: Markdown ---------------------------------------------------------------------

  private void addProse(
      VBox box, String body, int start, int end, List<Highlight> highlights, boolean template) {
    String source = body.substring(start, end);
    if (source.isBlank()) {
      return;
    }
    org.commonmark.node.Node doc = PARSER.parse(source);
    MarkdownVisitor visitor = new MarkdownVisitor(source, start, highlights, template);
    doc.accept(visitor);
    box.getChildren().addAll(visitor.blocks);
  }

  /** Walks Markdown blocks, building one TextFlow per paragraph/heading/list item. */
  private final class MarkdownVisitor extends AbstractVisitor {
    private final String source;
    private final int offset;
    private final List<Highlight> highlights;
    private final boolean template;
    private final List<Node> blocks = new ArrayList<>();
    private TextFlow flow;
    private final List<String> inlineStyles = new ArrayList<>();
    private int listDepth;

    MarkdownVisitor(String source, int offset, List<Highlight> highlights, boolean template) {
      this.source = source;
      this.offset = offset;
      this.highlights = highlights;
      this.template = template;
    }

    private TextFlow newFlow(String styleClass) {
      TextFlow f = new TextFlow();
      f.getStyleClass().add(styleClass);
      if (template) {
        f.getStyleClass().add("template-text");
      }
      if (listDepth > 0) {
        f.setStyle("-fx-padding: 0 0 0 " + (18 * listDepth) + ";");
      }
      blocks.add(f);
      return f;
    }

    @Override
    public void visit(Heading heading) {
      flow = newFlow("md-h" + Math.min(heading.getLevel(), 3));
      visitChildren(heading);
      flow = null;
    }

    @Override
    public void visit(Paragraph paragraph) {
      if (flow == null) {
        flow = newFlow("md-paragraph");
        visitChildren(paragraph);
        flow = null;
      } else {
        visitChildren(paragraph);
      }
    }

    @Override
    public void visit(BulletList list) {
      listDepth++;
      visitChildren(list);
      listDepth--;
    }

    @Override
    public void visit(OrderedList list) {
      listDepth++;
      int n = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
      for (org.commonmark.node.Node item = list.getFirstChild();
          item != null;
          item = item.getNext()) {
        visitListItem((ListItem) item, n++ + ".");
      }
      listDepth--;
    }

    @Override
    public void visit(ListItem item) {
      visitListItem(item, "•");
    }

    private void visitListItem(ListItem item, String marker) {
      flow = newFlow("md-list-item");
      flow.getChildren().add(text(marker + " ", "md-marker"));
      for (org.commonmark.node.Node child = item.getFirstChild();
          child != null;
          child = child.getNext()) {
        if (child instanceof Paragraph) {
          if (flow == null) {
            flow = newFlow("md-list-item");
          }
          visitChildren(child);
          flow = null;
        } else {
          flow = null;
          child.accept(this);
        }
      }
      flow = null;
    }

    @Override
    public void visit(BlockQuote quote) {
      int before = blocks.size();
      visitChildren(quote);
      for (int i = before; i < blocks.size(); i++) {
        blocks.get(i).getStyleClass().add("md-quote");
      }
    }

    @Override
    public void visit(FencedCodeBlock code) {
      blocks.add(codeBlock(code));
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      blocks.add(codeBlock(code));
    }

    private Node codeBlock(org.commonmark.node.Block code) {
      List<SourceSpan> spans = code.getSourceSpans();
      if (spans.isEmpty()) {
        return new Label();
      }
      int s = spans.get(0).getInputIndex();
      SourceSpan last = spans.get(spans.size() - 1);
      int e = last.getInputIndex() + last.getLength();
      if (code instanceof FencedCodeBlock && spans.size() >= 2) {
        // show the content lines only: not the opening fence (with its info string) nor the closing
        // one
        s = spans.get(1).getInputIndex();
        boolean closed =
            last.getLength() > 0
                && source
                    .substring(last.getInputIndex(), e)
                    .strip()
                    .startsWith(String.valueOf(((FencedCodeBlock) code).getFenceCharacter()));
        if (closed && spans.size() >= 3) {
          SourceSpan beforeLast = spans.get(spans.size() - 2);
          e = beforeLast.getInputIndex() + beforeLast.getLength();
        } else if (closed) {
          e = s;
        }
      }
      if (e <= s) {
        return new Label();
      }
      return pasted(source, offset, Kind.CODE, offset + s, offset + e, highlights);
    }

    @Override
    public void visit(HtmlBlock html) {
      String literal = html.getLiteral().strip();
      // GitHub's collapsible sections: drop the bare tags, show a summary as a muted line
      String bare = literal.replaceAll("(?i)</?details\\s*>", "").strip();
      if (bare.isEmpty()) {
        return;
      }
      java.util.regex.Matcher summary =
          java.util.regex.Pattern.compile("(?is)^<summary>(.*)</summary>$").matcher(bare);
      if (summary.matches()) {
        Label l = new Label(summary.group(1).strip());
        l.getStyleClass().addAll("muted", "md-summary");
        blocks.add(l);
        return;
      }
      TextFlow f = newFlow("md-html");
      appendSource(f, html.getSourceSpans(), html.getLiteral(), "html-text");
    }

    @Override
    public void visit(ThematicBreak br) {
      Label rule = new Label();
      rule.getStyleClass().add("md-rule");
      rule.setMaxWidth(Double.MAX_VALUE);
      blocks.add(rule);
    }

    @Override
    public void visit(org.commonmark.node.Text t) {
      ensureFlow();
      appendSource(flow, t.getSourceSpans(), t.getLiteral(), styleNow());
    }

    @Override
    public void visit(Code code) {
      ensureFlow();
      appendSource(flow, code.getSourceSpans(), code.getLiteral(), "md-code");
    }

    @Override
    public void visit(HtmlInline html) {
      ensureFlow();
      appendSource(flow, html.getSourceSpans(), html.getLiteral(), "html-text");
    }

    @Override
    public void visit(Emphasis e) {
      inlineStyles.add("md-em");
      visitChildren(e);
      inlineStyles.remove(inlineStyles.size() - 1);
    }

    @Override
    public void visit(StrongEmphasis e) {
      inlineStyles.add("md-strong");
      visitChildren(e);
      inlineStyles.remove(inlineStyles.size() - 1);
    }

    @Override
    public void visit(SoftLineBreak br) {
      ensureFlow();
      flow.getChildren().add(text(" ", styleNow()));
    }

    @Override
    public void visit(HardLineBreak br) {
      ensureFlow();
      flow.getChildren().add(text("\n", styleNow()));
    }

    @Override
    public void visit(Link link) {
      ensureFlow();
      String destination = link.getDestination();
      StringBuilder label = new StringBuilder();
      collectText(link, label);
      Hyperlink h = new Hyperlink(label.length() == 0 ? destination : label.toString());
      h.getStyleClass().add("md-link");
      boolean web =
          destination != null
              && (destination.startsWith("https://") || destination.startsWith("http://"));
      Tooltip.install(
          h, new Tooltip(web ? destination : destination + " (not a web address: not opened)"));
      h.setOnAction(
          e -> {
            if (web) {
              openLink.accept(destination);
            }
          });
      flow.getChildren().add(h);
    }

    @Override
    public void visit(Image image) {
      ensureFlow();
      StringBuilder alt = new StringBuilder();
      collectText(image, alt);
      flow.getChildren()
          .add(
              text(
                  "[image: " + (alt.length() == 0 ? image.getDestination() : alt) + "]",
                  "md-image"));
    }

    private void collectText(org.commonmark.node.Node node, StringBuilder out) {
      for (org.commonmark.node.Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof org.commonmark.node.Text t) {
          out.append(t.getLiteral());
        } else if (c instanceof Code code) {
          out.append(code.getLiteral());
        } else {
          collectText(c, out);
        }
      }
    }

    private void ensureFlow() {
      if (flow == null) {
        flow = newFlow("md-paragraph");
      }
    }

    private String styleNow() {
      return inlineStyles.isEmpty() ? "md-text" : inlineStyles.get(inlineStyles.size() - 1);
    }

    /**
     * Appends a node's literal, highlighted where its source text is the literal itself (plain
     * text: offsets map one to one); escaped or entity-encoded text is shown without highlights.
     */
    private void appendSource(TextFlow f, List<SourceSpan> spans, String literal, String style) {
      if (spans.size() == 1) {
        SourceSpan span = spans.get(0);
        int s = span.getInputIndex();
        int e = s + span.getLength();
        if (s >= 0 && e <= source.length() && source.substring(s, e).equals(literal)) {
          appendHighlighted(f, source, offset, offset + s, offset + e, highlights, style);
          return;
        }
        int inner = s >= 0 && e <= source.length() ? source.substring(s, e).indexOf(literal) : -1;
        if (inner >= 0 && !literal.isEmpty()) {
          appendHighlighted(
              f,
              source,
              offset,
              offset + s + inner,
              offset + s + inner + literal.length(),
              highlights,
              style);
          return;
        }
      }
      f.getChildren().add(text(literal, style));
    }
  }
}
