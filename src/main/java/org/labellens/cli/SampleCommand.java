package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.report.TextTable;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.service.SampleReport;
import org.labellens.service.SampleRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sample}: draws a stratified, reproducible sample and assigns it to annotators. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    subcommands = {SamplePlanCommand.class},
    description = {
      "Draws a sample: within each stratum, issues ordered by SHA-256 of \"<seed>:<repo>#<number>\""
          + " and the first n_h taken; prints each stratum's population, size and inclusion"
          + " probability.",
      "With --annotators, the first ceil(F*n) items by hash order go to every annotator (the"
          + " overlap); the rest are dealt in turn, stratum by stratum, so counts differ by at most"
          + " one. See docs/sampling.md.",
      "To plan sizes first: labellens sample plan --help"
    })
final class SampleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;
  @Mixin SamplingOptions sampling;

  @Option(names = "--name", paramLabel = "S", description = "The sample's name (unique).")
  String name;

  /** How the size is set: a total or a margin of error, never both (picocli refuses both). */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  SizeOrMargin sizeOrMargin;

  static final class SizeOrMargin {
    @Option(names = "--size", paramLabel = "N", description = "Total sample size.")
    Integer size;

    @Option(
        names = "--margin",
        paramLabel = "E",
        description = "Margin of error per stratum (e.g. 0.05): Cochran's size in every stratum.")
    Double margin;
  }

  @Option(
      names = "--allocation",
      paramLabel = "A",
      description =
          "With --size: proportional (largest remainder) or equal (default: proportional).")
  String allocation;

  @Option(names = "--seed", paramLabel = "N", description = "Hash-order seed (default: 1).")
  Long seed;

  @Option(
      names = "--annotators",
      paramLabel = "a,b,c",
      split = ",",
      description = "Annotators to assign the sample to.")
  List<String> annotators;

  @Option(
      names = "--overlap",
      paramLabel = "F",
      description = "Share of the sample every annotator labels, in [0, 1] (default: 0).")
  String overlap;

  @Option(
      names = "--blind",
      description = "Blind-first: annotators decide before they see the classifier's labels.")
  boolean blind;

  @Mixin TableFormatOption format;

  @Override
  public Integer call() {
    format.key(); // a wrong --format is refused before any work
    // picocli checks a parent's required options even when a subcommand runs, so `sample plan`
    // would demand --name; the draw's required options are therefore checked here, when it runs.
    if (name == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--name=S'");
    }
    if (sizeOrMargin == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing required argument (specify one of these): (--size=N | --margin=E)");
    }
    SampleReport report =
        project.with(
            p ->
                p.samples()
                    .draw(
                        new SampleRequest(
                            name,
                            sizeOrMargin.size,
                            sizeOrMargin.margin,
                            sampling.confidence,
                            sampling.run,
                            sampling.frame,
                            sampling.strata,
                            allocation,
                            sampling.minPerStratum,
                            seed,
                            annotators,
                            overlap,
                            blind)));
    format.print(
        spec.commandLine().getOut(), () -> json(report), (out, t) -> print(out, report, t));
    return 0;
  }

  static Map<String, Object> json(SampleReport r) {
    Map<String, Object> m = description(r);
    m.put("strata", strata(r));
    List<Map<String, Object>> items = new ArrayList<>();
    for (SampleDraw.Item i : r.items()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("repo", i.issue().repo());
      im.put("number", i.issue().number());
      im.put("stratum", i.stratum().asMap());
      im.put("annotators", i.annotators());
      im.put("rank", i.rank());
      im.put("overlap", i.overlap());
      items.add(im);
    }
    m.put("items", items);
    m.put("assignment", assignment(r));
    m.put("parameters", r.parameters());
    m.put("warnings", r.warnings());
    m.put("notes", r.notes());
    return m;
  }

  /**
   * The keys that describe a sample, in the order the document starts with (docs/output.md,
   * "sample").
   */
  static Map<String, Object> description(SampleReport r) {
    SampleInfo s = r.sample();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("seed", s.seed());
    m.put("size", s.size());
    m.put("population", r.population());
    m.put("frame", s.frame().key());
    m.put("run", s.run());
    m.put("strata_by", s.strataBy());
    m.put("allocation", s.allocation().key());
    m.put("overlap", s.overlap());
    m.put("overlap_items", r.overlapItems());
    m.put("blind", s.blindFirst());
    m.put("created_at", s.createdAt());
    return m;
  }

  static List<Map<String, Object>> strata(SampleReport r) {
    List<Map<String, Object>> strata = new ArrayList<>();
    for (SampleDraw.Stratum st : r.strata()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("key", st.key().asMap());
      sm.put("population", st.population());
      sm.put("size", st.size());
      sm.put("inclusion_probability", st.inclusionProbability());
      sm.put("weight", st.size() == 0 ? null : (double) st.population() / st.size());
      strata.add(sm);
    }
    return strata;
  }

  private static List<Map<String, Object>> assignment(SampleReport r) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AnnotatorProgress p : r.annotators()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("annotator", p.annotator());
      m.put("assigned", p.assigned());
      m.put("overlap", r.overlapItems());
      m.put("own", p.assigned() - r.overlapItems());
      rows.add(m);
    }
    return rows;
  }

  /** How a sample was drawn, in words: frame, strata, run, allocation and seed. */
  static String design(SampleInfo s) {
    return "frame "
        + s.frame().key()
        + "; strata "
        + (s.strataBy().isEmpty() ? "none" : String.join(" × ", s.strataBy()))
        + "; "
        + (s.run() == null ? "" : "run " + s.run() + "; ")
        + s.allocation().key()
        + " allocation; seed "
        + s.seed();
  }

  private static void print(PrintWriter out, SampleReport r, String format) {
    SampleInfo s = r.sample();
    out.printf(
        "sample '%s': %d of %s (%s)%n",
        s.name(), s.size(), Counts.of(r.population(), "issue"), design(s));
    out.print(strataTable(r).render(format));
    if (!r.annotators().isEmpty()) {
      out.printf(
          "overlap: %s (⌈%s × %d⌉) go to every annotator; the other %d are dealt in turn%n",
          Counts.of(r.overlapItems(), "item"),
          plain(s.overlap()),
          s.size(),
          s.size() - r.overlapItems());
      TextTable t = new TextTable("annotator", "assigned", "overlap", "own");
      for (AnnotatorProgress p : r.annotators()) {
        t.row(p.annotator(), p.assigned(), r.overlapItems(), p.assigned() - r.overlapItems());
      }
      out.print(t.render(format));
      if (s.blindFirst()) {
        out.println("blind-first: annotators decide before the classifier's labels are shown");
      }
    }
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
    for (String n : r.notes()) {
      out.println("note: " + n);
    }
  }

  static TextTable strataTable(SampleReport r) {
    TextTable t = new TextTable("stratum", "population", "size", "inclusion", "weight");
    for (SampleDraw.Stratum st : r.strata()) {
      t.row(
          st.key().label(),
          st.population(),
          st.size(),
          String.format(Locale.ROOT, "%.4f", st.inclusionProbability()),
          st.size() == 0
              ? "—"
              : String.format(Locale.ROOT, "%.3f", (double) st.population() / st.size()));
    }
    long population = r.population();
    int size = r.strata().stream().mapToInt(SampleDraw.Stratum::size).sum();
    t.row(
        "total",
        population,
        size,
        String.format(Locale.ROOT, "%.4f", population == 0 ? 0 : (double) size / population),
        "");
    return t;
  }

  static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
