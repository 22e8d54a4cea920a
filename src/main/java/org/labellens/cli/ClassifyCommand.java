package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.report.TextTable;
import org.labellens.service.Cancellation;
import org.labellens.service.ClassifyResult;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code classify}: runs the keyword classifier over every issue and stores the run. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the keyword classifier over all issues, stores the run (with the exact taxonomy and"
          + " the evidence of every label) and prints the distribution per framework.",
      "Built-in taxonomies: study-v1 (the study's rules, exactly), llm-serving-v2 (whole words,"
          + " fields weighed, logs and environment dumps apart)."
    })
final class ClassifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE|NAME",
      description = "A taxonomy file, or study-v1 or llm-serving-v2 (default: study-v1).")
  String taxonomy;

  @Option(
      names = "--run",
      paramLabel = "NAME",
      description = "Name of the run (default: the taxonomy's name, then NAME-2, NAME-3, ...).")
  String run;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    format.key(); // a wrong --format is refused before any work
    ClassifyResult result;
    try (Project p = Project.open(project.db());
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      result = p.classifier().classify(taxonomy, run, progress, new Cancellation());
    }
    format.print(
        spec.commandLine().getOut(), () -> json(result), (out, t) -> print(out, result, t));
    return 0;
  }

  private static Map<String, Object> json(ClassifyResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", result.run());
    json.put("taxonomy", result.taxonomy());
    json.put("taxonomy_hash", result.taxonomyHash());
    json.put("taxonomy_source", result.source());
    json.put("total", result.total());
    json.put("categories", result.categories());
    json.put("by_framework", result.byFramework());
    json.put("all", result.all());
    return json;
  }

  private static void print(PrintWriter out, ClassifyResult result, String f) {
    out.printf(
        "run '%s': %s classified with %s (taxonomy %s, %s)%n",
        result.run(),
        Counts.of(result.total(), "issue"),
        result.taxonomy(),
        result.taxonomyHash().substring(0, 12),
        result.source());
    out.print(table(result).render(f));
    out.println();
    out.println(
        "Counts of issues per category (an issue may have several), share of the framework's"
            + " issues in brackets; "
            + fallback(result)
            + ": no category.");
  }

  private static String fallback(ClassifyResult result) {
    return result.categories().get(result.categories().size() - 1);
  }

  static TextTable table(ClassifyResult result) {
    List<String> header = new ArrayList<>();
    header.add("framework");
    header.add("issues");
    header.addAll(result.categories());
    TextTable table = new TextTable(header.toArray(new String[0]));
    result.byFramework().forEach((fw, row) -> table.row(cells(fw, row, result).toArray()));
    if (result.byFramework().size() > 1) {
      table.row(cells("all", result.all(), result).toArray());
    }
    return table;
  }

  private static List<Object> cells(String name, Map<String, Integer> row, ClassifyResult r) {
    List<Object> cells = new ArrayList<>();
    cells.add(name);
    int issues = row.get("issues");
    cells.add(issues);
    for (String c : r.categories()) {
      int k = row.getOrDefault(c, 0);
      cells.add(
          issues == 0 ? "0" : k + String.format(Locale.ROOT, " (%.1f%%)", 100.0 * k / issues));
    }
    return cells;
  }
}
