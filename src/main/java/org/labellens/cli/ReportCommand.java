package org.labellens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
  @Mixin ValidationOptions validated;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "FILE.md, FILE.html or FILE.tex.")
  Path out;

  @Mixin NoClobberOption output;

  @Mixin BootstrapOptions bootstrap;

  @Override
  public Integer call() {
    int replicates = bootstrap.replicates();
    project.with(
        p ->
            p.report()
                .write(
                    validated.sample,
                    validated.run,
                    out,
                    replicates,
                    bootstrap.seed(),
                    output.noClobber()));
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
