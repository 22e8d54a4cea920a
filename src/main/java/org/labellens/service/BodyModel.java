package org.labellens.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.labellens.core.ShownText;

/**
 * What the annotation window shows of an issue body, prepared without the toolkit (on a background
 * thread, while the annotator reads the previous issue): the body cut into zones, prose and
 * template text parsed as Markdown, pasted material (code, logs, environment dumps) kept verbatim,
 * and every text run already split at the keyword highlights. The window's renderer turns it into
 * nodes with a straight walk.
 *
 * <p>Issue text is untrusted: HTML stays text (a run in the {@code html-text} style), images are a
 * textual placeholder, and a link is only its text and address.
 */
public final class BodyModel {
  /** Lines above which pasted material starts collapsed. */
  public static final int COLLAPSE_LINES = 12;

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private static final Pattern DETAILS = Pattern.compile("(?i)</?details\\s*>");
  private static final Pattern SUMMARY = Pattern.compile("(?is)^<summary>(.*)</summary>$");

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

  /**
   * A keyword highlight: [start, end) in body offsets, drawn in the style {@code styleClass}
   * ({@code cat-0} … {@code cat-7}, {@code keyword-other} or {@code keyword-ignored}), with a
   * tooltip.
   */
  public record Highlight(int start, int end, String styleClass, String tooltip) {}

  /**
   * A stretch of text in one style. {@code highlight} is set for a keyword occurrence (the text is
   * exactly the body's characters at the highlight's offsets, or the part of them inside this
   * block); {@code link} is set for a link's text (its address, untrusted).
   */
  public record Run(String text, String style, Highlight highlight, String link) {
    static Run plain(String text, String style) {
      return new Run(text, style, null, null);
    }
  }

  /** One block of the body, shown one under the other. */
  public sealed interface Block permits Flow, Pasted, Rule, Note {}

  /**
   * Flowing text: a paragraph, heading, list item or HTML block; {@code styleClasses} style the
   * block, {@code indent} is the list depth.
   */
  public record Flow(List<String> styleClasses, int indent, List<Run> runs) implements Block {}

  /** Verbatim material, collapsed when long; its runs are in the {@code code-text} style. */
  public record Pasted(Kind kind, String title, int lines, boolean collapsed, List<Run> runs)
      implements Block {}

  /** A horizontal rule. */
  public record Rule() implements Block {}

  /** A muted one-line note: a collapsible section's summary, or "(no description)". */
  public record Note(String text) implements Block {}

  private final List<Block> blocks;

  private BodyModel(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** The model of {@code body}; zones must cover the body in order (gaps are prose). */
  public static BodyModel build(String body, List<Zone> zones, List<Highlight> highlights) {
    List<Highlight> sorted = new ArrayList<>(highlights);
    sorted.sort(Comparator.comparingInt(Highlight::start));
    Highlights hs = new Highlights(sorted);
    List<Block> out = new ArrayList<>();
    int at = 0;
    for (Zone z : zones) {
      if (z.start() > at) {
        prose(out, body, at, Math.min(body.length(), z.start()), hs, false);
      }
      int start = Math.max(at, z.start());
      int end = Math.min(body.length(), z.end());
      if (end <= start) {
        continue;
      }
      switch (z.kind()) {
        case PROSE -> prose(out, body, start, end, hs, false);
        case TEMPLATE -> prose(out, body, start, end, hs, true);
        default -> out.add(pasted(body, 0, z.kind(), start, end, hs));
      }
      at = end;
    }
    if (at < body.length()) {
      prose(out, body, at, body.length(), hs, false);
    }
    if (body.isBlank()) {
      out.add(new Note("(no description)"));
    }
    out.replaceAll(BodyModel::markControls);
    return new BodyModel(out);
  }

  /** The style of a marker shown in place of an invisible or control character. */
  public static final String CONTROL_MARKER = "control-marker";

  /**
   * A block whose runs show each control, bidirectional or invisible character as a small marker
   * run ({@link ShownText#marker}, style {@value #CONTROL_MARKER}): an override in the body cannot
   * reverse the text after it, and nothing hides (docs/robustness.md).
   */
  static Block markControls(Block b) {
    if (b instanceof Flow f && !clean(f.runs())) {
      return new Flow(f.styleClasses(), f.indent(), marked(f.runs()));
    }
    if (b instanceof Pasted p && !clean(p.runs())) {
      return new Pasted(p.kind(), p.title(), p.lines(), p.collapsed(), marked(p.runs()));
    }
    return b;
  }

  private static boolean clean(List<Run> runs) {
    for (Run r : runs) {
      if (!ShownText.forWindow(r.text()).equals(r.text())) {
        return false;
      }
    }
    return true;
  }

  private static List<Run> marked(List<Run> runs) {
    List<Run> out = new ArrayList<>();
    for (Run r : runs) {
      String t = r.text();
      int from = 0;
      for (int i = 0; i < t.length(); ) {
        int cp = t.codePointAt(i);
        int n = Character.charCount(cp);
        if (ShownText.marked(cp)) {
          if (i > from) {
            out.add(new Run(t.substring(from, i), r.style(), r.highlight(), r.link()));
          }
          out.add(Run.plain(ShownText.marker(cp), CONTROL_MARKER));
          from = i + n;
        }
        i += n;
      }
      if (from < t.length()) {
        out.add(from == 0 ? r : new Run(t.substring(from), r.style(), r.highlight(), r.link()));
      }
    }
    return out;
  }

  /** The highlights sorted by start, with a fast way to the first one that may reach an offset. */
  private static final class Highlights {
    final List<Highlight> sorted;
    final int[] starts;
    final int longest;

    Highlights(List<Highlight> sorted) {
      this.sorted = sorted;
      this.starts = new int[sorted.size()];
      int max = 0;
      for (int i = 0; i < starts.length; i++) {
        starts[i] = sorted.get(i).start();
        max = Math.max(max, sorted.get(i).end() - sorted.get(i).start());
      }
      this.longest = max;
    }

    /** The index of the first highlight that can end after {@code offset}. */
    int firstReaching(int offset) {
      int lo = 0;
      int hi = starts.length;
      int from = offset - longest;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    long countWithin(int start, int end) {
      long n = 0;
      for (int i = firstReaching(start); i < starts.length && starts[i] < end; i++) {
        Highlight h = sorted.get(i);
        if (h.start() >= start && h.end() <= end) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Appends body offsets [start, end) to {@code runs}, split at highlight boundaries; {@code src}
   * holds the body's text from offset {@code base}. A highlight overlapping one before it starts
   * where the earlier one ended.
   */
  static void appendHighlighted(
      List<Run> runs, String src, int base, int start, int end, Highlights hs, String style) {
    int at = start;
    for (int i = hs.firstReaching(start); i < hs.starts.length && hs.starts[i] < end; i++) {
      Highlight h = hs.sorted.get(i);
      if (h.end() <= at) {
        continue;
      }
      int s = Math.max(h.start(), at);
      int e = Math.min(h.end(), end);
      if (s > at) {
        add(runs, Run.plain(src.substring(at - base, s - base), style));
      }
      runs.add(new Run(src.substring(s - base, e - base), style, h, null));
      at = e;
    }
    if (at < end) {
      add(runs, Run.plain(src.substring(at - base, end - base), style));
    }
  }

  /** Adds a plain run, merged into the run before it when that is plain text of the same style. */
  private static void add(List<Run> runs, Run run) {
    if (run.text().isEmpty()) {
      return;
    }
    int last = runs.size() - 1;
    if (run.highlight() == null && run.link() == null && last >= 0) {
      Run before = runs.get(last);
      if (before.highlight() == null
          && before.link() == null
          && before.style().equals(run.style())) {
        runs.set(last, Run.plain(before.text() + run.text(), run.style()));
        return;
      }
    }
    runs.add(run);
  }

  // ---- pasted material -----------------------------------------------------------------------

  private static Pasted pasted(String src, int base, Kind kind, int start, int end, Highlights hs) {
    int lines = 1;
    for (int i = start - base; i < end - base; i++) {
      if (src.charAt(i) == '\n') {
        lines++;
      }
    }
    long hits = hs.countWithin(start, end);
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
    List<Run> runs = new ArrayList<>();
    appendHighlighted(runs, src, base, start, end, hs, "code-text");
    return new Pasted(kind, title, lines, lines > COLLAPSE_LINES || kind == Kind.ENV, runs);
  }

  // ---- prose: Markdown -----------------------------------------------------------------------

  private static void prose(
      List<Block> out, String body, int start, int end, Highlights hs, boolean template) {
    String source = body.substring(start, end);
    if (source.isBlank()) {
      return;
    }
    MarkdownVisitor visitor = new MarkdownVisitor(source, start, hs, template, out);
    PARSER.parse(source).accept(visitor);
    visitor.close();
  }

  /** Walks Markdown blocks, making one flow per paragraph, heading, list item or HTML block. */
  private static final class MarkdownVisitor extends AbstractVisitor {
    private final String source;
    private final int offset;
    private final Highlights hs;
    private final boolean template;
    private final List<Block> out;
    private final List<String> inlineStyles = new ArrayList<>();
    private FlowBuilder flow;
    private int listDepth;
    private int quoteDepth;

    MarkdownVisitor(String source, int offset, Highlights hs, boolean template, List<Block> out) {
      this.source = source;
      this.offset = offset;
      this.hs = hs;
      this.template = template;
      this.out = out;
    }

    /** A flow being filled; added to the output when it starts, so blocks keep their order. */
    private final class FlowBuilder {
      final List<String> classes = new ArrayList<>();
      final List<Run> runs = new ArrayList<>();
      final int index;
      final int indent;

      FlowBuilder(String styleClass) {
        classes.add(styleClass);
        if (template) {
          classes.add("template-text");
        }
        if (quoteDepth > 0) {
          classes.add("md-quote");
        }
        indent = listDepth;
        index = out.size();
        out.add(null);
      }

      void finish() {
        out.set(index, new Flow(List.copyOf(classes), indent, List.copyOf(runs)));
      }
    }

    private void newFlow(String styleClass) {
      endFlow();
      flow = new FlowBuilder(styleClass);
    }

    private void endFlow() {
      if (flow != null) {
        flow.finish();
        flow = null;
      }
    }

    void close() {
      endFlow();
      out.removeIf(b -> b == null);
    }

    @Override
    public void visit(Heading heading) {
      newFlow("md-h" + Math.min(heading.getLevel(), 3));
      visitChildren(heading);
      endFlow();
    }

    @Override
    public void visit(Paragraph paragraph) {
      if (flow == null) {
        newFlow("md-paragraph");
        visitChildren(paragraph);
        endFlow();
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
      newFlow("md-list-item");
      flow.runs.add(Run.plain(marker + " ", "md-marker"));
      for (org.commonmark.node.Node child = item.getFirstChild();
          child != null;
          child = child.getNext()) {
        if (child instanceof Paragraph) {
          if (flow == null) {
            newFlow("md-list-item");
          }
          visitChildren(child);
          endFlow();
        } else {
          endFlow();
          child.accept(this);
        }
      }
      endFlow();
    }

    @Override
    public void visit(BlockQuote quote) {
      endFlow();
      quoteDepth++;
      visitChildren(quote);
      endFlow();
      quoteDepth--;
    }

    @Override
    public void visit(FencedCodeBlock code) {
      codeBlock(code);
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      codeBlock(code);
    }

    private void codeBlock(org.commonmark.node.Block code) {
      endFlow();
      List<SourceSpan> spans = code.getSourceSpans();
      if (spans.isEmpty()) {
        return;
      }
      int s = spans.get(0).getInputIndex();
      SourceSpan last = spans.get(spans.size() - 1);
      int e = last.getInputIndex() + last.getLength();
      if (code instanceof FencedCodeBlock fenced && spans.size() >= 2) {
        // the content lines only: not the opening fence (with its info string) nor the closing one
        s = spans.get(1).getInputIndex();
        boolean closed =
            last.getLength() > 0
                && source
                    .substring(last.getInputIndex(), e)
                    .strip()
                    .startsWith(String.valueOf(fenced.getFenceCharacter()));
        if (closed && spans.size() >= 3) {
          SourceSpan beforeLast = spans.get(spans.size() - 2);
          e = beforeLast.getInputIndex() + beforeLast.getLength();
        } else if (closed) {
          e = s;
        }
      }
      if (e > s) {
        out.add(pasted(source, offset, Kind.CODE, offset + s, offset + e, hs));
      }
    }

    @Override
    public void visit(HtmlBlock html) {
      endFlow();
      String literal = html.getLiteral().strip();
      // GitHub's collapsible sections: drop the bare tags, show a summary as a muted line
      String bare = DETAILS.matcher(literal).replaceAll("").strip();
      if (bare.isEmpty()) {
        return;
      }
      Matcher summary = SUMMARY.matcher(bare);
      if (summary.matches()) {
        out.add(new Note(summary.group(1).strip()));
        return;
      }
      newFlow("md-html");
      appendSource(html.getSourceSpans(), html.getLiteral(), "html-text");
      endFlow();
    }

    @Override
    public void visit(ThematicBreak br) {
      endFlow();
      out.add(new Rule());
    }

    @Override
    public void visit(org.commonmark.node.Text t) {
      ensureFlow();
      appendSource(t.getSourceSpans(), t.getLiteral(), styleNow());
    }

    @Override
    public void visit(Code code) {
      ensureFlow();
      appendSource(code.getSourceSpans(), code.getLiteral(), "md-code");
    }

    @Override
    public void visit(HtmlInline html) {
      ensureFlow();
      appendSource(html.getSourceSpans(), html.getLiteral(), "html-text");
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
      add(flow.runs, Run.plain(" ", styleNow()));
    }

    @Override
    public void visit(HardLineBreak br) {
      ensureFlow();
      add(flow.runs, Run.plain("\n", styleNow()));
    }

    @Override
    public void visit(Link link) {
      ensureFlow();
      String destination = link.getDestination() == null ? "" : link.getDestination();
      StringBuilder label = new StringBuilder();
      collectText(link, label);
      flow.runs.add(
          new Run(
              label.length() == 0 ? destination : label.toString(), "md-link", null, destination));
    }

    @Override
    public void visit(Image image) {
      ensureFlow();
      StringBuilder alt = new StringBuilder();
      collectText(image, alt);
      add(
          flow.runs,
          Run.plain(
              "[image: " + (alt.length() == 0 ? image.getDestination() : alt) + "]", "md-image"));
    }

    private void collectText(org.commonmark.node.Node node, StringBuilder into) {
      for (org.commonmark.node.Node c = node.getFirstChild(); c != null; c = c.getNext()) {
        if (c instanceof org.commonmark.node.Text t) {
          into.append(t.getLiteral());
        } else if (c instanceof Code code) {
          into.append(code.getLiteral());
        } else {
          collectText(c, into);
        }
      }
    }

    private void ensureFlow() {
      if (flow == null) {
        newFlow("md-paragraph");
      }
    }

    private String styleNow() {
      return inlineStyles.isEmpty() ? "md-text" : inlineStyles.get(inlineStyles.size() - 1);
    }

    /**
     * Appends a node's literal, highlighted where its source text is the literal itself (plain
     * text: offsets map one to one); escaped or entity-encoded text is shown without highlights.
     */
    private void appendSource(List<SourceSpan> spans, String literal, String style) {
      if (spans.size() == 1) {
        SourceSpan span = spans.get(0);
        int s = span.getInputIndex();
        int e = s + span.getLength();
        if (s >= 0 && e <= source.length()) {
          String raw = source.substring(s, e);
          if (raw.equals(literal)) {
            appendHighlighted(flow.runs, source, offset, offset + s, offset + e, hs, style);
            return;
          }
          int inner = raw.indexOf(literal);
          if (inner >= 0 && !literal.isEmpty()) {
            appendHighlighted(
                flow.runs,
                source,
                offset,
                offset + s + inner,
                offset + s + inner + literal.length(),
                hs,
                style);
            return;
          }
        }
      }
      add(flow.runs, Run.plain(literal, style));
    }
  }
}
