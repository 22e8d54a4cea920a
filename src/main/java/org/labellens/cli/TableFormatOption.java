package org.labellens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.labellens.core.report.ReportFormat;
import org.labellens.io.JsonOutput;
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
    return ReportFormat.valueOf(key().toUpperCase(Locale.ROOT));
  }

  /**
   * Prints a command's result: {@code json}'s tree as one JSON document for machines, or what
   * {@code people} writes in the chosen table format ({@code table}, {@code markdown}, {@code
   * latex}).
   */
  void print(PrintWriter out, Supplier<?> json, BiConsumer<PrintWriter, String> people) {
    String f = key();
    if (f.equals("json")) {
      out.println(JsonOutput.pretty(json.get()));
    } else {
      people.accept(out, f);
    }
  }

  /** The chosen format's name in lower case ({@code table}, {@code json}, …), checked. */
  String key() {
    return OutputFormat.check(spec, format, FORMATS);
  }
}
