package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.report.TextTable;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.io.JsonOutput;
import org.labellens.service.Project;
import org.labellens.service.SampleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code samples}: lists samples with their strata and each annotator's progress. */
@Command(
    name = "samples",
    mixinStandardHelpOptions = true,
    description =
        "Lists samples: how each was drawn, its strata (population, size, inclusion probability)"
            + " and each annotator's progress (decided/assigned).")
final class SamplesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, json, markdown or latex (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    String f = OutputFormat.check(spec, format, SampleCommand.FORMATS);
    List<SampleReport> samples;
    try (Project p = Project.open(project.db())) {
      samples = p.samples().list();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (f.equals("json")) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (SampleReport r : samples) {
        Map<String, Object> m = SampleCommand.description(r);
        m.put("strata", SampleCommand.strata(r));
        List<Map<String, Object>> progress = new ArrayList<>();
        for (AnnotatorProgress a : r.annotators()) {
          Map<String, Object> am = new LinkedHashMap<>();
          am.put("annotator", a.annotator());
          am.put("assigned", a.assigned());
          am.put("decided", a.decided());
          am.put("skipped", a.skipped());
          am.put("pending", a.pending());
          progress.add(am);
        }
        m.put("annotators", progress);
        all.add(m);
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("samples", all);
      out.println(JsonOutput.pretty(doc));
      return 0;
    }
    if (samples.isEmpty()) {
      out.println("no samples yet (draw one with: labellens sample --name S --size N)");
      return 0;
    }
    for (SampleReport r : samples) {
      SampleInfo s = r.sample();
      out.printf(
          "%s: %d of %d issues; frame %s; strata %s; %s%s; seed %d; overlap %s (%d items)%s;"
              + " drawn %s%n",
          s.name(),
          s.size(),
          r.population(),
          s.frame().key(),
          s.strataBy().isEmpty() ? "none" : String.join(" × ", s.strataBy()),
          s.run() == null ? "" : "run " + s.run() + "; ",
          s.allocation().key(),
          s.seed(),
          SampleCommand.plain(s.overlap()),
          r.overlapItems(),
          s.blindFirst() ? "; blind-first" : "",
          s.createdAt());
      out.print(SampleCommand.strataTable(r).render(f));
      if (!r.annotators().isEmpty()) {
        TextTable t = new TextTable("annotator", "decided", "assigned", "skipped", "pending");
        for (AnnotatorProgress a : r.annotators()) {
          t.row(
              a.annotator(),
              a.decided() + "/" + a.assigned(),
              a.assigned(),
              a.skipped(),
              a.pending());
        }
        out.print(t.render(f));
      }
      for (String w : r.warnings()) {
        out.println("warning: " + w);
      }
      out.println();
    }
    return 0;
  }
}
