package org.labellens.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A report for people as a list of blocks (headings, paragraphs, lists, tables, bar charts),
 * rendered as plain text, Markdown, LaTeX (booktabs) or HTML (charts as inline SVG; no script, no
 * remote resource). Every text is plain text and is escaped here, once, for the target format:
 * issue titles and notes are untrusted. This is the one renderer of tables for people: a table on
 * its own ({@link #table}) looks as it does inside a document, and each format has one escaper here
 * ({@link #plain}, {@link #md}, {@link #tex}, {@link #html}; CSV's is {@link CsvCells}).
 *
 * <p>Rendering is deterministic: the same blocks give the same bytes.
 */
public final class Doc {
  /** The output formats. */
  public enum Format {
    PLAIN,
    MARKDOWN,
    LATEX,
    HTML
  }

  /** A part of the document. */
  public sealed interface Block permits Heading, Paragraph, Bullets, Table, Chart {}

  public record Heading(int level, String text) implements Block {}

  public record Paragraph(String text) implements Block {}

  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /**
   * A table. {@code numeric[c]} right-aligns column c; {@code notes} are printed under it.
   *
   * @param caption states what the table shows, including whether its figures are weighted; null
   *     for a table without one
   */
  public record Table(
      String caption,
      List<String> header,
      boolean[] numeric,
      List<List<String>> rows,
      List<String> notes)
      implements Block {
    public Table {
      header = List.copyOf(header);
      numeric = numeric.clone();
      rows = rows.stream().map(List::copyOf).toList();
      notes = List.copyOf(notes);
      if (numeric.length != header.size()) {
        throw new IllegalArgumentException("one alignment per column");
      }
      for (List<String> row : rows) {
        if (row.size() != header.size()) {
          throw new IllegalArgumentException("expected " + header.size() + " cells: " + row);
        }
      }
    }
  }

  /** A bar of a chart: a value in [0, 1] with an optional 95% interval. */
  public record Bar(String label, double value, Double low, Double high) {}

  /** Horizontal bars on a [0, 1] axis, with interval whiskers (HTML only). */
  public record Chart(String title, List<Bar> bars) implements Block {
    public Chart {
      bars = List.copyOf(bars);
    }
  }

  private final String title;
  private final List<Block> blocks = new ArrayList<>();

  public Doc(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  public Doc add(Block block) {
    blocks.add(Objects.requireNonNull(block, "block"));
    return this;
  }

  public Doc heading(int level, String text) {
    return add(new Heading(level, text));
  }

  public Doc paragraph(String text) {
    return add(new Paragraph(text));
  }

  public List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /**
   * The document as sections for the window: one per heading (the first under the document's
   * title), with its paragraphs (list items as paragraphs) and tables, same captions, cells and
   * notes. A heading with nothing under it gives no section; charts are drawn by the window itself.
   */
  public List<ReportSection> sections() {
    List<ReportSection> out = new ArrayList<>();
    String heading = title;
    List<String> paragraphs = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        if (!paragraphs.isEmpty() || !tables.isEmpty()) {
          out.add(new ReportSection(heading, paragraphs, tables));
        }
        heading = h.text();
        paragraphs = new ArrayList<>();
        tables = new ArrayList<>();
      } else if (b instanceof Paragraph p) {
        paragraphs.add(p.text());
      } else if (b instanceof Bullets l) {
        paragraphs.addAll(l.items());
      } else if (b instanceof Table t) {
        List<Boolean> numeric = new ArrayList<>();
        for (boolean n : t.numeric()) {
          numeric.add(n);
        }
        tables.add(new ReportTable(t.caption(), t.header(), numeric, t.rows(), t.notes()));
      }
    }
    if (!paragraphs.isEmpty() || !tables.isEmpty()) {
      out.add(new ReportSection(heading, paragraphs, tables));
    }
    return out;
  }

  /** A builder for a table. */
  public static final class TableBuilder {
    private final String caption;
    private final List<String> header = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public TableBuilder(String caption) {
      this.caption = caption;
    }

    public TableBuilder text(String column) {
      return column(column, false);
    }

    public TableBuilder number(String column) {
      return column(column, true);
    }

    /** A column; a numeric one is right-aligned. */
    public TableBuilder column(String column, boolean isNumeric) {
      header.add(column);
      numeric.add(isNumeric);
      return this;
    }

    public TableBuilder row(List<String> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public TableBuilder row(String... cells) {
      return row(Arrays.asList(cells));
    }

    /** Adds a note once; returns its mark, e.g. {@code [2]}. */
    public String note(String text) {
      int index = notes.indexOf(text);
      if (index < 0) {
        notes.add(text);
        index = notes.size() - 1;
      }
      return "[" + (index + 1) + "]";
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }

    public Table build() {
      boolean[] n = new boolean[numeric.size()];
      for (int i = 0; i < n.length; i++) {
        n[i] = numeric.get(i);
      }
      List<String> numbered = new ArrayList<>();
      for (int i = 0; i < notes.size(); i++) {
        numbered.add("[" + (i + 1) + "] " + notes.get(i));
      }
      return new Table(caption, header, n, rows, numbered);
    }
  }

  // ------------------------------------------------------------------ rendering

  /** The output format of a report printed in {@code format}; JSON is not a document format. */
  public static Format of(ReportFormat format) {
    return switch (format) {
      case MARKDOWN -> Format.MARKDOWN;
      case LATEX -> Format.LATEX;
      case TABLE -> Format.PLAIN;
      case JSON -> throw new IllegalArgumentException("JSON is not a document format");
    };
  }

  /** Renders the blocks; {@code standalone} wraps LaTeX and HTML in a complete document. */
  public String render(Format format, boolean standalone) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case PLAIN -> plain(out);
      case MARKDOWN -> markdown(out);
      case LATEX -> latex(out, standalone);
      case HTML -> html(out, standalone);
      default -> throw new AssertionError(format);
    }
    return out.toString();
  }

  /** One table on its own, as the document renders it (ending with a line break). */
  public static String table(Table table, Format format) {
    StringBuilder out = new StringBuilder();
    switch (format) {
      case PLAIN -> plainTable(out, table);
      case MARKDOWN -> markdownTable(out, table);
      case LATEX -> latexTable(out, table);
      case HTML -> htmlTable(out, table);
      default -> throw new AssertionError(format);
    }
    return out.toString();
  }

  private void plain(StringBuilder out) {
    boolean first = true;
    for (Block b : blocks) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      if (b instanceof Heading h) {
        out.append(plain(h.text())).append('\n');
        out.append((h.level() <= 1 ? "=" : "-").repeat(plain(h.text()).length())).append('\n');
      } else if (b instanceof Paragraph p) {
        out.append(plain(p.text())).append('\n');
      } else if (b instanceof Bullets l) {
        l.items().forEach(item -> out.append("- ").append(plain(item)).append('\n'));
      } else if (b instanceof Table t) {
        plainTable(out, t);
      } else if (b instanceof Chart) {
        first = true;
      }
    }
  }

  private static void plainTable(StringBuilder out, Table t) {
    if (t.caption() != null) {
      out.append(plain(t.caption())).append('\n');
    }
    int[] width = new int[t.header().size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = plain(t.header().get(c)).length();
      for (List<String> row : t.rows()) {
        width[c] = Math.max(width[c], plain(row.get(c)).length());
      }
    }
    plainRow(out, t.header(), width, t.numeric());
    int total = 0;
    for (int w : width) {
      total += w + 2;
    }
    out.append("-".repeat(Math.max(0, total - 2))).append('\n');
    for (List<String> row : t.rows()) {
      plainRow(out, row, width, t.numeric());
    }
    t.notes().forEach(n -> out.append(plain(n)).append('\n'));
  }

  private static void plainRow(StringBuilder out, List<String> cells, int[] width, boolean[] num) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = plain(cells.get(c));
      String pad = " ".repeat(width[c] - cell.length());
      line.append(num[c] ? pad + cell : cell + pad);
      if (c + 1 < cells.size()) {
        line.append("  ");
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private void markdown(StringBuilder out) {
    out.append("# ").append(md(title)).append("\n");
    for (Block b : blocks) {
      out.append('\n');
      if (b instanceof Heading h) {
        out.append("#".repeat(Math.min(6, h.level() + 1))).append(' ').append(md(h.text()));
        out.append('\n');
      } else if (b instanceof Paragraph p) {
        out.append(md(p.text())).append('\n');
      } else if (b instanceof Bullets l) {
        markdownBullets(out, l.items());
      } else if (b instanceof Table t) {
        markdownTable(out, t);
      } else if (b instanceof Chart) {
        out.setLength(out.length() - 1);
      }
    }
  }

  /** A Markdown list of plain-text items. */
  public static void markdownBullets(StringBuilder out, List<String> items) {
    items.forEach(item -> out.append("- ").append(md(item)).append('\n'));
  }

  private static void markdownTable(StringBuilder out, Table t) {
    if (t.caption() != null) {
      out.append("**").append(md(t.caption())).append("**\n\n");
    }
    mdRow(out, t.header());
    out.append('|');
    for (boolean right : t.numeric()) {
      out.append(right ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : t.rows()) {
      mdRow(out, row);
    }
    if (!t.notes().isEmpty()) {
      out.append('\n');
      t.notes().forEach(n -> out.append(md(n)).append("  \n"));
    }
  }

  private static void mdRow(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(md(cell)).append(" |");
    }
    out.append('\n');
  }

  private void latex(StringBuilder out, boolean standalone) {
    if (standalone) {
      out.append("\\documentclass[11pt]{article}\n");
      out.append("\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n");
      out.append("\\usepackage{booktabs}\n\\usepackage[margin=2cm]{geometry}\n");
      out.append("\\title{").append(tex(title)).append("}\n\\date{}\n");
      out.append("\\begin{document}\n\\maketitle\n");
    }
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        out.append(h.level() <= 1 ? "\\section*{" : "\\subsection*{")
            .append(tex(h.text()))
            .append("}\n\n");
      } else if (b instanceof Paragraph p) {
        out.append(tex(p.text())).append("\n\n");
      } else if (b instanceof Bullets l) {
        out.append("\\begin{itemize}\n");
        l.items().forEach(item -> out.append("  \\item ").append(tex(item)).append('\n'));
        out.append("\\end{itemize}\n\n");
      } else if (b instanceof Table t) {
        latexTable(out, t);
        out.append('\n');
      }
    }
    if (standalone) {
      out.append("\\end{document}\n");
    }
  }

  private static void latexTable(StringBuilder out, Table t) {
    out.append("\\begin{table}[ht]\n\\centering\n\\small\n");
    if (t.caption() != null) {
      out.append("\\caption{").append(tex(t.caption())).append("}\n");
    }
    out.append("\\begin{tabular}{");
    for (boolean right : t.numeric()) {
      out.append(right ? 'r' : 'l');
    }
    out.append("}\n\\toprule\n");
    texRow(out, t.header());
    out.append("\\midrule\n");
    for (List<String> row : t.rows()) {
      texRow(out, row);
    }
    out.append("\\bottomrule\n\\end{tabular}\n");
    if (!t.notes().isEmpty()) {
      out.append("\\par\\smallskip\\footnotesize\n");
      t.notes().forEach(n -> out.append(tex(n)).append("\\par\n"));
    }
    out.append("\\end{table}\n");
  }

  private static void texRow(StringBuilder out, List<String> cells) {
    List<String> escaped = new ArrayList<>();
    for (String cell : cells) {
      escaped.add(tex(cell));
    }
    out.append(String.join(" & ", escaped)).append(" \\\\\n");
  }

  private void html(StringBuilder out, boolean standalone) {
    if (standalone) {
      out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
      out.append("<title>").append(html(title)).append("</title>\n<style>\n");
      out.append(
          "body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}\n"
              + "table{border-collapse:collapse;margin:1em 0}caption{text-align:left;"
              + "font-weight:bold;padding:.3em 0}\n"
              + "th,td{padding:.2em .6em;border-bottom:1px solid #ccc}th{border-bottom:2px solid"
              + " #444;text-align:left}td.n,th.n{text-align:right;font-variant-numeric:"
              + "tabular-nums}\n.notes{font-size:.85em;color:#555}svg{display:block;margin:.5em 0}\n");
      out.append("</style>\n</head>\n<body>\n");
      out.append("<h1>").append(html(title)).append("</h1>\n");
    }
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        int level = Math.min(6, h.level() + 1);
        out.append("<h").append(level).append('>').append(html(h.text()));
        out.append("</h").append(level).append(">\n");
      } else if (b instanceof Paragraph p) {
        out.append("<p>").append(html(p.text())).append("</p>\n");
      } else if (b instanceof Bullets l) {
        out.append("<ul>\n");
        l.items().forEach(item -> out.append("<li>").append(html(item)).append("</li>\n"));
        out.append("</ul>\n");
      } else if (b instanceof Table t) {
        htmlTable(out, t);
      } else if (b instanceof Chart c) {
        svg(out, c);
      }
    }
    if (standalone) {
      out.append("</body>\n</html>\n");
    }
  }

  private static void htmlTable(StringBuilder out, Table t) {
    out.append("<table>\n");
    if (t.caption() != null) {
      out.append("<caption>").append(html(t.caption())).append("</caption>\n");
    }
    out.append("<tr>");
    htmlRow(out, "th", t.header(), t.numeric());
    for (List<String> row : t.rows()) {
      out.append("<tr>");
      htmlRow(out, "td", row, t.numeric());
    }
    out.append("</table>\n");
    if (!t.notes().isEmpty()) {
      out.append("<div class=\"notes\">");
      for (String n : t.notes()) {
        out.append(html(n)).append("<br>");
      }
      out.append("</div>\n");
    }
  }

  private static void htmlRow(StringBuilder out, String tag, List<String> cells, boolean[] num) {
    for (int c = 0; c < cells.size(); c++) {
      out.append('<').append(tag).append(num[c] ? " class=\"n\">" : ">");
      out.append(html(cells.get(c))).append("</").append(tag).append('>');
    }
    out.append("</tr>\n");
  }

  // ------------------------------------------------------------------ the escapers, one per format

  /** Plain text on one line: control characters (line breaks among them) become spaces. */
  public static String plain(String text) {
    return escape(text, (sb, c, i) -> sb.append(c < 0x20 || c == 0x7f ? ' ' : c));
  }

  /**
   * Markdown-escapes plain text: every ASCII punctuation character that Markdown gives a meaning is
   * backslash-escaped, and {@code < > &} become entities so that no raw HTML gets through.
   */
  public static String md(String text) {
    return escape(
        plain(text),
        (sb, c, i) -> {
          switch (c) {
            case '<' -> sb.append("&lt;");
            case '>' -> sb.append("&gt;");
            case '&' -> sb.append("&amp;");
            case '\\', '`', '*', '_', '{', '}', '[', ']', '|', '~' -> sb.append('\\').append(c);
            case '#', '+', '-', '=', '!' -> sb.append(i == 0 ? "\\" : "").append(c);
            default -> sb.append(c);
          }
        });
  }

  /** Escapes LaTeX's special characters in plain text (on one line). */
  public static String tex(String text) {
    return escape(
        plain(text),
        (sb, c, i) -> {
          switch (c) {
            case '\\' -> sb.append("\\textbackslash{}");
            case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
            case '~' -> sb.append("\\textasciitilde{}");
            case '^' -> sb.append("\\textasciicircum{}");
            case '<' -> sb.append("\\textless{}");
            case '>' -> sb.append("\\textgreater{}");
            case '|' -> sb.append("\\textbar{}");
            case '"' -> sb.append("\\textquotedbl{}");
            case 'κ' -> sb.append("$\\kappa$");
            case 'α' -> sb.append("$\\alpha$");
            case 'π' -> sb.append("$\\pi$");
            case '±' -> sb.append("$\\pm$");
            case '×' -> sb.append("$\\times$");
            case '≥' -> sb.append("$\\geq$");
            case '≤' -> sb.append("$\\leq$");
            case '∋' -> sb.append("$\\ni$");
            case 'Σ' -> sb.append("$\\Sigma$");
            case '∧' -> sb.append("$\\wedge$");
            case '—' -> sb.append("---");
            case '–' -> sb.append("--");
            default -> sb.append(c);
          }
        });
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String html(String text) {
    return escape(
        text,
        (sb, c, i) -> {
          switch (c) {
            case '<' -> sb.append("&lt;");
            case '>' -> sb.append("&gt;");
            case '&' -> sb.append("&amp;");
            case '"' -> sb.append("&quot;");
            case '\'' -> sb.append("&#39;");
            default -> sb.append(c < 0x20 ? ' ' : c);
          }
        });
  }

  /** How one character of plain text is written in a format ({@code i}: its index). */
  private interface CharEscape {
    void write(StringBuilder out, char c, int i);
  }

  /** {@code text} (null as empty) with every character written by {@code escape}. */
  private static String escape(String text, CharEscape escape) {
    String s = text == null ? "" : text;
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      escape.write(sb, s.charAt(i), i);
    }
    return sb.toString();
  }

  /** Bars on a [0, 1] axis with 95% whiskers, as inline SVG. */
  private static void svg(StringBuilder out, Chart chart) {
    int labelWidth = 150;
    int plotWidth = 420;
    int rowHeight = 22;
    int top = 28;
    int height = top + rowHeight * chart.bars().size() + 24;
    int width = labelWidth + plotWidth + 70;
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(html(chart.title()))
        .append("\">\n");
    out.append("<title>").append(html(chart.title())).append("</title>\n");
    out.append("<text x=\"0\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
        .append(html(chart.title()))
        .append("</text>\n");
    int axisY = top + rowHeight * chart.bars().size();
    for (int t = 0; t <= 4; t++) {
      double x = labelWidth + plotWidth * t / 4.0;
      out.append("<line x1=\"")
          .append(num(x))
          .append("\" y1=\"")
          .append(top - 4)
          .append("\" x2=\"")
          .append(num(x))
          .append("\" y2=\"")
          .append(axisY)
          .append("\" stroke=\"#ddd\"/>\n");
      out.append("<text x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(axisY + 16)
          .append("\" font-size=\"11\" text-anchor=\"middle\">")
          .append(num(t / 4.0))
          .append("</text>\n");
    }
    for (int i = 0; i < chart.bars().size(); i++) {
      Bar bar = chart.bars().get(i);
      int y = top + rowHeight * i;
      out.append("<text x=\"")
          .append(labelWidth - 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\" text-anchor=\"end\">")
          .append(html(bar.label()))
          .append("</text>\n");
      double v = clamp(bar.value());
      out.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 4)
          .append("\" width=\"")
          .append(num(plotWidth * v))
          .append("\" height=\"")
          .append(rowHeight - 8)
          .append("\" fill=\"#6b8fc7\"/>\n");
      if (bar.low() != null && bar.high() != null) {
        double lo = labelWidth + plotWidth * clamp(bar.low());
        double hi = labelWidth + plotWidth * clamp(bar.high());
        double mid = y + rowHeight / 2.0;
        out.append("<path d=\"M")
            .append(num(lo))
            .append(' ')
            .append(num(mid))
            .append("H")
            .append(num(hi))
            .append("M")
            .append(num(lo))
            .append(' ')
            .append(num(mid - 5))
            .append("V")
            .append(num(mid + 5))
            .append("M")
            .append(num(hi))
            .append(' ')
            .append(num(mid - 5))
            .append("V")
            .append(num(mid + 5))
            .append("\" stroke=\"#222\" stroke-width=\"1.5\" fill=\"none\"/>\n");
      }
      out.append("<text x=\"")
          .append(labelWidth + plotWidth + 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"11\">")
          .append(String.format(Locale.ROOT, "%.3f", bar.value()))
          .append("</text>\n");
    }
    out.append("</svg>\n");
  }

  private static double clamp(double v) {
    return Math.max(0.0, Math.min(1.0, v));
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
  }
}
