package org.labellens.cli;

import picocli.CommandLine.Option;

/** Which sample's gold a run is validated against, and which run: for validate and report. */
final class ValidationOptions {
  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--run",
      paramLabel = "R",
      description = "The classifier run to validate (default: the sample's run).")
  String run;
}
