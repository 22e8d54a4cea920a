package org.labellens.core.report;

import java.util.List;

/**
 * A section of a report for a window: its heading, its paragraphs (and warnings), and its tables,
 * in the order the command line prints them.
 */
public record ReportSection(String heading, List<String> paragraphs, List<ReportTable> tables) {
  public ReportSection {
    paragraphs = List.copyOf(paragraphs);
    tables = List.copyOf(tables);
  }
}
