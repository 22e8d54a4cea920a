package org.labellens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option every command takes. */
public final class ProjectOptions {
  public static final Path DEFAULT_DB = Path.of("annotations", "labellens.db");

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "Project database (default: ${DEFAULT-VALUE}).",
      defaultValue = "annotations/labellens.db")
  Path db = DEFAULT_DB;

  public Path db() {
    return db;
  }
}
