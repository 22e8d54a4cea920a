package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.report.TextTable;
import org.labellens.service.PlanRequest;
import org.labellens.service.SamplePlan;
import org.labellens.service.SampleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample plan}: sample sizes for a margin, and the overlap for a κ interval. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Plans sample sizes without drawing.",
      "--margin E: Cochran's size for a proportion (p = 0.5, finite-population correction,"
          + " rounded up) in every stratum of the frame, and in total.",
      "--kappa K --prevalence P --kappa-half-width W: the items two annotators must share for the"
          + " confidence interval of Cohen's kappa to be ±W (Bloch & Kraemer 1989), and the"
          + " overlap share that gives them for the planned size.",
      "--population N plans for a population of N issues without a project."
    })
final class SamplePlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin SamplingOptions sampling;

  @Option(names = "--margin", paramLabel = "E", description = "Margin of error (e.g. 0.05).")
  Double margin;

  @Option(
      names = "--population",
      paramLabel = "N",
      description = "Plan for N issues instead of a project's frame.")
  Long population;

  @Option(names = "--kappa", paramLabel = "K", description = "Expected Cohen's kappa.")
  Double kappa;

  @Option(
      names = "--prevalence",
      paramLabel = "P",
      description = "Expected share of items with the label (e.g. 0.3).")
  Double prevalence;

  @Option(
      names = "--kappa-half-width",
      paramLabel = "W",
      description = "Wanted half-width of kappa's confidence interval (e.g. 0.1).")
  Double kappaHalfWidth;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "Planned sample size, to express the overlap as a share.")
  Integer size;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    format.key(); // a wrong --format is refused before any work
    PlanRequest request =
        new PlanRequest(
            margin,
            sampling.confidence,
            sampling.run,
            sampling.frame,
            sampling.strata,
            sampling.minPerStratum,
            population,
            kappa,
            prevalence,
            kappaHalfWidth,
            size);
    SamplePlan plan;
    if (population != null) {
      if (sampling.run != null || sampling.frame != null || sampling.strata != null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--population plans without a project: drop --run/--frame/--strata");
      }
      plan = SamplePlan.forPopulation(population, request);
    } else {
      plan = project.with(p -> p.samples().plan(request));
    }
    SamplePlan planned = plan;
    format.print(
        spec.commandLine().getOut(), () -> json(planned), (out, t) -> print(out, planned, t));
    return 0;
  }

  private static Map<String, Object> json(SamplePlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("confidence", plan.confidence());
    m.put("z", plan.z());
    m.put("population", plan.population());
    if (plan.margin() != null) {
      m.put("margin", plan.margin());
      List<Map<String, Object>> strata = new ArrayList<>();
      for (SamplePlan.Stratum s : plan.strata()) {
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("key", s.key().asMap());
        sm.put("population", s.population());
        sm.put("size", s.size());
        sm.put("inclusion_probability", (double) s.size() / s.population());
        strata.add(sm);
      }
      m.put("strata", strata);
      m.put("total", plan.total());
      m.put("unstratified", plan.unstratified());
    }
    m.put("notes", notes(plan));
    if (plan.kappa() != null) {
      SamplePlan.Kappa k = plan.kappa();
      Map<String, Object> km = new LinkedHashMap<>();
      km.put("kappa", k.kappa());
      km.put("prevalence", k.prevalence());
      km.put("half_width", k.halfWidth());
      km.put("items", k.items());
      km.put("standard_error", k.standardError());
      km.put("sample_size", k.sampleSize());
      km.put("overlap", k.overlapShare());
      km.put("method", "Bloch & Kraemer (1989) large-sample variance, equal marginals");
      m.put("kappa", km);
    }
    return m;
  }

  /** The census note when the margin asks for the whole frame (docs/sampling.md). */
  private static List<String> notes(SamplePlan plan) {
    if (plan.margin() != null && plan.total() != null && plan.total() == plan.population()) {
      return List.of(SampleReport.censusNote(plan.margin(), plan.population()));
    }
    return List.of();
  }

  private static void print(PrintWriter out, SamplePlan plan, String format) {
    String conf = String.format(Locale.ROOT, "%s %%", SampleCommand.plain(plan.confidence() * 100));
    if (plan.margin() != null) {
      out.printf(
          Locale.ROOT,
          "margin ±%s at %s confidence (z = %.9f), p = 0.5, finite-population correction,"
              + " rounded up%n",
          SampleCommand.plain(plan.margin()),
          conf,
          plan.z());
      TextTable t = new TextTable("stratum", "population", "size", "inclusion");
      for (SamplePlan.Stratum s : plan.strata()) {
        t.row(
            s.key().label(),
            s.population(),
            s.size(),
            String.format(Locale.ROOT, "%.4f", (double) s.size() / s.population()));
      }
      t.row("total", plan.population(), plan.total(), "");
      out.print(t.render(format));
      if (plan.strata().size() > 1) {
        out.printf(
            "an unstratified sample of the whole frame (%d issues) would need %d%n",
            plan.population(), plan.unstratified());
      }
      for (String n : notes(plan)) {
        out.println("note: " + n);
      }
    }
    SamplePlan.Kappa k = plan.kappa();
    if (k != null) {
      out.printf(
          Locale.ROOT,
          "kappa: %d items shared by every pair of annotators give κ = %s ± %s at %s confidence"
              + " (prevalence %s; SE %.4f; Bloch & Kraemer 1989)%n",
          k.items(),
          SampleCommand.plain(k.kappa()),
          SampleCommand.plain(k.halfWidth()),
          conf,
          SampleCommand.plain(k.prevalence()),
          k.standardError());
      if (k.sampleSize() != null) {
        if (k.overlapShare() != null) {
          out.printf(
              "for a sample of %d: --overlap %s (at least %d items)%n",
              k.sampleSize(), k.overlapShare().toPlainString(), k.items());
        } else {
          out.printf(
              "a sample of %d is too small: it needs at least %d items in the overlap%n",
              k.sampleSize(), k.items());
        }
      }
    }
  }
}
