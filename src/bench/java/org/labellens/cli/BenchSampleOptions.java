package org.labellens.cli;

import picocli.CommandLine.Option;

/**
 * The sample drawn in a generated project and its bootstrap, shared by the benchmarks using one.
 */
final class BenchSampleOptions {
  @Option(
      names = "--sample-size",
      defaultValue = "2000",
      description = "Sample size (default: ${DEFAULT-VALUE}).")
  int sampleSize;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
  int bootstrap;
}
