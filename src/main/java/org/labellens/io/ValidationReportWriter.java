package org.labellens.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.Counts;
import org.labellens.core.report.Doc;
import org.labellens.core.report.Figures;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.ClassifierShares;
import org.labellens.core.review.UnresolvedItem;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.stats.BootstrapInterval;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.DesignSample;
import org.labellens.core.stats.DomainValidation;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.LabelValidation;
import org.labellens.core.stats.MetricResult;
import org.labellens.core.stats.Proportion;
import org.labellens.core.stats.UnresolvedBounds;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.KeywordDiagnostics;
import org.labellens.core.validation.StratumCollapse;

/**
 * Writes a validation report: JSON for machines (docs/output.md, {@code validate}; keys are added,
 * never renamed) and tables for people. Every table's caption says whether its figures are
 * design-weighted population estimates or unweighted figures about the sampled items.
 */
public final class ValidationReportWriter {
  /** How the weighted intervals are computed, in one sentence. */
  public static final String CI_METHOD =
      "stratified rescaling bootstrap (Rao & Wu 1988): in each stratum m_h - 1 items drawn with"
          + " replacement, weights rescaled with the finite-population correction; percentile"
          + " interval, type-7 quantiles at 0.025 and 0.975";

  static final String WEIGHTED =
      "design-weighted population estimates, each item weighing N_h/m_h (m_h: items of stratum h"
          + " whose gold on the label is resolved)";

  /** The weight of every weighted figure of label c, as the JSON names it. */
  static final String WEIGHT =
      "N_h/m_h: the design weight N_h/n_h adjusted for the items of stratum h without resolved"
          + " gold on the label (m_h: items of h whose gold on the label is resolved)";

  static final String UNWEIGHTED =
      "unweighted, sampled items only: NOT population figures on a stratified sample";

  private ValidationReportWriter() {}

  /**
   * The tables {@link #write} prints, as sections for the window: the same captions (each says
   * whether its figures are design-weighted or unweighted), cells and notes, every keyword row.
   */
  public static List<ReportSection> sections(ValidationReport report) {
    Doc doc = new Doc("Classifier validation: sample " + report.sample().name());
    blocks(report, doc, false, Integer.MAX_VALUE);
    return doc.sections();
  }

  public static String write(ValidationReport report, ReportFormat format) {
    if (format == ReportFormat.JSON) {
      return JsonOutput.pretty(json(report)) + "\n";
    }
    Doc doc =
        new Doc(
            "Classifier validation: sample "
                + report.sample().name()
                + (report.provenance().anySimulated() ? " (SIMULATED decisions)" : ""));
    blocks(report, doc, false, 25);
    return doc.render(Doc.of(format), false);
  }

  // ------------------------------------------------------------------ JSON

  public static Map<String, Object> json(ValidationReport r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("sample", r.sample().name());
    root.put("run", r.run());
    Optional<DimensionValidation.Outcome> category = r.dimension("category");
    DimensionValidation.Outcome main = category.orElse(r.dimensions().get(0));
    root.put("gold_items", main.goldItems());
    List<Object> unresolved = new ArrayList<>();
    for (UnresolvedItem u : r.unresolved()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("repo", u.issue().repo());
      m.put("number", u.issue().number());
      m.put("dimension", u.dimension());
      m.put("title", u.title());
      m.put("annotators", u.gold().annotators());
      m.put("votes", u.gold().votes());
      m.put("tied", u.gold().tied());
      m.put("reason", u.gold().explanation());
      unresolved.add(m);
    }
    root.put("unresolved_items", unresolved);
    root.put("categories", labels(main, r.classifierShares()));
    Map<String, Object> byFramework = new LinkedHashMap<>();
    if (main.figures() != null) {
      for (DomainValidation d : main.figures().domains()) {
        Map<String, Object> fw = new LinkedHashMap<>();
        for (String label : main.figures().labels()) {
          Map<String, Object> m = new LinkedHashMap<>();
          putShare(m, r.classifierShares(), d.domain(), label);
          m.put(
              "estimated_share",
              metric(
                  d.estimatedShare().get(label),
                  d.shareUnweighted().get(label).trials(),
                  d.shareBounds().get(label)));
          m.put("estimated_share_unweighted", proportion(d.shareUnweighted().get(label)));
          fw.put(label, m);
        }
        byFramework.put(d.domain(), fw);
      }
    }
    root.put("by_framework", byFramework);
    List<Object> keywords = new ArrayList<>();
    for (KeywordDiagnostics.Result k : r.keywords()) {
      keywords.add(keyword(k));
    }
    root.put("keywords", keywords);
    // additions beyond the keys docs/output.md lists
    root.put("provenance", r.provenance().json());
    root.put("description", r.description());
    root.put("frame", r.sample().frame().key());
    root.put("sampled_items", r.sampledItems());
    root.put("unresolved_count", r.unresolved().size());
    root.put(
        "weighting",
        "weighted figures are design-weighted population estimates: for label c each item of"
            + " stratum h whose gold on c is resolved weighs N_h/m_h (m_h: the stratum's items"
            + " whose gold on c is resolved), the design weight N_h/n_h adjusted for the items"
            + " without gold on c; gold is decided per (item, label). 'unresolved' counts the"
            + " sampled items whose gold is unresolved for the figure and 'bounds' gives the"
            + " figure with all of them counted one way and the other (weight N_h/m'_h, m'_h:"
            + " the stratum's resolved and unresolved items); *_unweighted figures describe the"
            + " sampled items only");
    if (main.figures() != null) {
      root.put("population", main.figures().population());
      root.put("uncovered_population", main.figures().uncoveredPopulation());
      root.put("confusion", confusion(main.figures()));
      root.put("strata", strata(main.figures()));
      root.put("collapsed_strata", collapsed(main.figures()));
    }
    ClassifierShares shares = r.classifierShares();
    if (shares != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("frame_items", shares.frameItems());
      m.put("covered_by_run", shares.covered());
      m.put("by_framework", shares.frameworkCovered());
      root.put("classifier_population", m);
    }
    Map<String, Object> dimensions = new LinkedHashMap<>();
    for (DimensionValidation.Outcome o : r.dimensions()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("gold_items", o.goldItems());
      d.put("unresolved", o.unresolved().size());
      d.put("not_predicted", o.notPredicted());
      if (o.figures() == null) {
        d.put("reason", o.reason());
      } else {
        d.put("labels", labels(o, r.shares(o.dimension())));
        d.put("collapsed_strata", collapsed(o.figures()));
      }
      dimensions.put(o.dimension(), d);
    }
    root.put("dimensions", dimensions);
    root.put("warnings", r.warnings());
    Map<String, Object> bootstrap = new LinkedHashMap<>();
    bootstrap.put("replicates", r.replicates());
    bootstrap.put("seed", r.seed());
    bootstrap.put("method", CI_METHOD);
    root.put("bootstrap", bootstrap);
    root.put(
        "keyword_precision",
        "keywords[].precision is unweighted (items where the keyword fired and the gold has its"
            + " label, of the fired items with gold) with a Wilson 95% interval;"
            + " precision_weighted and expected_false_positives are design-weighted");
    return root;
  }

  private static Map<String, Object> labels(
      DimensionValidation.Outcome o, ClassifierShares shares) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (o.figures() == null) {
      return out;
    }
    for (LabelValidation l : o.figures().perLabel()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("precision", metric(l.precision(), l.predictedItems(), l.precisionBounds()));
      m.put("recall", metric(l.recall(), l.goldItems(), l.recallBounds()));
      m.put("f1", metric(l.f1(), null, l.f1Bounds()));
      putShare(m, shares, null, l.label());
      m.put("estimated_share", metric(l.estimatedShare(), (long) l.judged(), l.shareBounds()));
      m.put(
          "classifier_share_weighted_from_sample",
          Double.isFinite(l.classifierShareWeighted()) ? l.classifierShareWeighted() : null);
      if (!Double.isFinite(l.classifierShareWeighted())) {
        m.put(
            "classifier_share_weighted_from_sample_reason",
            "no sampled item has resolved gold on '" + l.label() + "'");
      }
      m.put("judged_items", l.judged());
      m.put("uncovered_population", l.uncoveredPopulation());
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("predicted", l.predictedItems());
      counts.put("gold", l.goldItems());
      counts.put("both", l.bothItems());
      m.put("items", counts);
      Map<String, Object> est = new LinkedHashMap<>();
      est.put("predicted", l.predictedWeight());
      est.put("gold", l.goldWeight());
      est.put("both", l.bothWeight());
      m.put("estimated_population", est);
      Map<String, Object> unweighted = new LinkedHashMap<>();
      unweighted.put("precision", proportion(l.precisionUnweighted()));
      unweighted.put("recall", proportion(l.recallUnweighted()));
      unweighted.put("share", proportion(l.shareUnweighted()));
      Map<String, Object> f1 = new LinkedHashMap<>();
      putValue(f1, l.f1Unweighted());
      f1.put("weighted", false);
      unweighted.put("f1", f1);
      m.put("unweighted", unweighted);
      out.put(l.label(), m);
    }
    return out;
  }

  private static Double share(ClassifierShares shares, String label) {
    if (shares == null || shares.covered() == 0) {
      return null;
    }
    return shares.share(label);
  }

  private static Double share(ClassifierShares shares, String framework, String label) {
    if (shares == null || shares.frameworkCovered().getOrDefault(framework, 0L) == 0) {
      return null;
    }
    return shares.share(framework, label);
  }

  private static void putShare(
      Map<String, Object> m, ClassifierShares shares, String framework, String label) {
    Double value = framework == null ? share(shares, label) : share(shares, framework, label);
    m.put("classifier_share", value);
    if (value == null) {
      m.put(
          "classifier_share_reason",
          shares == null
              ? "the run's shares over the frame were not counted for this dimension"
              : framework == null
                  ? "the run covers no issue of the frame"
                  : "the run covers no issue of " + framework + " in the frame");
    }
  }

  static Map<String, Object> metric(MetricResult result, Long items, UnresolvedBounds bounds) {
    Map<String, Object> m = new LinkedHashMap<>();
    putValue(m, result.estimate());
    if (result.bootstrap().isEmpty()) {
      m.put("ci95", null);
      m.put("ci95_reason", "no bootstrap (--bootstrap 0)");
    } else {
      BootstrapInterval b = result.bootstrap().get();
      m.put("ci95", b.ci95().map(ValidationReportWriter::bounds).orElse(null));
      b.reason().ifPresent(reason -> m.put("ci95_reason", reason));
      if (b.ci95().isEmpty() && b.reason().isEmpty()) {
        m.put("ci95_reason", "no bootstrap interval");
      }
    }
    if (items != null) {
      m.put("items", items);
    }
    m.put("weighted", true);
    m.put("weight", WEIGHT);
    m.put("unresolved", bounds.items());
    if (bounds.any()) {
      List<Double> b = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (Coefficient c : List.of(bounds.low(), bounds.high())) {
        b.add(c.isDefined() ? c.value() : null);
        c.reason().ifPresent(reasons::add);
      }
      m.put("bounds", b);
      if (!reasons.isEmpty()) {
        m.put("bounds_reason", String.join("; ", reasons));
      }
    } else {
      m.put("bounds", null);
      m.put("bounds_reason", "no sampled item is unresolved for this figure");
    }
    return m;
  }

  private static void putValue(Map<String, Object> m, Coefficient c) {
    m.put("value", c.isDefined() ? c.value() : null);
    c.reason().ifPresent(reason -> m.put("reason", reason));
  }

  static Map<String, Object> proportion(Proportion p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("value", p.trials() == 0 ? null : (double) p.successes() / p.trials());
    m.put("ci95", p.ci95().map(ValidationReportWriter::bounds).orElse(null));
    if (p.trials() == 0) {
      m.put("reason", "no sampled item to count (0 of 0)");
    }
    if (p.ci95().isEmpty()) {
      m.put("ci95_reason", "no Wilson interval without sampled items (0 of 0)");
    }
    m.put("successes", p.successes());
    m.put("items", p.trials());
    m.put("weighted", false);
    m.put("interval", "Wilson");
    return m;
  }

  private static List<Double> bounds(Interval i) {
    return List.of(i.low(), i.high());
  }

  private static Map<String, Object> keyword(KeywordDiagnostics.Result k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keyword", k.keyword().keyword());
    m.put("label", k.keyword().label());
    m.put("fired", k.fired());
    Map<String, Object> p = new LinkedHashMap<>();
    putValue(p, k.precision());
    p.put("ci95", k.ci95().map(ValidationReportWriter::bounds).orElse(null));
    if (k.ci95().isEmpty()) {
      p.put("ci95_reason", "no Wilson interval: the keyword fired on no item with gold");
    }
    p.put("items", k.judged());
    p.put("right", k.right());
    p.put("weighted", false);
    p.put("interval", "Wilson");
    m.put("precision", p);
    m.put("dimension", k.keyword().dimension());
    m.put("judged", k.judged());
    Map<String, Object> pw = new LinkedHashMap<>();
    putValue(pw, k.precisionWeighted());
    pw.put("weighted", true);
    m.put("precision_weighted", pw);
    m.put("estimated_population_firings", k.weightedFired());
    m.put("expected_false_positives", k.expectedFalsePositives());
    m.put("rank", k.rank());
    Map<String, Object> fields = new LinkedHashMap<>();
    for (KeywordDiagnostics.FieldCount f : k.fields()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("judged", f.judged());
      fm.put("right", f.right());
      fields.put(f.field(), fm);
    }
    m.put("fields", fields);
    return m;
  }

  private static Map<String, Object> confusion(ClassifierValidation f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", "predicted");
    m.put("columns", "gold");
    m.put("labels", f.labels());
    List<List<Double>> weighted = new ArrayList<>();
    List<List<Long>> items = new ArrayList<>();
    for (int r = 0; r < f.labels().size(); r++) {
      List<Double> w = new ArrayList<>();
      List<Long> n = new ArrayList<>();
      for (int c = 0; c < f.labels().size(); c++) {
        w.add(f.confusionWeighted()[r][c]);
        n.add(f.confusionUnweighted()[r][c]);
      }
      weighted.add(w);
      items.add(n);
    }
    m.put("estimated_issues", weighted);
    m.put("items", items);
    m.put(
        "note",
        "cell [r][c]: issues predicted r whose gold has c (an issue with several labels counts in"
            + " several cells), over the issues whose gold on c is resolved; estimated_issues is"
            + " design-weighted with column c's weight N_h/m_h(c), items unweighted");
    return m;
  }

  private static List<Object> strata(ClassifierValidation f) {
    List<Object> out = new ArrayList<>();
    for (ClassifierValidation.StratumWeight w : f.strata()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", w.key());
      m.put("population", w.population());
      m.put("sampled", w.designSize());
      m.put("judged", w.judged());
      m.put("weight", w.weight());
      m.put(
          "weight_note",
          "judged and weight: items with gold on every label and N_h over them; the figures of"
              + " label c use judged_by_label[c] and N_h/judged_by_label[c]");
      m.put("studied", w.studied());
      m.put("judged_by_label", w.judgedByLabel());
      out.add(m);
    }
    return out;
  }

  /** The strata collapsed for the intervals, the rule, and why there is no interval if so. */
  private static Map<String, Object> collapsed(ClassifierValidation f) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> merged = new ArrayList<>();
    for (DesignSample.Collapse c : f.collapsed()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("stratum", c.stratum());
      one.put("judged", c.units());
      one.put("neighbour", c.neighbour());
      merged.add(one);
    }
    m.put("merged", merged);
    if (f.varianceNotEstimable() != null) {
      // present only when the intervals are not estimable: the text is the reason
      m.put("not_estimable", f.varianceNotEstimable());
    }
    m.put("rule", StratumCollapse.RULE);
    return m;
  }

  /** One sentence on the strata collapsed for the intervals, or null when none is. */
  static String collapsedSentence(ClassifierValidation f) {
    List<String> sentences = new ArrayList<>();
    if (f.varianceNotEstimable() != null) {
      sentences.add("Intervals not estimable: " + f.varianceNotEstimable() + ".");
    }
    if (!f.collapsed().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (DesignSample.Collapse c : f.collapsed()) {
        parts.add(c.stratum() + " (" + c.units() + " judged item) with " + c.neighbour());
      }
      sentences.add(
          "Collapsed strata, for the intervals only: "
              + String.join("; ", parts)
              + ". Rule: "
              + StratumCollapse.RULE
              + ".");
    }
    return sentences.isEmpty() ? null : String.join(" ", sentences);
  }

  // ------------------------------------------------------------------ tables

  /** Adds the report's sections to {@code doc}; {@code charts} adds bar charts (HTML). */
  public static void blocks(ValidationReport r, Doc doc, boolean charts, int keywordRows) {
    if (r.provenance().anySimulated()) {
      doc.paragraph(r.provenance().banner() + ".");
    }
    doc.paragraph(r.description());
    doc.paragraph(
        "Classifier run '"
            + r.run()
            + "' against gold. Gold per item and dimension: the adjudicated value, else the"
            + " annotators' unanimous value, else the strict majority (each annotator's latest"
            + " phase); for a set-valued dimension gold is decided per (item, label), and a tie on"
            + " one label leaves only that label unresolved; ties are never guessed. Weighted"
            + " figures are "
            + WEIGHTED
            + "; 95% CIs: "
            + (r.replicates() == 0
                ? "none (bootstrap off)"
                : CI_METHOD + ", " + r.replicates() + " replicates, seed " + r.seed())
            + ". Unweighted figures describe the sampled items only (Wilson 95% CIs).");
    if (!r.warnings().isEmpty()) {
      doc.add(new Doc.Bullets(r.warnings().stream().map(w -> "Warning: " + w).toList()));
    }
    for (DimensionValidation.Outcome o : r.dimensions()) {
      boolean main = o == r.dimensions().get(0);
      String dim = o.dimension();
      doc.heading(2, "Classifier vs gold: " + dim);
      if (o.figures() == null) {
        doc.paragraph("No figures: " + o.reason() + ".");
        continue;
      }
      ClassifierValidation f = o.figures();
      doc.paragraph(
          Counts.of(f.items(), "item")
              + " decided by an annotator and covered by the run, of "
              + r.sampledItems()
              + " sampled (each label's figures use those whose gold on the label is resolved);"
              + " population "
              + count(f.population())
              + (f.uncoveredPopulation() > 0
                  ? " (" + count(f.uncoveredPopulation()) + " in strata without a judged item)"
                  : "")
              + ".");
      String collapsed = collapsedSentence(f);
      if (collapsed != null) {
        doc.paragraph(collapsed);
      }
      doc.add(weightedTable(o, dim));
      if (charts) {
        List<Doc.Bar> bars = new ArrayList<>();
        for (LabelValidation l : f.perLabel()) {
          bar(bars, l.label() + " precision", l.precision());
          bar(bars, l.label() + " recall", l.recall());
        }
        doc.add(new Doc.Chart("Precision and recall per label (" + WEIGHTED + ", 95% CI)", bars));
      }
      doc.add(unweightedTable(o, dim));
      if (main) {
        doc.add(sharesTable(o, r.classifierShares()));
        if (charts) {
          List<Doc.Bar> bars = new ArrayList<>();
          for (LabelValidation l : f.perLabel()) {
            bar(bars, l.label(), l.estimatedShare());
          }
          doc.add(new Doc.Chart("Estimated share in the population (95% CI)", bars));
        }
        doc.add(frameworkTable(o, r.classifierShares()));
        doc.add(confusionTable(f, true));
        doc.add(confusionTable(f, false));
        doc.add(strataTable(f));
      }
    }
    doc.heading(2, "Keyword diagnostics");
    doc.add(keywordTable(r.keywords(), keywordRows));
    doc.heading(2, "Unresolved items");
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "Items whose annotators tie (no gold until adjudicated): " + r.unresolved().size());
    t.text("Issue").text("Dimension").text("Why").text("Title");
    for (UnresolvedItem u : r.unresolved()) {
      t.row(u.issue().toString(), u.dimension(), u.gold().explanation(), u.title());
    }
    if (t.isEmpty()) {
      doc.paragraph("None: every annotated item has gold.");
    } else {
      doc.add(t.build());
    }
  }

  private static void bar(List<Doc.Bar> bars, String label, MetricResult m) {
    if (!m.estimate().isDefined()) {
      return;
    }
    Optional<Interval> ci = m.bootstrap().flatMap(BootstrapInterval::ci95);
    bars.add(
        new Doc.Bar(
            label,
            m.estimate().value(),
            ci.map(Interval::low).orElse(null),
            ci.map(Interval::high).orElse(null)));
  }

  private static Doc.Table weightedTable(DimensionValidation.Outcome o, String dim) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "Precision, recall and F1 per label of "
                + dim
                + ": "
                + WEIGHTED
                + ". Unres.: sampled items whose gold on the label is unresolved (for precision:"
                + " those predicted the label); bounds: the figure with all of them counted in the"
                + " gold and all counted out (docs/validation.md)");
    t.text("Label")
        .number("Precision")
        .number("95% CI")
        .number("Unres.")
        .number("Bounds")
        .number("Recall")
        .number("95% CI")
        .number("F1")
        .number("95% CI")
        .number("Unres.")
        .number("Recall bounds")
        .number("n pred")
        .number("n gold")
        .text("Note");
    for (LabelValidation l : o.figures().perLabel()) {
      List<String> marks = new ArrayList<>();
      t.row(
          l.label(),
          value(l.precision().estimate(), t, marks),
          ci(l.precision(), t, marks),
          Integer.toString(l.precisionBounds().items()),
          bounds(l.precisionBounds()),
          value(l.recall().estimate(), t, marks),
          ci(l.recall(), t, marks),
          value(l.f1().estimate(), t, marks),
          ci(l.f1(), t, marks),
          Integer.toString(l.recallBounds().items()),
          bounds(l.recallBounds()),
          Long.toString(l.predictedItems()),
          Long.toString(l.goldItems()),
          String.join(" ", marks));
    }
    return t.build();
  }

  /** A figure's bounds over its unresolved items, "—" when it has none. */
  static String bounds(UnresolvedBounds b) {
    if (!b.any()) {
      return "—";
    }
    return "["
        + (b.low().isDefined() ? number(b.low().value()) : "undefined")
        + ", "
        + (b.high().isDefined() ? number(b.high().value()) : "undefined")
        + "]";
  }

  private static Doc.Table unweightedTable(DimensionValidation.Outcome o, String dim) {
    Doc.TableBuilder t =
        new Doc.TableBuilder("Precision and recall per label of " + dim + ": " + UNWEIGHTED);
    t.text("Label")
        .number("Precision")
        .number("Wilson 95% CI")
        .number("k/n")
        .number("Recall")
        .number("Wilson 95% CI")
        .number("k/n");
    for (LabelValidation l : o.figures().perLabel()) {
      t.row(
          l.label(),
          fraction(l.precisionUnweighted()),
          wilson(l.precisionUnweighted()),
          l.precisionUnweighted().successes() + "/" + l.precisionUnweighted().trials(),
          fraction(l.recallUnweighted()),
          wilson(l.recallUnweighted()),
          l.recallUnweighted().successes() + "/" + l.recallUnweighted().trials());
    }
    return t.build();
  }

  private static Doc.Table sharesTable(DimensionValidation.Outcome o, ClassifierShares shares) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "True share of each label in the population ("
                + WEIGHTED
                + ") beside the classifier's raw share (counted over the whole frame"
                + (shares == null ? "" : ", " + count(shares.covered()) + " issues")
                + ") and the unweighted share among sampled items (not a population figure);"
                + " Unres. and bounds as above");
    shareColumns(t.text("Label")).number("Difference").number("Unweighted sample share");
    for (LabelValidation l : o.figures().perLabel()) {
      Double raw = share(shares, l.label());
      List<String> cells = new ArrayList<>(List.of(l.label()));
      cells.addAll(shareCells(raw, l.estimatedShare(), l.shareBounds()));
      cells.add(
          raw == null || !l.estimatedShare().estimate().isDefined()
              ? "—"
              : signed(l.estimatedShare().estimate().value() - raw));
      cells.add(fraction(l.shareUnweighted()));
      t.row(cells);
    }
    return t.build();
  }

  private static Doc.Table frameworkTable(DimensionValidation.Outcome o, ClassifierShares shares) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "True share per framework ("
                + WEIGHTED
                + ") beside the classifier's raw share; judged items: the framework's items whose"
                + " gold on the label is resolved; Unres. and bounds as above");
    shareColumns(t.text("Framework").text("Label")).number("Judged items");
    for (DomainValidation d : o.figures().domains()) {
      for (String label : o.figures().labels()) {
        List<String> cells = new ArrayList<>(List.of(d.domain(), label));
        cells.addAll(
            shareCells(
                share(shares, d.domain(), label),
                d.estimatedShare().get(label),
                d.shareBounds().get(label)));
        cells.add(Long.toString(d.shareUnweighted().get(label).trials()));
        t.row(cells);
      }
    }
    return t.build();
  }

  /** The columns of a share beside the classifier's raw share. */
  private static Doc.TableBuilder shareColumns(Doc.TableBuilder t) {
    return t.number("Classifier share")
        .number("Estimated share")
        .number("95% CI")
        .number("Unres.")
        .number("Bounds");
  }

  /** The cells of {@link #shareColumns}: raw share, estimate, interval, unresolved, bounds. */
  private static List<String> shareCells(Double raw, MetricResult share, UnresolvedBounds bounds) {
    return List.of(
        raw == null ? "—" : number(raw),
        value(share.estimate(), null, null),
        ci(share),
        Integer.toString(bounds.items()),
        bounds(bounds));
  }

  private static Doc.Table confusionTable(ClassifierValidation f, boolean weighted) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            weighted
                ? "Predicted (rows) against gold (columns): estimated population issues, "
                    + WEIGHTED
                : "Predicted (rows) against gold (columns): sampled items, " + UNWEIGHTED);
    t.text("predicted \\ gold");
    for (String label : f.labels()) {
      t.number(label);
    }
    for (int r = 0; r < f.labels().size(); r++) {
      List<String> cells = new ArrayList<>();
      cells.add(f.labels().get(r));
      for (int c = 0; c < f.labels().size(); c++) {
        cells.add(
            weighted
                ? String.format(Locale.ROOT, "%.0f", f.confusionWeighted()[r][c])
                : Long.toString(f.confusionUnweighted()[r][c]));
      }
      t.row(cells);
    }
    t.note("an issue with several labels counts in several cells; the diagonal holds the hits");
    return t.build();
  }

  private static Doc.Table strataTable(ClassifierValidation f) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "Strata behind the weights: population N_h, sampled n_h, m_h the items with gold on"
                + " every label and N_h/m_h; a label's figures weigh N_h/m_h(c), m_h(c) the items"
                + " whose gold on c is resolved (listed per label in the JSON, strata[]"
                + ".judged_by_label); design weight N_h/n_h");
    t.text("Stratum")
        .number("N_h")
        .number("n_h")
        .number("Design weight")
        .number("m_h")
        .number("Weight")
        .number("m_h(c) min–max");
    for (ClassifierValidation.StratumWeight w : f.strata()) {
      t.row(
          w.key(),
          Long.toString(w.population()),
          Integer.toString(w.designSize()),
          w.designSize() == 0
              ? "—"
              : String.format(Locale.ROOT, "%.2f", (double) w.population() / w.designSize()),
          Integer.toString(w.judged()),
          w.judged() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", w.weight()),
          w.judgedByLabel().values().stream().mapToInt(Integer::intValue).min().orElse(0)
              + "–"
              + w.judgedByLabel().values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }
    return t.build();
  }

  static Doc.Table keywordTable(List<KeywordDiagnostics.Result> keywords, int rows) {
    Doc.TableBuilder t =
        new Doc.TableBuilder(
            "Keywords to fix first, by expected false positives in the population (design-weighted"
                + " estimate); precision is unweighted over the sampled items where the keyword"
                + " fired (Wilson 95% CI)"
                + (keywords.size() > rows ? "; top " + rows + " of " + keywords.size() : ""));
    t.number("Rank")
        .text("Keyword")
        .text("Label")
        .number("Fired")
        .number("Judged")
        .number("Precision")
        .number("Wilson 95% CI")
        .number("Expected FP")
        .text("Where it fired (judged/right)");
    int shown = 0;
    for (KeywordDiagnostics.Result k : keywords) {
      if (shown++ == rows) {
        break;
      }
      List<String> fields = new ArrayList<>();
      for (KeywordDiagnostics.FieldCount fc : k.fields()) {
        fields.add(fc.field() + " " + fc.judged() + "/" + fc.right());
      }
      t.row(
          Integer.toString(k.rank()),
          k.keyword().keyword(),
          (k.keyword().dimension().equals("category") ? "" : k.keyword().dimension() + ":")
              + k.keyword().label(),
          Integer.toString(k.fired()),
          Integer.toString(k.judged()),
          k.precision().isDefined() ? number(k.precision().value()) : "—",
          k.ci95().map(ValidationReportWriter::interval).orElse("—"),
          String.format(Locale.ROOT, "%.1f", k.expectedFalsePositives()),
          String.join(", ", fields));
    }
    if (keywords.isEmpty()) {
      t.row("", "(the run recorded no evidence)", "", "", "", "", "", "", "");
    }
    return t.build();
  }

  static String value(Coefficient c, Doc.TableBuilder t, List<String> marks) {
    if (c.isDefined()) {
      return number(c.value());
    }
    if (t != null) {
      marks.add(t.note("undefined: " + c.reason().orElseThrow()));
    }
    return "undefined";
  }

  /** The interval, or "—" with a note saying why there is none for a defined estimate. */
  static String ci(MetricResult m, Doc.TableBuilder t, List<String> marks) {
    String shown = ci(m);
    if (m.estimate().isDefined()) {
      m.bootstrap()
          .flatMap(BootstrapInterval::reason)
          .filter(reason -> reason.startsWith("not estimable"))
          .map(t::note)
          .filter(mark -> !marks.contains(mark))
          .ifPresent(marks::add);
    }
    return shown;
  }

  static String ci(MetricResult m) {
    return m.bootstrap()
        .flatMap(BootstrapInterval::ci95)
        .map(ValidationReportWriter::interval)
        .orElse("—");
  }

  private static String wilson(Proportion p) {
    return p.ci95().map(ValidationReportWriter::interval).orElse("—");
  }

  private static String fraction(Proportion p) {
    return p.trials() == 0 ? "—" : number((double) p.successes() / p.trials());
  }

  static String interval(Interval i) {
    return Figures.interval(i);
  }

  static String number(double v) {
    return AgreementReportWriter.number(v);
  }

  private static String signed(double v) {
    String s = number(v);
    return v > 0 && !s.equals("0.000") ? "+" + s : s;
  }

  static String count(long n) {
    return Figures.count(n);
  }
}
