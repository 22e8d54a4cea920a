package org.labellens.service;

import java.util.ArrayList;
import java.util.List;
import org.labellens.core.report.Doc;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.report.ReportSection;
import org.labellens.core.report.ReportTable;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.review.ValidationReport;
import org.labellens.io.SampleAgreementWriter;
import org.labellens.io.ValidationReportWriter;

/** Renders the lead's results for the command line (the writers live in io). */
public final class Reports {
  private Reports() {}

  public static String render(ValidationReport report, ReportFormat format) {
    return ValidationReportWriter.write(report, format);
  }

  public static String render(SampleAgreement agreement, ReportFormat format) {
    return SampleAgreementWriter.write(agreement, format);
  }

  /**
   * The tables {@code validate} prints, as sections for the window: the same captions (each says
   * whether its figures are design-weighted or unweighted), cells and notes, every keyword row.
   */
  public static List<ReportSection> sections(ValidationReport report) {
    Doc doc = new Doc("Classifier validation: sample " + report.sample().name());
    ValidationReportWriter.blocks(report, doc, false, Integer.MAX_VALUE);
    return sections(doc, "Classifier validation: sample " + report.sample().name());
  }

  /** The tables {@code agreement --sample} prints, as sections for the window. */
  public static List<ReportSection> sections(SampleAgreement agreement) {
    Doc doc = new Doc("Agreement: sample " + agreement.sample());
    SampleAgreementWriter.blocks(agreement, doc, false);
    return sections(doc, "Agreement: sample " + agreement.sample());
  }

  private static List<ReportSection> sections(Doc doc, String title) {
    List<ReportSection> out = new ArrayList<>();
    String heading = title;
    List<String> paragraphs = new ArrayList<>();
    List<ReportTable> tables = new ArrayList<>();
    for (Doc.Block b : doc.blocks()) {
      if (b instanceof Doc.Heading h) {
        if (!paragraphs.isEmpty() || !tables.isEmpty()) {
          out.add(new ReportSection(heading, paragraphs, tables));
        }
        heading = h.text();
        paragraphs = new ArrayList<>();
        tables = new ArrayList<>();
      } else if (b instanceof Doc.Paragraph p) {
        paragraphs.add(p.text());
      } else if (b instanceof Doc.Bullets l) {
        paragraphs.addAll(l.items());
      } else if (b instanceof Doc.Table t) {
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
}
