package org.labellens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.service.AgreementService;
import org.labellens.service.SampleAgreementService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code agreement --ratings FILE.csv}: every agreement coefficient of a long-format ratings file,
 * with bootstrap intervals and the pairwise table; {@code agreement --sample S}: the agreement
 * within a sample of the project (annotators with each other and with the classifier).
 */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description = {
      "Inter-rater agreement of a ratings file: percent agreement, Cohen's kappa (with its"
          + " asymptotic SE), Scott's pi, Light's, Fleiss' and Conger's kappa, Krippendorff's"
          + " alpha, Gwet's AC1, Bennett's S, and Cohen's kappa for every pair of raters.",
      "The file is UTF-8 CSV with the header item,rater,label (or item_id,rater_id,label), one"
          + " row per rating; a missing row or an empty label is a missing rating.",
      "Intervals are percentile bootstrap intervals over items; the same seed gives the same"
          + " intervals on every machine. See docs/agreement.md for every definition.",
      "With --sample S instead: the agreement of a sample's annotators (each annotator's latest"
          + " phase), per dimension (per label and on whole sets for the set-valued category),"
          + " each annotator against the classifier, and blind against revealed."
    })
final class AgreementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = "--ratings",
      paramLabel = "FILE.csv",
      description = "Long-format ratings: item,rater,label (or item_id,rater_id,label).")
  Path ratings;

  @Option(
      names = "--sample",
      paramLabel = "S",
      description =
          "A sample of the project (--db): annotators with each other per dimension, each"
              + " annotator with the classifier, and blind against revealed.")
  String sample;

  @Option(
      names = "--dimension",
      paramLabel = "D",
      description = "With --sample: one dimension only (default: every dimension with decisions).")
  String dimension;

  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "LABEL",
      description =
          "The possible labels, in order (default: the labels seen). q, and with it AC1 and"
              + " Bennett's S, counts every declared label; a label outside them is an error.")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--ordinal",
      description =
          "The --labels order is an ordered scale: adds weighted kappa (linear, quadratic; two"
              + " raters) and ordinal alpha.")
  boolean ordinal;

  @Mixin BootstrapOptions bootstrap;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    ReportFormat f = format.format();
    int replicates = bootstrap.replicates();
    if ((ratings == null) == (sample == null)) {
      throw new ParameterException(spec.commandLine(), "give either --ratings FILE or --sample S");
    }
    if (sample != null) {
      if (!labels.isEmpty() || ordinal) {
        throw new ParameterException(
            spec.commandLine(),
            "--labels and --ordinal apply to --ratings; a sample's labels and scales come from its"
                + " taxonomy");
      }
      SampleAgreement agreement =
          project.with(
              p -> p.sampleAgreement().agreement(sample, dimension, replicates, bootstrap.seed()));
      PrintWriter out = spec.commandLine().getOut();
      out.print(SampleAgreementService.render(agreement, f));
      out.flush();
      return 0;
    }
    if (dimension != null) {
      throw new ParameterException(spec.commandLine(), "--dimension applies to --sample");
    }
    List<String> declared = declaredLabels();
    if (ordinal && declared.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--ordinal needs the scale's order: give it with --labels");
    }
    AgreementService service = new AgreementService();
    AgreementReport report =
        service.fromRatings(
            ratings, declared, new AgreementOptions(replicates, bootstrap.seed(), ordinal));
    PrintWriter out = spec.commandLine().getOut();
    out.print(service.render(report, f));
    out.flush();
    return 0;
  }

  private List<String> declaredLabels() {
    List<String> declared = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String label : labels) {
      String trimmed = label.strip();
      if (trimmed.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--labels: a label is empty");
      }
      if (!seen.add(trimmed)) {
        throw new ParameterException(
            spec.commandLine(), "--labels: '" + trimmed + "' is given twice");
      }
      declared.add(trimmed);
    }
    return declared;
  }
}
