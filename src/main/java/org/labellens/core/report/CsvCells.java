package org.labellens.core.report;

/** CSV cells that are safe to open in a spreadsheet. */
public final class CsvCells {
  private CsvCells() {}

  /**
   * Neutralises a cell a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab
   * or a carriage return) by prefixing an apostrophe, the convention spreadsheets show as text.
   */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell == null ? "" : cell;
    }
    char c = cell.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + cell;
    }
    return cell;
  }

  /** A neutralised cell, quoted per RFC 4180 when it holds a comma, quote or line break. */
  public static String field(String cell) {
    String s = neutralise(cell);
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
