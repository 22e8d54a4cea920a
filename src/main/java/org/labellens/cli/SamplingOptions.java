package org.labellens.cli;

import picocli.CommandLine.Option;

/**
 * What a sample is drawn from and how it is stratified: the options {@code sample} and {@code
 * sample plan} share, so that a plan is made for exactly the sample it describes.
 */
final class SamplingOptions {
  @Option(
      names = "--confidence",
      paramLabel = "C",
      description = "Confidence level for --margin (default: 0.95).")
  Double confidence;

  @Option(
      names = "--run",
      paramLabel = "R",
      description = "Classifier run: needed for --strata predicted and --frame production.")
  String run;

  @Option(
      names = "--frame",
      paramLabel = "F",
      description = "all, production or bug-perf (default: all).")
  String frame;

  @Option(
      names = "--strata",
      paramLabel = "KEYS",
      description = "framework, predicted, framework,predicted or none (default: none).")
  String strata;

  @Option(
      names = "--min-per-stratum",
      paramLabel = "K",
      description =
          "At least K items per stratum, never more than the stratum has (default: 2, since a"
              + " stratum with one item gives no variance estimate; 0 or 1 only if asked).")
  Integer minPerStratum;
}
