package org.labellens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labellens.core.stats.PercentileBootstrap;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: the full report of a sample as Markdown, HTML (with charts) or LaTeX. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the full report of a sample: the sample in one citable sentence, agreement,"
          + " classifier validation (design-weighted), estimated shares, keyword diagnostics and"
          + " unresolved items. The format follows the extension: .md, .html (with inline SVG"
          + " charts) or .tex (booktabs). The same project and seed give the same bytes."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "FILE.md, FILE.html or FILE.tex.")
  Path out;

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

  @Override
  public Integer call() {
    try (Project p = Project.open(project.db())) {
      p.report().write(sample, run, out, bootstrap, seed);
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
