package org.labellens.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --format} option of the commands that print a summary for people, or JSON. */
final class JsonFormatOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  /** Whether JSON was asked for; any other value than table or json is a usage error. */
  boolean json() {
    return OutputFormat.check(spec, format, List.of("table", "json")).equals("json");
  }
}
