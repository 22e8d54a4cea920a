package org.labellens.core.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of text cells that renders for people (aligned columns), Markdown, LaTeX (booktabs) and
 * CSV. Numeric-looking columns are right-aligned.
 */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private String caption;

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable caption(String text) {
    this.caption = text;
    return this;
  }

  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, header " + header.size());
    }
    List<String> r = new ArrayList<>(cells.length);
    for (Object c : cells) {
      r.add(c == null ? "" : c.toString());
    }
    rows.add(r);
    return this;
  }

  public List<List<String>> rows() {
    return rows;
  }

  public String render(String format) {
    return switch (format) {
      case "markdown" -> markdown();
      case "latex" -> latex();
      case "csv" -> csv();
      default -> plain();
    };
  }

  private boolean numeric(int col) {
    boolean any = false;
    for (List<String> r : rows) {
      String v = r.get(col).trim();
      if (v.isEmpty() || v.equals("—") || v.equals("-")) {
        continue;
      }
      if (!v.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?%?( \\[.*\\])?")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  public String plain() {
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    if (caption != null) {
      sb.append(caption).append('\n');
    }
    line(sb, header, width);
    char[] rule = new char[Arrays.stream(width).sum() + 2 * (width.length - 1)];
    Arrays.fill(rule, '-');
    sb.append(rule).append('\n');
    for (List<String> r : rows) {
      line(sb, r, width);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        l.append("  ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(numeric(i) ? pad + c : c + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  public String markdown() {
    StringBuilder sb = new StringBuilder();
    if (caption != null) {
      sb.append('*').append(caption).append("*\n\n");
    }
    sb.append("| ")
        .append(String.join(" | ", header.stream().map(TextTable::md).toList()))
        .append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      sb.append(numeric(i) ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (List<String> r : rows) {
      sb.append("| ")
          .append(String.join(" | ", r.stream().map(TextTable::md).toList()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  public String latex() {
    StringBuilder sb = new StringBuilder();
    sb.append("\\begin{table}[ht]\n\\centering\n");
    if (caption != null) {
      sb.append("\\caption{").append(tex(caption)).append("}\n");
    }
    sb.append("\\begin{tabular}{");
    for (int i = 0; i < header.size(); i++) {
      sb.append(numeric(i) ? 'r' : 'l');
    }
    sb.append("}\n\\toprule\n");
    sb.append(String.join(" & ", header.stream().map(TextTable::tex).toList()))
        .append(" \\\\\n\\midrule\n");
    for (List<String> r : rows) {
      sb.append(String.join(" & ", r.stream().map(TextTable::tex).toList())).append(" \\\\\n");
    }
    sb.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    return sb.toString();
  }

  /** Escapes LaTeX's special characters. */
  public static String tex(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        case 'κ' -> sb.append("$\\kappa$");
        case 'α' -> sb.append("$\\alpha$");
        case '±' -> sb.append("$\\pm$");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  public String csv() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", header.stream().map(TextTable::csvCell).toList())).append('\n');
    for (List<String> r : rows) {
      sb.append(String.join(",", r.stream().map(TextTable::csvCell).toList())).append('\n');
    }
    return sb.toString();
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
