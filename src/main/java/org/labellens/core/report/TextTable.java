package org.labellens.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells built row by row, printed through {@link Doc}'s table renderer (aligned
 * text, Markdown or LaTeX). A column whose cells all look like numbers is right-aligned.
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

  /** The table in {@code format}: {@code markdown}, {@code latex}, else aligned text. */
  public String render(String format) {
    return Doc.table(
        table(),
        switch (format) {
          case "markdown" -> Doc.Format.MARKDOWN;
          case "latex" -> Doc.Format.LATEX;
          default -> Doc.Format.PLAIN;
        });
  }

  /** The table as aligned text. */
  public String plain() {
    return Doc.table(table(), Doc.Format.PLAIN);
  }

  /** The table as a block of a document. */
  public Doc.Table table() {
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < numeric.length; c++) {
      numeric[c] = numeric(c);
    }
    return new Doc.Table(caption, header, numeric, rows, List.of());
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
}
