package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.model.RunInfo;
import org.labellens.core.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code runs}: lists the classifier runs of the project. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists classifier runs: keyword runs (with the taxonomy name@version and its content hash)"
          + " and imported outside labels.",
      "A run is never overwritten; 'runs delete NAME' removes one no sample depends on."
    },
    subcommands = {RunsCommand.Delete.class})
final class RunsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    format.key(); // a wrong --format is refused before any work
    List<RunInfo> runs = project.with(p -> p.issues().runs());
    format.print(spec.commandLine().getOut(), () -> json(runs), (out, f) -> print(out, runs, f));
    return 0;
  }

  private static Map<String, Object> json(List<RunInfo> runs) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (RunInfo r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.name());
      m.put("kind", r.kind());
      m.put("taxonomy", r.taxonomy());
      m.put("taxonomy_hash", r.taxonomyHash());
      m.put("source", r.source());
      m.put("created_at", r.createdAt());
      m.put("issues", r.issueCount());
      list.add(m);
    }
    return Map.of("runs", list);
  }

  private static void print(PrintWriter out, List<RunInfo> runs, String f) {
    if (runs.isEmpty()) {
      out.println("no classifier runs yet (see: labellens classify --help)");
      return;
    }
    TextTable table = new TextTable("run", "kind", "taxonomy", "hash", "created", "issues");
    for (RunInfo r : runs) {
      table.row(
          r.name(),
          r.kind(),
          r.taxonomy() == null ? "-" : r.taxonomy(),
          r.taxonomyHash() == null ? "-" : r.taxonomyHash().substring(0, 12),
          r.createdAt(),
          r.issueCount());
    }
    out.print(table.render(f));
  }

  /** {@code runs delete NAME}: deletes a run no sample depends on. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Deletes a classifier run with its predictions and evidence, in one transaction.",
        "Refused while a sample was drawn over the run (the sample keeps the labels it was drawn"
            + " from)."
      })
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "NAME", description = "The run.")
    String name;

    @Override
    public Integer call() {
      org.labellens.service.IssueService.DeletedRun d =
          project.with(p -> p.issues().deleteRun(name));
      spec.commandLine()
          .getOut()
          .println(
              "deleted run '"
                  + d.name()
                  + "' ("
                  + d.kind()
                  + "): "
                  + Counts.of(d.items(), "issue")
                  + ", "
                  + Counts.of(d.predictions(), "prediction")
                  + ", "
                  + Counts.of(d.evidence(), "evidence row"));
      return 0;
    }
  }
}
