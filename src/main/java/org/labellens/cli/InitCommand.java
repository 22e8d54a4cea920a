package org.labellens.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.io.JsonOutput;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code init}: creates a project database from the schema. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Creates a new project database from schema.sql. Never overwrites a file.")
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Mixin JsonFormatOption format;

  @Override
  public Integer call() {
    boolean json = format.json();
    try (Project p = Project.create(project.db())) {
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("db", p.file().toString());
        out.put("schema_version", p.schemaVersion());
        spec.commandLine().getOut().println(JsonOutput.pretty(out));
      } else {
        spec.commandLine()
            .getOut()
            .println("created " + p.file() + " (schema version " + p.schemaVersion() + ")");
      }
    }
    return 0;
  }
}
