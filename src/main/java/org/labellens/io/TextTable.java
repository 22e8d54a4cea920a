package org.labellens.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A small table for people, rendered as aligned plain text, a Markdown pipe table or a LaTeX
 * booktabs table. Cells are plain text; the LaTeX rendering escapes them.
 */
final class TextTable {
  private final String title;
  private final List<String> header;
  private final boolean[] numeric;
  private final List<List<String>> rows = new ArrayList<>();

  /** {@code numeric[i]} right-aligns column i. */
  TextTable(String title, List<String> header, boolean... numeric) {
    if (numeric.length != header.size()) {
      throw new IllegalArgumentException("one alignment per column");
    }
    this.title = title;
    this.header = List.copyOf(header);
    this.numeric = numeric.clone();
  }

  TextTable row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells: " + cells);
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void plain(StringBuilder out) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    out.append(title).append('\n');
    plainRow(out, header, width);
    int total = 0;
    for (int w : width) {
      total += w + 2;
    }
    out.append("-".repeat(Math.max(0, total - 2))).append('\n');
    for (List<String> row : rows) {
      plainRow(out, row, width);
    }
  }

  private void plainRow(StringBuilder out, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(numeric[c] ? pad + cell : cell + pad);
      if (c + 1 < cells.size()) {
        line.append("  ");
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  void markdown(StringBuilder out) {
    out.append("**").append(markdownCell(title)).append("**\n\n");
    markdownRow(out, header);
    out.append('|');
    for (boolean right : numeric) {
      out.append(right ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<String> row : rows) {
      markdownRow(out, row);
    }
  }

  private static void markdownRow(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(markdownCell(cell)).append(" |");
    }
    out.append('\n');
  }

  static String markdownCell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
  }

  /** A booktabs table; {@code caption} and {@code notes} are plain text. */
  void latex(StringBuilder out, String caption, List<String> notes) {
    out.append("\\begin{table}[ht]\n\\centering\n");
    out.append("\\caption{").append(latex(caption)).append("}\n");
    out.append("\\begin{tabular}{");
    for (boolean right : numeric) {
      out.append(right ? 'r' : 'l');
    }
    out.append("}\n\\toprule\n");
    latexRow(out, header);
    out.append("\\midrule\n");
    for (List<String> row : rows) {
      latexRow(out, row);
    }
    out.append("\\bottomrule\n\\end{tabular}\n");
    if (!notes.isEmpty()) {
      out.append("\\par\\smallskip\\footnotesize\n");
      for (String note : notes) {
        out.append(latex(note)).append("\\\\\n");
      }
    }
    out.append("\\end{table}\n");
  }

  private static void latexRow(StringBuilder out, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      out.append(latex(cells.get(c)));
      out.append(c + 1 < cells.size() ? " & " : " \\\\\n");
    }
  }

  /** Escapes LaTeX's special characters in plain text. */
  static String latex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> out.append('\\').append(c);
        case '^' -> out.append("\\textasciicircum{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '—' -> out.append("---");
        case '–' -> out.append("--");
        case '×' -> out.append("$\\times$");
        case '\n' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
