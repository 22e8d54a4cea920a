package org.labellens.cli;

import java.util.List;
import java.util.Locale;
import org.labellens.core.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --format} option of the commands that print statistical tables. */
final class TableFormatOption {
  static final List<String> FORMATS = List.of("table", "json", "markdown", "latex");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, markdown or latex (default: ${DEFAULT-VALUE}).")
  String format;

  /** The chosen format, refused as a usage error when it is not one of {@link #FORMATS}. */
  ReportFormat format() {
    return ReportFormat.valueOf(OutputFormat.check(spec, format, FORMATS).toUpperCase(Locale.ROOT));
  }
}
