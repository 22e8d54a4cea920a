package org.labellens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.io.JsonOutput;
import org.labellens.service.DemoService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: builds the synthetic demo project. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Builds the demo project: synthetic issues across vLLM, llama.cpp and SGLang.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      defaultValue = "annotations/demo.db",
      description = "Where to build it (default: ${DEFAULT-VALUE}).")
  Path db;

  @Mixin JsonFormatOption format;

  @Override
  public Integer call() {
    boolean json = format.json();
    DemoService.DemoResult r;
    try (TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      r = DemoService.build(db, progress);
    }
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("db", r.file().toString());
      out.put("issues", r.imported().total());
      out.put("by_framework", r.imported().byFramework());
      spec.commandLine().getOut().println(JsonOutput.pretty(out));
    } else {
      spec.commandLine()
          .getOut()
          .printf(
              "demo project %s: %d synthetic issues %s%n",
              r.file(), r.imported().total(), r.imported().byFramework());
    }
    return 0;
  }
}
