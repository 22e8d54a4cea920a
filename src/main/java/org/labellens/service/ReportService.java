package org.labellens.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.report.Doc;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.review.SampleDescription;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.io.AtomicFile;
import org.labellens.io.SampleAgreementWriter;
import org.labellens.io.ValidationReportWriter;
import org.labellens.store.Repositories;

/**
 * The full report of a sample for a paper: how the sample was drawn (one citable sentence and the
 * strata), annotation progress, agreement, classifier validation (design-weighted, with charts in
 * HTML), estimated shares, keyword diagnostics and unresolved items; Markdown, HTML or LaTeX. It is
 * read in one transaction, depends on nothing but the project and the seed (no clock), and is
 * written atomically.
 */
public final class ReportService {
  private final Repositories repos;
  private final AnnotationService.SchemeSource schemes;

  public ReportService(Repositories repos, AnnotationService.SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /** The report's format, from the output file's extension. */
  public static Doc.Format formatOf(Path out) {
    String name = out.getFileName() == null ? "" : out.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
      return Doc.Format.MARKDOWN;
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return Doc.Format.HTML;
    }
    if (lower.endsWith(".tex")) {
      return Doc.Format.LATEX;
    }
    throw new BadInputException(
        out + ": the report's format comes from the extension: use .md, .html or .tex");
  }

  /** The report as a document. */
  public Doc document(String sample, String run, int bootstrap, long seed, boolean charts) {
    ValidationService.checkBootstrap(bootstrap);
    return repos.read(
        tx -> {
          SampleSnapshot s = SampleSnapshot.read(repos, tx, sample, run, false, schemes);
          List<AnnotatorProgress> progress = repos.samples().progress(tx, s.info.id());
          // agreement needs only the snapshot: it is computed while validation runs
          CompletableFuture<SampleAgreement> agreed =
              CompletableFuture.supplyAsync(
                  () -> SampleAgreementService.compute(s, null, bootstrap, seed));
          ValidationReport validation =
              s.run == null ? null : ValidationService.validate(repos, tx, s, bootstrap, seed);
          SampleAgreement agreement;
          try {
            agreement = agreed.join();
          } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
          }
          Doc doc =
              new Doc(
                  "Validation report: sample "
                      + s.info.name()
                      + (s.provenance.anySimulated() ? " (SIMULATED decisions)" : ""));
          if (s.provenance.anySimulated()) {
            doc.paragraph(s.provenance.banner() + ".");
          }
          doc.heading(1, "Sample");
          doc.paragraph(
              SampleDescription.sentence(
                  s.info,
                  s.strata,
                  s.overlapItems,
                  ValidationService.assigned(repos, tx, s.info.id(), s.annotators)));
          Doc.TableBuilder strata =
              new Doc.TableBuilder(
                  "Strata: population N_h, sample size n_h, inclusion probability n_h/N_h, design"
                      + " weight N_h/n_h");
          strata.text("Stratum").number("N_h").number("n_h").number("n_h/N_h").number("N_h/n_h");
          for (SampleDraw.Stratum st : s.strata) {
            strata.row(
                st.key().label(),
                Long.toString(st.population()),
                Integer.toString(st.size()),
                String.format(Locale.ROOT, "%.4f", st.inclusionProbability()),
                st.size() == 0
                    ? "—"
                    : String.format(Locale.ROOT, "%.2f", (double) st.population() / st.size()));
          }
          doc.add(strata.build());
          Doc.TableBuilder p =
              new Doc.TableBuilder("Annotation progress (items decided in the revealed phase)");
          p.text("Annotator").number("Decided").number("Assigned").number("Skipped");
          for (AnnotatorProgress a : progress) {
            p.row(
                a.annotator(),
                Integer.toString(a.decided()),
                Integer.toString(a.assigned()),
                Integer.toString(a.skipped()));
          }
          if (!p.isEmpty()) {
            doc.add(p.build());
          }
          doc.heading(1, "Agreement");
          SampleAgreementWriter.blocks(agreement, doc, charts);
          doc.heading(1, "Classifier validation");
          if (validation == null) {
            doc.paragraph(
                "The sample was drawn without a classifier run and none was named: no validation.");
          } else {
            ValidationReportWriter.blocks(validation, doc, charts, 40);
          }
          doc.heading(1, "Method");
          doc.paragraph(
              "Gold: for each item and dimension, the lead's adjudicated value; else the value all"
                  + " annotators gave; else the value more than half of them gave (for sets, label"
                  + " by label). Each annotator counts once, with the latest phase (revealed over"
                  + " blind). Items where annotators tie have no gold and are listed.");
          doc.paragraph(
              "Weights: each judged item of stratum h stands for N_h/m_h population items (m_h:"
                  + " the stratum's items with gold; N_h/n_h when all are judged). Precision,"
                  + " recall, F1 and shares are ratios of weighted sums; 95% CIs: "
                  + ValidationReportWriter.CI_METHOD
                  + ". Unweighted figures describe the sampled items only.");
          doc.paragraph(
              "References: Cochran (1977) Sampling Techniques; Rao & Wu (1988) JASA 83:231-241;"
                  + " Wilson (1927) JASA 22:209-212; Krippendorff (2011); Passonneau (2006)"
                  + " LREC. Definitions: docs/validation.md and docs/agreement.md of LabelLens.");
          return doc;
        });
  }

  /** Writes the report to {@code out} (format from its extension). */
  public Path write(String sample, String run, Path out, int bootstrap, long seed) {
    return write(sample, run, out, bootstrap, seed, false);
  }

  /** Writes the report; with {@code noClobber}, refuses an existing file. */
  public Path write(
      String sample, String run, Path out, int bootstrap, long seed, boolean noClobber) {
    Doc.Format format = formatOf(out);
    Doc doc = document(sample, run, bootstrap, seed, format == Doc.Format.HTML);
    String text = doc.render(format, true);
    AtomicFile.write(out, noClobber, w -> w.write(text));
    return out;
  }
}
