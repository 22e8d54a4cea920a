package org.labellens.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.labellens.core.report.ReportSection;
import org.labellens.core.report.ReportTable;

/**
 * A report for people as a list of blocks (headings, paragraphs, lists, tables, bar charts),
 * rendered as plain text, Markdown, LaTeX (booktabs) or HTML (charts as inline SVG; no script, no
 * remote resource). Every text is plain text and is escaped here, once, for the target format:
 * issue titles and notes are untrusted.
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
   * @param caption states what the table shows, including whether its figures are weighted
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
      header.add(column);
      numeric.add(false);
      return this;
    }

    public TableBuilder number(String column) {
      header.add(column);
      numeric.add(true);
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

  private void plain(StringBuilder out) {
    boolean first = true;
    for (Block b : blocks) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      if (b instanceof Heading h) {
        out.append(h.text()).append('\n');
        out.append((h.level() <= 1 ? "=" : "-").repeat(h.text().length())).append('\n');
      } else if (b instanceof Paragraph p) {
        out.append(oneLine(p.text())).append('\n');
      } else if (b instanceof Bullets l) {
        l.items().forEach(item -> out.append("- ").append(oneLine(item)).append('\n'));
      } else if (b instanceof Table t) {
        plainTable(out, t);
      } else if (b instanceof Chart) {
        first = true;
      }
    }
  }

  private static void plainTable(StringBuilder out, Table t) {
    out.append(oneLine(t.caption())).append('\n');
    int[] width = new int[t.header().size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = oneLine(t.header().get(c)).length();
      for (List<String> row : t.rows()) {
        width[c] = Math.max(width[c], oneLine(row.get(c)).length());
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
    t.notes().forEach(n -> out.append(oneLine(n)).append('\n'));
  }

  private static void plainRow(StringBuilder out, List<String> cells, int[] width, boolean[] num) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = oneLine(cells.get(c));
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
        l.items().forEach(item -> out.append("- ").append(md(item)).append('\n'));
      } else if (b instanceof Table t) {
        out.append("**").append(md(t.caption())).append("**\n\n");
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
      } else if (b instanceof Chart) {
        out.setLength(out.length() - 1);
      }
    }
  }

  private static void mdRow(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(md(cell)).append(" |");
    }
    out.append('\n');
  }

  /**
   * Markdown-escapes plain text: every ASCII punctuation character that Markdown gives a meaning is
   * backslash-escaped, and {@code < > &} become entities so that no raw HTML gets through.
   */
  public static String md(String text) {
    String s = oneLine(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\\', '`', '*', '_', '{', '}', '[', ']', '|', '~' -> sb.append('\\').append(c);
        case '#', '+', '-', '=', '!' -> {
          if (i == 0) {
            sb.append('\\');
          }
          sb.append(c);
        }
        default -> sb.append(c);
      }
    }
    return sb.toString();
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
        out.append("\\begin{table}[ht]\n\\centering\n\\small\n");
        out.append("\\caption{").append(tex(t.caption())).append("}\n");
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
        out.append("\\end{table}\n\n");
      }
    }
    if (standalone) {
      out.append("\\end{document}\n");
    }
  }

  private static void texRow(StringBuilder out, List<String> cells) {
    List<String> escaped = new ArrayList<>();
    for (String cell : cells) {
      escaped.add(tex(cell));
    }
    out.append(String.join(" & ", escaped)).append(" \\\\\n");
  }

  /** Escapes LaTeX's special characters in plain text. */
  public static String tex(String text) {
    String s = oneLine(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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
    }
    return sb.toString();
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
        out.append("<table>\n<caption>").append(html(t.caption())).append("</caption>\n<tr>");
        for (int c = 0; c < t.header().size(); c++) {
          out.append(t.numeric()[c] ? "<th class=\"n\">" : "<th>");
          out.append(html(t.header().get(c))).append("</th>");
        }
        out.append("</tr>\n");
        for (List<String> row : t.rows()) {
          out.append("<tr>");
          for (int c = 0; c < row.size(); c++) {
            out.append(t.numeric()[c] ? "<td class=\"n\">" : "<td>");
            out.append(html(row.get(c))).append("</td>");
          }
          out.append("</tr>\n");
        }
        out.append("</table>\n");
        if (!t.notes().isEmpty()) {
          out.append("<div class=\"notes\">");
          for (String n : t.notes()) {
            out.append(html(n)).append("<br>");
          }
          out.append("</div>\n");
        }
      } else if (b instanceof Chart c) {
        svg(out, c);
      }
    }
    if (standalone) {
      out.append("</body>\n</html>\n");
    }
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String html(String text) {
    String s = text == null ? "" : text;
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        case '\r', '\n', '\t' -> sb.append(' ');
        default -> {
          if (c < 0x20) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
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

  private static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return sb.toString();
  }
}
