package org.labellens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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

  @Mixin NoClobberOption output;

  @Option(
      names = "--run",
      paramLabel = "R",
      description = "The classifier run to validate (default: the sample's run).")
  String run;

  @Mixin BootstrapOptions bootstrap;

  @Override
  public Integer call() {
    int replicates = bootstrap.replicates();
    try (Project p = Project.open(project.db())) {
      p.report().write(sample, run, out, replicates, bootstrap.seed(), output.noClobber());
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
