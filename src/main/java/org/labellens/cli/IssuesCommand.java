package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueQuery;
import org.labellens.core.model.Prediction;
import org.labellens.core.report.CsvCells;
import org.labellens.io.JsonOutput;
import org.labellens.service.IssueService;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code issues}: lists issues, with a run's predicted labels and the evidence for each. */
@Command(
    name = "issues",
    mixinStandardHelpOptions = true,
    description = {
      "Lists issues with their predicted labels and the evidence for each.",
      "--where filters: FIELD OP VALUE [and …]; fields framework, repo, number, state, title, body,"
          + " author, label, created_at, closed_at, text (full-text words), predicted, primary;"
          + " operators = != ~ (contains) < <= > >=.",
      "Example: --where 'framework = vLLM and label = bug and text ~ \"out of memory\"'"
    })
final class IssuesCommand implements Callable<Integer> {
  private static final List<String> FORMATS = List.of("table", "jsonl", "json", "csv");

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = "--run",
      paramLabel = "NAME",
      description = "Show this classifier run's predictions and evidence.")
  String run;

  @Option(names = "--where", paramLabel = "EXPR", description = "Filter expression (see above).")
  String where;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, jsonl, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    String f = OutputFormat.check(spec, format, FORMATS);
    IssueQuery query = IssueQuery.parse(where);
    PrintWriter out = spec.commandLine().getOut();
    try (Project p = Project.open(project.db())) {
      switch (f) {
        case "jsonl" ->
            p.issues()
                .list(
                    query,
                    run,
                    row -> {
                      JsonOutput.line(out, json(row));
                      out.println();
                    });
        case "json" -> {
          List<Object> all = new ArrayList<>();
          p.issues().list(query, run, row -> all.add(json(row)));
          out.println(JsonOutput.pretty(all));
        }
        case "csv" -> {
          out.println(
              "repo,number,framework,title,labels,state,url"
                  + (run == null ? "" : ",predicted,primary"));
          p.issues().list(query, run, row -> out.println(csv(row)));
        }
        default -> table(p, query, out);
      }
    }
    out.flush();
    return 0;
  }

  private void table(Project p, IssueQuery query, PrintWriter out) {
    int[] count = {0};
    p.issues()
        .list(
            query,
            run,
            row -> {
              Issue i = row.issue();
              count[0]++;
              out.printf(
                  "%-10s %-28s %-6s %s%n",
                  i.framework(),
                  i.repo() + "#" + i.number(),
                  i.state() == null ? "" : i.state(),
                  truncate(i.title(), 90));
              if (!i.labels().isEmpty()) {
                out.println("           labels: " + String.join(", ", i.labels()));
              }
              row.prediction()
                  .ifPresent(
                      pr -> {
                        out.println(
                            "           predicted: "
                                + String.join(", ", pr.labels().getOrDefault("category", List.of()))
                                + " (primary "
                                + pr.primary()
                                + ")");
                        for (Evidence e : pr.evidence()) {
                          out.printf(
                              "             %s <- \"%s\" in %s at %d (%d×)%n",
                              e.label(), e.keyword(), e.field(), e.start(), e.hits());
                        }
                      });
            });
    out.println(Counts.of(count[0], "issue"));
  }

  private static Map<String, Object> json(IssueService.IssueRow row) {
    Issue i = row.issue();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", i.repo());
    m.put("number", i.number());
    m.put("framework", i.framework());
    m.put("title", i.title());
    m.put("body", i.body());
    m.put("labels", i.labels());
    m.put("state", i.state());
    m.put("url", i.url());
    m.put("created_at", i.createdAt());
    m.put("closed_at", i.closedAt());
    if (row.prediction().isPresent()) {
      Prediction pr = row.prediction().get();
      Map<String, Object> predicted = new LinkedHashMap<>();
      pr.labels()
          .forEach(
              (dim, labels) ->
                  predicted.put(
                      dim, "category".equals(dim) || labels.size() != 1 ? labels : labels.get(0)));
      m.put("predicted", predicted);
      m.put("primary", pr.primary());
      List<Map<String, Object>> evidence = new ArrayList<>();
      for (Evidence e : pr.evidence()) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("dimension", e.dimension());
        ev.put("label", e.label());
        ev.put("keyword", e.keyword());
        ev.put("field", e.field());
        ev.put("start", e.start());
        ev.put("end", e.end());
        ev.put("hits", e.hits());
        evidence.add(ev);
      }
      m.put("evidence", evidence);
    }
    return m;
  }

  private String csv(IssueService.IssueRow row) {
    Issue i = row.issue();
    StringBuilder sb = new StringBuilder();
    sb.append(CsvCells.field(i.repo())).append(',').append(i.number()).append(',');
    sb.append(CsvCells.field(i.framework()))
        .append(',')
        .append(CsvCells.field(i.title()))
        .append(',');
    sb.append(CsvCells.field(String.join(";", i.labels()))).append(',');
    sb.append(CsvCells.field(i.state())).append(',').append(CsvCells.field(i.url()));
    if (run != null) {
      List<String> cats =
          row.prediction()
              .map(pr -> pr.labels().getOrDefault("category", List.of()))
              .orElse(List.of());
      sb.append(',').append(CsvCells.field(String.join(";", cats)));
      sb.append(',').append(CsvCells.field(row.prediction().map(Prediction::primary).orElse("")));
    }
    return sb.toString();
  }

  private static String truncate(String s, int max) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
