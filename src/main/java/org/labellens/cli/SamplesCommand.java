package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.report.TextTable;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.service.SampleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    format.key(); // a wrong --format is refused before any work
    List<SampleReport> samples = project.with(p -> p.samples().list());
    format.print(
        spec.commandLine().getOut(), () -> json(samples), (out, f) -> print(out, samples, f));
    return 0;
  }

  private static Map<String, Object> json(List<SampleReport> samples) {
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
    return Map.of("samples", all);
  }

  private static void print(PrintWriter out, List<SampleReport> samples, String f) {
    if (samples.isEmpty()) {
      out.println("no samples yet (draw one with: labellens sample --name S --size N)");
      return;
    }
    for (SampleReport r : samples) {
      SampleInfo s = r.sample();
      out.printf(
          "%s: %d of %s; %s; overlap %s (%s)%s; drawn %s%n",
          s.name(),
          s.size(),
          Counts.of(r.population(), "issue"),
          SampleCommand.design(s),
          SampleCommand.plain(s.overlap()),
          Counts.of(r.overlapItems(), "item"),
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
  }
}
