package org.labellens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.service.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: a sample's validated labels as CSV, JSONL, JSON or Label Studio tasks. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a sample's labels, one record per sampled issue: the classifier's values, the gold"
          + " (with its source) and each annotator's decisions. The file is written to a"
          + " temporary sibling and moved into place, so a failed export leaves nothing behind.",
      "csv: UTF-8 with a header; sets as labels separated by ';', the empty set as (none); cells"
          + " starting with = + - @ tab or CR are prefixed with ' against formula injection."
          + " labelstudio: Label Studio's task import JSON (data, annotations, predictions)."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "csv, jsonl, json or labelstudio.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Mixin NoClobberOption output;

  @Option(
      names = "--gold-only",
      description =
          "Only issues with gold on every decided dimension, and only their gold (no decisions).")
  boolean goldOnly;

  @Override
  public Integer call() {
    ExportService.Summary s =
        project.with(p -> p.export().export(sample, format, out, goldOnly, output.noClobber()));
    spec.commandLine()
        .getOut()
        .printf(
            "wrote %s to %s (%s%s)%n",
            Counts.of(s.issues(), "issue"),
            s.file(),
            s.format(),
            s.goldOnly() ? ", gold only" : "");
    return 0;
  }
}
