package org.labellens.core.report;

import java.util.List;

/**
 * A table of a report as text cells, for a window to show: the caption (which says whether the
 * figures are design-weighted or unweighted), the header, which columns are numeric, the rows and
 * the numbered notes under it.
 */
public record ReportTable(
    String caption,
    List<String> header,
    List<Boolean> numeric,
    List<List<String>> rows,
    List<String> notes) {
  public ReportTable {
    header = List.copyOf(header);
    numeric = List.copyOf(numeric);
    rows = rows.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
    if (numeric.size() != header.size()) {
      throw new IllegalArgumentException("one alignment per column");
    }
  }
}
