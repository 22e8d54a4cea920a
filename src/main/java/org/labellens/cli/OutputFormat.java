package org.labellens.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks a {@code --format} value against what a command accepts. */
final class OutputFormat {
  private OutputFormat() {}

  static String check(CommandSpec spec, String format, List<String> allowed) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!allowed.contains(f)) {
      throw new ParameterException(
          spec.commandLine(),
          "--format " + format + " is not one of " + String.join(", ", allowed));
    }
    return f;
  }
}
