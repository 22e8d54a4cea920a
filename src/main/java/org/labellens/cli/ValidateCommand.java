package org.labellens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.review.ValidationReport;
import org.labellens.service.ValidationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin ValidationOptions validated;

  @Mixin BootstrapOptions bootstrap;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    ReportFormat f = format.format();
    int replicates = bootstrap.replicates();
    ValidationReport report =
        project.with(
            p ->
                p.validation()
                    .validate(validated.sample, validated.run, replicates, bootstrap.seed()));
    PrintWriter out = spec.commandLine().getOut();
    out.print(ValidationService.render(report, f));
    out.flush();
    return 0;
  }
}
