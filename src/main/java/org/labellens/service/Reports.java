package org.labellens.service;

import org.labellens.core.report.ReportFormat;
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
}
