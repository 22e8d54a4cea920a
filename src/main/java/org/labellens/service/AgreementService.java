package org.labellens.service;

import java.nio.file.Path;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.AgreementStudy;
import org.labellens.core.stats.InsufficientDataException;
import org.labellens.core.stats.SetAgreementReport;
import org.labellens.core.stats.SetAgreementStudy;
import org.labellens.io.AgreementReportWriter;
import org.labellens.io.RatingsCsvReader;

/**
 * Agreement between raters: of a long-format ratings file, or of any study a caller builds (the
 * annotations of a sample, annotators against the classifier). The statistics live in {@code
 * core.stats}; this class reads, computes and renders.
 */
public final class AgreementService {
  private final RatingsCsvReader reader = new RatingsCsvReader();

  /**
   * The report of a ratings file (see {@link RatingsCsvReader} for the format).
   *
   * @param labels the declared labels in scale order, or an empty list to use the labels seen
   * @param bootstrap bootstrap replicates, 0 for none
   * @throws BadInputException if the file cannot be read, is malformed, or holds no agreement to
   *     measure (no rating, a single rater); the message names the file
   */
  public AgreementReport fromRatings(Path ratings, List<String> labels, int bootstrap, long seed) {
    return fromRatings(ratings, labels, options(bootstrap, seed, false));
  }

  /** As {@link #fromRatings(Path, List, int, long)}, with every option. */
  public AgreementReport fromRatings(Path ratings, List<String> labels, AgreementOptions options) {
    if (options.ordinal() && (labels == null || labels.isEmpty())) {
      throw new BadInputException(
          "an ordinal scale needs its order: give the labels in order with --labels");
    }
    AgreementStudy<String> study = reader.read(ratings, labels);
    try {
      return analyze(study, options);
    } catch (InsufficientDataException e) {
      throw new BadInputException(ratings + ": " + e.getMessage(), e);
    }
  }

  /**
   * The report of a study built by the caller: the seam for agreement within a sample.
   *
   * @throws InsufficientDataException if the study has no rating or a single rater
   */
  public AgreementReport analyze(AgreementStudy<?> study, AgreementOptions options) {
    return AgreementReport.compute(study, options);
  }

  /**
   * The report of a set-valued study (whole sets and every label).
   *
   * @throws InsufficientDataException if the study has no rating or a single rater
   */
  public SetAgreementReport analyze(SetAgreementStudy<?> study, AgreementOptions options) {
    return SetAgreementReport.compute(study, options);
  }

  /** Validated options; bad values are the user's to fix. */
  public static AgreementOptions options(int bootstrap, long seed, boolean ordinal) {
    ValidationService.checkBootstrap(bootstrap);
    return new AgreementOptions(bootstrap, seed, ordinal);
  }

  /** The report as text in {@code format}. */
  public String render(AgreementReport report, ReportFormat format) {
    return AgreementReportWriter.write(report, format);
  }

  /** The set-valued report as text in {@code format}. */
  public String render(SetAgreementReport report, ReportFormat format) {
    return AgreementReportWriter.write(report, format);
  }
}
