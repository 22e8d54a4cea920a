package org.labellens.core.report;

import java.util.Locale;

/** How a report is printed: a table for people (plain, Markdown or LaTeX) or JSON for machines. */
public enum ReportFormat {
  TABLE,
  JSON,
  MARKDOWN,
  LATEX;

  /** The name used on the command line, e.g. {@code markdown}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
