package org.labellens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.stats.PercentileBootstrap;
import org.labellens.service.Project;
import org.labellens.service.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate}: the classifier against a sample's gold, design-weighted. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Classifier against gold in a sample: per-category precision, recall and F1"
          + " (design-weighted, with stratified bootstrap 95%% intervals), the co-occurrence of"
          + " predicted and gold categories, the estimated true share of each category overall"
          + " and per framework beside the classifier's raw share, and keyword diagnostics.",
      "Gold: the adjudicated value, else the annotators' unanimous value, else the strict"
          + " majority; ties are listed as unresolved. See docs/validation.md."
    })
final class ValidateCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("table", "json", "markdown", "latex");

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--run",
      paramLabel = "R",
      description = "The classifier run to validate (default: the sample's run).")
  String run;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      defaultValue = "" + PercentileBootstrap.DEFAULT_REPLICATES,
      description =
          "Bootstrap replicates for the 95%% intervals, 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + PercentileBootstrap.DEFAULT_SEED,
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, markdown or latex (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    ReportFormat f =
        ReportFormat.valueOf(OutputFormat.check(spec, format, FORMATS).toUpperCase(Locale.ROOT));
    ValidationReport report;
    try (Project p = Project.open(project.db())) {
      report = p.validation().validate(sample, run, bootstrap, seed);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(Reports.render(report, f));
    out.flush();
    return 0;
  }
}
