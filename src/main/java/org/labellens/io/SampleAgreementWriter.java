package org.labellens.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.labellens.core.Counts;
import org.labellens.core.report.Doc;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.BootstrapInterval;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.Metric;
import org.labellens.core.stats.MetricResult;
import org.labellens.core.stats.PairResult;
import org.labellens.core.stats.SetAgreementReport;
import org.labellens.core.stats.SetMetric;

/**
 * Writes the agreement of a sample: JSON for machines (docs/output.md, {@code agreement --sample}:
 * each dimension in the shape of {@link AgreementReportWriter}) and tables for people. Agreement
 * figures are unweighted: they describe the sampled items the annotators decided.
 */
public final class SampleAgreementWriter {
  static final String UNWEIGHTED =
      "unweighted (the sampled items compared; not a population estimate)";

  private SampleAgreementWriter() {}

  /** The tables {@link #write} prints, as sections for the window. */
  public static List<ReportSection> sections(SampleAgreement a) {
    Doc doc = new Doc("Agreement: sample " + a.sample());
    blocks(a, doc, false);
    return doc.sections();
  }

  public static String write(SampleAgreement a, ReportFormat format) {
    if (format == ReportFormat.JSON) {
      return JsonOutput.pretty(json(a)) + "\n";
    }
    Doc doc =
        new Doc(
            "Agreement: sample "
                + a.sample()
                + (a.provenance().anySimulated() ? " (SIMULATED decisions)" : ""));
    blocks(a, doc, false);
    return doc.render(Doc.of(format), false);
  }

  public static Map<String, Object> json(SampleAgreement a) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sample", a.sample());
    Map<String, Object> dims = new LinkedHashMap<>();
    a.dimensions()
        .forEach(
            (id, d) -> {
              Map<String, Object> node;
              if (d.set() != null) {
                node = AgreementReportWriter.json(d.set());
              } else if (d.single() != null) {
                node = AgreementReportWriter.json(d.single());
              } else {
                node = new LinkedHashMap<>();
                if (d.kind().equals("set")) {
                  node.put("kind", "set");
                }
                node.put("items", d.items());
                node.put("reason", d.reason());
              }
              node.put("items_compared", d.items());
              node.put("weighted", false);
              dims.put(id, node);
            });
    root.put("dimensions", dims);
    List<Object> rows = new ArrayList<>();
    for (SampleAgreement.ClassifierRow r : a.classifier()) {
      Map<String, Object> m = row(r.annotator(), r.dimension(), r.label());
      pairFields(m, r.pair(), r.reason());
      rows.add(m);
    }
    root.put("annotator_vs_classifier", rows);
    root.put("run", a.run());
    root.put("provenance", a.provenance().json());
    root.put("annotators", a.annotators());
    root.put("blind_first", a.blindFirst());
    List<Object> phases = new ArrayList<>();
    for (SampleAgreement.PhaseRow p : a.phases()) {
      Map<String, Object> m = row(p.annotator(), p.dimension(), p.label());
      m.put("items", p.items());
      m.put("changed", p.changed());
      m.put("changed_share", p.items() == 0 ? null : (double) p.changed() / p.items());
      m.put("changed_toward_classifier", p.towardClassifier());
      m.put("changed_away_from_classifier", p.awayFromClassifier());
      if (p.blind() != null) {
        Map<String, Object> b = new LinkedHashMap<>();
        pairFields(b, p.blind(), null);
        m.put("blind_vs_classifier", b);
        Map<String, Object> r = new LinkedHashMap<>();
        pairFields(r, p.revealed(), null);
        m.put("revealed_vs_classifier", r);
      }
      phases.add(m);
    }
    root.put("blind_vs_revealed", phases);
    root.put(
        "weighting",
        "every agreement figure is unweighted: it describes the sampled items compared");
    root.put("final_phase_policy", "each annotator's latest phase counts: revealed over blind");
    Map<String, Object> bootstrap = new LinkedHashMap<>();
    bootstrap.put("replicates", a.options().bootstrapReplicates());
    bootstrap.put("seed", a.options().seed());
    root.put("bootstrap", bootstrap);
    return root;
  }

  /** A row about one annotator on one dimension (and label, for a set-valued dimension). */
  private static Map<String, Object> row(String annotator, String dimension, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("annotator", annotator);
    m.put("dimension", dimension);
    m.put("label", label);
    return m;
  }

  private static void pairFields(Map<String, Object> m, PairResult pair, String reason) {
    if (pair == null) {
      m.put("cohen_kappa", null);
      m.put("cohen_kappa_reason", reason);
      m.put("percent_agreement", null);
      m.put("items", 0);
      return;
    }
    value(m, "cohen_kappa", pair.agreement().cohenKappa());
    value(m, "percent_agreement", pair.agreement().percentAgreement());
    m.put("items", pair.agreement().items());
    ci(m, "cohen_kappa_ci95", pair.cohenKappaBootstrap());
    ci(m, "percent_agreement_ci95", pair.percentAgreementBootstrap());
  }

  private static void value(Map<String, Object> m, String key, Coefficient c) {
    m.put(key, c.isDefined() ? c.value() : null);
    c.reason().ifPresent(r -> m.put(key + "_reason", r));
  }

  private static void ci(Map<String, Object> m, String key, Optional<BootstrapInterval> b) {
    m.put(
        key, b.flatMap(BootstrapInterval::ci95).map(i -> List.of(i.low(), i.high())).orElse(null));
  }

  // ------------------------------------------------------------------ tables

  public static void blocks(SampleAgreement a, Doc doc, boolean charts) {
    if (a.provenance().anySimulated()) {
      doc.paragraph(a.provenance().banner() + ".");
    }
    doc.paragraph(
        "Annotators: "
            + String.join(", ", a.annotators())
            + ". Each annotator's latest phase counts (revealed over blind). All agreement"
            + " figures are "
            + UNWEIGHTED
            + ". 95% CIs: percentile bootstrap over items, "
            + a.options().bootstrapReplicates()
            + " replicates, seed "
            + a.options().seed()
            + ". "
            + AgreementReport.MISSING_RATINGS_POLICY);
    a.dimensions()
        .forEach(
            (id, d) -> {
              doc.heading(2, "Annotators with each other: " + id);
              if (d.reason() != null) {
                doc.paragraph("No agreement figures: " + d.reason() + ".");
                return;
              }
              if (d.set() != null) {
                setTables(doc, d, d.set());
              } else {
                singleTables(doc, d, d.single());
              }
            });
    if (!a.classifier().isEmpty()) {
      doc.heading(2, "Each annotator with the classifier");
      Doc.TableBuilder t =
          new Doc.TableBuilder(
              "Annotator against classifier run '"
                  + a.run()
                  + "' (per label for sets: in or out), "
                  + UNWEIGHTED);
      pairColumns(t.text("Annotator").text("Dimension").text("Label"));
      for (SampleAgreement.ClassifierRow r : a.classifier()) {
        List<String> marks = new ArrayList<>();
        if (r.pair() == null) {
          t.row(r.annotator(), r.dimension(), label(r.label()), "0", "—", "—", "—", "—", "");
          continue;
        }
        t.row(
            r.annotator(),
            r.dimension(),
            label(r.label()),
            Long.toString(r.pair().agreement().items()),
            cell(r.pair().agreement().percentAgreement(), t, marks),
            ci(r.pair().percentAgreementBootstrap()),
            cell(r.pair().agreement().cohenKappa(), t, marks),
            ci(r.pair().cohenKappaBootstrap()),
            String.join(" ", marks));
      }
      doc.add(t.build());
    }
    if (!a.phases().isEmpty()) {
      doc.heading(2, "Blind against revealed: how far seeing the classifier moved the annotators");
      Doc.TableBuilder t =
          new Doc.TableBuilder(
              "Decisions changed between the blind and the revealed phase, and agreement with the"
                  + " classifier in each phase on the same items, "
                  + UNWEIGHTED);
      t.text("Annotator")
          .text("Dimension")
          .text("Label")
          .number("Items")
          .number("Changed")
          .number("Share")
          .number("To classifier")
          .number("Away")
          .number("Kappa blind")
          .number("Kappa revealed")
          .number("Agreement blind")
          .number("Agreement revealed");
      for (SampleAgreement.PhaseRow p : a.phases()) {
        t.row(
            p.annotator(),
            p.dimension(),
            p.label() == null ? "(whole value)" : p.label(),
            Integer.toString(p.items()),
            Integer.toString(p.changed()),
            p.items() == 0 ? "—" : AgreementReportWriter.number((double) p.changed() / p.items()),
            Integer.toString(p.towardClassifier()),
            Integer.toString(p.awayFromClassifier()),
            p.blind() == null ? "—" : plain(p.blind().agreement().cohenKappa()),
            p.revealed() == null ? "—" : plain(p.revealed().agreement().cohenKappa()),
            p.blind() == null ? "—" : plain(p.blind().agreement().percentAgreement()),
            p.revealed() == null ? "—" : plain(p.revealed().agreement().percentAgreement()));
      }
      doc.add(t.build());
    }
  }

  private static String label(String label) {
    return label == null ? "—" : label;
  }

  private static void singleTables(Doc doc, SampleAgreement.Dimension d, AgreementReport report) {
    doc.add(
        coefficients(
            "Agreement on " + d.dimension(),
            report.pairableItems(),
            report.raters(),
            report.metrics(),
            Metric::label));
    doc.add(pairs(d.dimension(), report));
  }

  /** One row per coefficient: value, interval and the notes on values that are not estimates. */
  private static <M> Doc.Table coefficients(
      String subject,
      long pairableItems,
      int raters,
      Map<M, MetricResult> metrics,
      Function<M, String> label) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            subject
                + ": "
                + Counts.of(pairableItems, "item")
                + " decided by two or more of "
                + Counts.of(raters, "annotator")
                + ", "
                + UNWEIGHTED);
    t.text("Coefficient").number("Value").number("95% CI").text("Note");
    for (Map.Entry<M, MetricResult> e : metrics.entrySet()) {
      List<String> marks = new ArrayList<>();
      t.row(
          label.apply(e.getKey()),
          cell(e.getValue().estimate(), t, marks),
          ci(e.getValue().bootstrap()),
          String.join(" ", marks));
    }
    return t.build();
  }

  private static Doc.Table pairs(String dimension, AgreementReport report) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "Pairs of annotators on "
                + dimension
                + " (each on the items both decided), "
                + UNWEIGHTED);
    pairColumns(t.text("Annotator").text("Annotator"));
    for (PairResult p : report.pairs()) {
      List<String> marks = new ArrayList<>();
      t.row(
          p.agreement().first(),
          p.agreement().second(),
          Long.toString(p.agreement().items()),
          cell(p.agreement().percentAgreement(), t, marks),
          ci(p.percentAgreementBootstrap()),
          cell(p.agreement().cohenKappa(), t, marks),
          ci(p.cohenKappaBootstrap()),
          String.join(" ", marks));
    }
    return t.build();
  }

  /** The columns of a pair's agreement: items, percent agreement and Cohen's kappa, notes. */
  private static void pairColumns(Doc.TableBuilder t) {
    t.number("Items")
        .number("Agreement")
        .number("95% CI")
        .number("Cohen's kappa")
        .number("95% CI")
        .text("Note");
  }

  private static void setTables(Doc doc, SampleAgreement.Dimension d, SetAgreementReport report) {
    doc.add(
        coefficients(
            "Agreement on whole sets of " + d.dimension(),
            report.pairableItems(),
            report.raters(),
            report.metrics(),
            SetMetric::label));
    List<Metric> shown =
        List.of(
            Metric.PERCENT_AGREEMENT,
            Metric.COHEN_KAPPA,
            Metric.FLEISS_KAPPA,
            Metric.KRIPPENDORFF_ALPHA,
            Metric.GWET_AC1);
    Doc.TableBuilder l =
        new Doc.TableBuilder(
            "Agreement per label of "
                + d.dimension()
                + " (label in the set or not), "
                + UNWEIGHTED);
    l.text("Label").number("Items");
    for (Metric m : shown) {
      l.number(m.label()).number("95% CI");
    }
    l.text("Note");
    report
        .perLabel()
        .forEach(
            (label, r) -> {
              List<String> marks = new ArrayList<>();
              List<String> cells = new ArrayList<>();
              cells.add(label);
              cells.add(Integer.toString(r.pairableItems()));
              for (Metric m : shown) {
                MetricResult mr = r.metrics().get(m);
                cells.add(cell(mr.estimate(), l, marks));
                cells.add(ci(mr.bootstrap()));
              }
              cells.add(String.join(" ", marks));
              l.row(cells);
            });
    doc.add(l.build());
  }

  private static String cell(Coefficient c, Doc.TableBuilder t, List<String> marks) {
    if (c.isDefined()) {
      return AgreementReportWriter.number(c.value());
    }
    marks.add(t.note("undefined: " + c.reason().orElseThrow()));
    return "undefined";
  }

  private static String plain(Coefficient c) {
    return c.isDefined() ? AgreementReportWriter.number(c.value()) : "undefined";
  }

  private static String ci(Optional<BootstrapInterval> b) {
    return b.flatMap(BootstrapInterval::ci95).map(ValidationReportWriter::interval).orElse("—");
  }
}
