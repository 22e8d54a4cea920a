package org.labellens.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.labellens.service.Project;
import picocli.CommandLine.Option;

/** The {@code --db} option every command takes. */
public final class ProjectOptions {
  public static final Path DEFAULT_DB = Path.of("annotations", "labellens.db");

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description =
          "Project file (default: the environment variable LABELLENS_DB, else"
              + " annotations/labellens.db; now ${DEFAULT-VALUE}).",
      defaultValue = "${env:LABELLENS_DB:-annotations/labellens.db}")
  Path db = DEFAULT_DB;

  public Path db() {
    return db;
  }

  /** Opens the project, does {@code work} with it and closes it, also when the work fails. */
  public <T> T with(Function<Project, T> work) {
    try (Project p = Project.open(db)) {
      return work.apply(p);
    }
  }
}
