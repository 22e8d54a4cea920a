package org.labellens.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.labellens.core.Counts;
import org.labellens.core.report.Doc;
import org.labellens.core.report.Figures;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.BootstrapInterval;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.ConfusionMatrix;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.Metric;
import org.labellens.core.stats.MetricResult;
import org.labellens.core.stats.PairResult;
import org.labellens.core.stats.RaterPairAgreement;
import org.labellens.core.stats.SetAgreementReport;
import org.labellens.core.stats.SetMetric;
import org.labellens.core.stats.StudyReport;

/**
 * Writes agreement reports as JSON for machines (the shape of docs/output.md: keys are added, never
 * renamed) and as tables for people: aligned text, Markdown, or LaTeX with booktabs. Every table
 * states n (items, raters, ratings), the missing ratings and how they were handled, and how the
 * intervals were computed. Values are printed with three decimals in tables and in full in JSON; an
 * undefined value is {@code null} with a {@code reason} in JSON and "undefined" with a numbered
 * note in tables.
 */
public final class AgreementReportWriter {
  private AgreementReportWriter() {}

  /** The report in the given format, ending with a line break. */
  public static String write(AgreementReport report, ReportFormat format) {
    return switch (format) {
      case JSON -> JsonOutput.pretty(json(report)) + "\n";
      case TABLE, MARKDOWN, LATEX -> tables(report, format);
    };
  }

  /** The set-valued report in the given format, ending with a line break. */
  public static String write(SetAgreementReport report, ReportFormat format) {
    return switch (format) {
      case JSON -> JsonOutput.pretty(json(report)) + "\n";
      case TABLE, MARKDOWN, LATEX -> tables(report, format);
    };
  }

  // ---------------------------------------------------------------- JSON

  /** The JSON tree of a single-label report (docs/agreement.md, "Output"). */
  public static Map<String, Object> json(AgreementReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    counts(root, report, report.labels());
    root.put("metrics", metrics(report.metrics(), Metric::key));
    List<Object> pairs = new ArrayList<>();
    for (PairResult pair : report.pairs()) {
      pairs.add(pair(pair));
    }
    root.put("pairs", pairs);
    context(root, report, report.options());
    return root;
  }

  /** The JSON tree of a set-valued report ({@code "kind": "set"}, docs/agreement.md, "Output"). */
  public static Map<String, Object> json(SetAgreementReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kind", "set");
    counts(root, report, report.labels());
    root.put("metrics", metrics(report.metrics(), SetMetric::key));
    Map<String, Object> perLabel = new LinkedHashMap<>();
    report.perLabel().forEach((label, labelReport) -> perLabel.put(label, json(labelReport)));
    root.put("per_label", perLabel);
    context(root, report, report.options());
    return root;
  }

  /** The sizes both report shapes start with. */
  private static void counts(Map<String, Object> root, StudyReport report, List<String> labels) {
    root.put("items", report.items());
    root.put("raters", report.raters());
    root.put("ratings", report.ratings());
    root.put("labels", labels);
  }

  private static <M> Map<String, Object> metrics(
      Map<M, MetricResult> results, Function<M, String> key) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    results.forEach((metric, result) -> metrics.put(key.apply(metric), metric(result)));
    return metrics;
  }

  /**
   * The keys both report shapes add after the listed ones (docs/output.md): raters, missing
   * ratings, the bootstrap.
   */
  private static void context(
      Map<String, Object> root, StudyReport report, AgreementOptions options) {
    root.put("rater_names", report.raterNames());
    root.put("missing_ratings", report.missingRatings());
    root.put("rated_items", report.ratedItems());
    root.put("pairable_items", report.pairableItems());
    root.put("missing_ratings_policy", AgreementReport.MISSING_RATINGS_POLICY);
    root.put("bootstrap", bootstrap(options));
  }

  private static Map<String, Object> metric(MetricResult result) {
    Map<String, Object> node = new LinkedHashMap<>();
    value(node, "value", "reason", result.estimate());
    interval(node, "ci95", result.bootstrap());
    result
        .asymptotic()
        .ifPresent(
            asymptotic -> {
              node.put("se", asymptotic.standardError());
              node.put("ci95_asymptotic", bounds(asymptotic.ci95()));
            });
    return node;
  }

  private static Map<String, Object> pair(PairResult pair) {
    RaterPairAgreement agreement = pair.agreement();
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("a", agreement.first());
    node.put("b", agreement.second());
    node.put("items", agreement.items());
    value(node, "percent_agreement", "percent_agreement_reason", agreement.percentAgreement());
    value(node, "cohen_kappa", "cohen_kappa_reason", agreement.cohenKappa());
    interval(node, "percent_agreement_ci95", pair.percentAgreementBootstrap());
    interval(node, "cohen_kappa_ci95", pair.cohenKappaBootstrap());
    ConfusionMatrix confusion = agreement.confusion();
    List<List<Long>> counts = new ArrayList<>();
    for (int row = 0; row < confusion.categories().size(); row++) {
      List<Long> line = new ArrayList<>();
      for (int column = 0; column < confusion.categories().size(); column++) {
        line.add(confusion.count(row, column));
      }
      counts.add(line);
    }
    Map<String, Object> matrix = new LinkedHashMap<>();
    matrix.put("rows", agreement.first());
    matrix.put("columns", agreement.second());
    matrix.put("labels", confusion.categories());
    matrix.put("counts", counts);
    node.put("confusion", matrix);
    return node;
  }

  private static void value(
      Map<String, Object> node, String key, String reasonKey, Coefficient coefficient) {
    node.put(key, coefficient.isDefined() ? coefficient.value() : null);
    coefficient.reason().ifPresent(reason -> node.put(reasonKey, reason));
  }

  private static void interval(
      Map<String, Object> node, String key, Optional<BootstrapInterval> bootstrap) {
    if (bootstrap.isEmpty()) {
      node.put(key, null);
      return;
    }
    BootstrapInterval interval = bootstrap.get();
    node.put(key, interval.ci95().map(AgreementReportWriter::bounds).orElse(null));
    interval.reason().ifPresent(reason -> node.put(key + "_reason", reason));
    node.put(key + "_undefined_replicates", interval.undefinedReplicates());
  }

  private static List<Double> bounds(Interval interval) {
    return List.of(interval.low(), interval.high());
  }

  private static Map<String, Object> bootstrap(AgreementOptions options) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("replicates", options.bootstrapReplicates());
    node.put("seed", options.seed());
    node.put(
        "method",
        "percentile; items with at least one rating resampled with replacement; type-7"
            + " quantiles at 0.025 and 0.975; replicates where a coefficient is undefined are"
            + " left out of its interval and counted");
    return node;
  }

  // ---------------------------------------------------------------- tables

  private static String tables(AgreementReport report, ReportFormat format) {
    Doc.TableBuilder metrics =
        coefficients("Agreement coefficients", report.metrics(), Metric::label);
    Doc.TableBuilder pairs =
        new Doc.TableBuilder("Pairs of raters (each on the items both rated)")
            .text("Rater")
            .text("Rater")
            .number("Items")
            .number("Agreement")
            .text("95% CI")
            .number("Cohen's kappa")
            .text("95% CI")
            .text("Note");
    for (PairResult pair : report.pairs()) {
      RaterPairAgreement agreement = pair.agreement();
      List<String> marks = new ArrayList<>();
      pairs.row(
          agreement.first(),
          agreement.second(),
          Long.toString(agreement.items()),
          cell(agreement.percentAgreement(), pairs, marks),
          ci(pair.percentAgreementBootstrap(), pairs, marks),
          cell(agreement.cohenKappa(), pairs, marks),
          ci(pair.cohenKappaBootstrap(), pairs, marks),
          String.join(" ", marks));
    }
    List<Section> sections = new ArrayList<>();
    sections.add(new Section(metrics.build(), "Inter-rater agreement"));
    sections.add(
        new Section(pairs.build(), "Agreement of each pair of raters on the items both rated"));
    if (report.raters() == 2) {
      sections.add(new Section(confusion(report.pairs().get(0)), "Confusion matrix"));
    }
    return render(
        format,
        preamble(report),
        sampleSize(report.items(), report.raters(), report.ratings()),
        sections);
  }

  private static String tables(SetAgreementReport report, ReportFormat format) {
    List<String> preamble = new ArrayList<>();
    preamble.add(study(report, " (set ratings; an empty set is a rating)"));
    preamble.add("Labels (" + report.labels().size() + "): " + String.join(", ", report.labels()));
    preamble.add(AgreementReport.MISSING_RATINGS_POLICY);
    preamble.add(ciMethod(report.options()));
    Doc.TableBuilder metrics =
        coefficients("Agreement on whole sets", report.metrics(), SetMetric::label);
    List<Metric> shown =
        List.of(
            Metric.PERCENT_AGREEMENT,
            Metric.FLEISS_KAPPA,
            Metric.KRIPPENDORFF_ALPHA,
            Metric.GWET_AC1);
    Doc.TableBuilder labels =
        new Doc.TableBuilder("Agreement per label (label in the set or not)").text("Label");
    for (Metric metric : shown) {
      labels.number(metric.label()).text("95% CI");
    }
    labels.text("Note");
    report
        .perLabel()
        .forEach(
            (label, labelReport) -> {
              List<String> marks = new ArrayList<>();
              List<String> cells = new ArrayList<>(List.of(label));
              for (Metric metric : shown) {
                MetricResult result = labelReport.metrics().get(metric);
                cells.add(cell(result.estimate(), labels, marks));
                cells.add(ci(result.bootstrap(), labels, marks));
              }
              cells.add(String.join(" ", marks));
              labels.row(cells);
            });
    return render(
        format,
        preamble,
        sampleSize(report.items(), report.raters(), report.ratings()),
        List.of(
            new Section(metrics.build(), "Agreement on label sets"),
            new Section(labels.build(), "Agreement per label")));
  }

  /** One row per coefficient: its value, its interval and the notes on it. */
  private static <M> Doc.TableBuilder coefficients(
      String title, Map<M, MetricResult> results, Function<M, String> label) {
    Doc.TableBuilder table =
        new Doc.TableBuilder(title).text("Coefficient").number("Value").text("95% CI").text("Note");
    for (Map.Entry<M, MetricResult> entry : results.entrySet()) {
      MetricResult result = entry.getValue();
      List<String> marks = new ArrayList<>();
      String value = cell(result.estimate(), table, marks);
      String ci = ci(result.bootstrap(), table, marks);
      result
          .asymptotic()
          .ifPresent(
              asymptotic ->
                  marks.add(
                      table.note(
                          "large-sample SE "
                              + number(asymptotic.standardError())
                              + " (Fleiss, Cohen & Everitt 1969); asymptotic 95% CI "
                              + interval(asymptotic.ci95()))));
      table.row(label.apply(entry.getKey()), value, ci, String.join(" ", marks));
    }
    return table;
  }

  /** A table and, for LaTeX, its caption. */
  private record Section(Doc.Table table, String caption) {}

  /**
   * The preamble (n, labels, missing ratings, intervals) and the sections. In LaTeX each table is a
   * float of its own, so each states n in its caption and the missing ratings under it; the first
   * also carries the whole preamble.
   */
  private static String render(
      ReportFormat format, List<String> preamble, String n, List<Section> sections) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sections.size(); i++) {
      Doc.Table table = sections.get(i).table();
      switch (format) {
        case TABLE -> {
          if (i == 0) {
            preamble.forEach(line -> out.append(Doc.plain(line)).append('\n'));
          }
          out.append('\n').append(Doc.table(table, Doc.Format.PLAIN));
        }
        case MARKDOWN -> {
          if (i == 0) {
            Doc.markdownBullets(out, preamble);
          }
          out.append('\n').append(Doc.table(table, Doc.Format.MARKDOWN));
        }
        default -> {
          if (i > 0) {
            out.append('\n');
          }
          List<String> footer =
              new ArrayList<>(i == 0 ? preamble : List.of(preamble.get(0), preamble.get(2)));
          footer.addAll(table.notes());
          Doc.Table floated =
              new Doc.Table(
                  sections.get(i).caption() + " (" + n + ").",
                  table.header(),
                  table.numeric(),
                  table.rows(),
                  footer);
          out.append(Doc.table(floated, Doc.Format.LATEX));
        }
      }
    }
    return out.toString();
  }

  private static List<String> preamble(AgreementReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(study(report, ""));
    lines.add(
        "Labels (q = "
            + report.labels().size()
            + (report.options().ordinal() ? ", ordered" : "")
            + "): "
            + String.join(", ", report.labels()));
    lines.add(AgreementReport.MISSING_RATINGS_POLICY);
    lines.add(ciMethod(report.options()));
    return lines;
  }

  /** The study's size, raters and missing ratings in one line; {@code kind} follows the size. */
  private static String study(StudyReport report, String kind) {
    return sampleSize(report.items(), report.raters(), report.ratings())
        + kind
        + "; raters "
        + String.join(", ", report.raterNames())
        + "; "
        + missing(report.missingRatings(), report.items(), report.raters())
        + "; "
        + Counts.of(report.pairableItems(), "item")
        + " rated by two or more raters.";
  }

  private static String sampleSize(int items, int raters, int ratings) {
    return "n = "
        + Counts.of(items, "item")
        + ", "
        + Counts.of(raters, "rater")
        + ", "
        + Counts.of(ratings, "rating");
  }

  private static String missing(long missing, int items, int raters) {
    return missing + " of " + (long) items * raters + " item-rater cells without a rating";
  }

  private static String ciMethod(AgreementOptions options) {
    if (options.bootstrapReplicates() == 0) {
      return "No confidence intervals (bootstrap off).";
    }
    return "95% CI: percentile bootstrap, "
        + options.bootstrapReplicates()
        + " replicates, seed "
        + options.seed()
        + ", items resampled with replacement.";
  }

  private static Doc.Table confusion(PairResult pair) {
    ConfusionMatrix matrix = pair.agreement().confusion();
    Doc.TableBuilder table =
        new Doc.TableBuilder(
                "Confusion matrix (rows: " + matrix.first() + ", columns: " + matrix.second() + ")")
            .text(matrix.first() + " \\ " + matrix.second());
    matrix.categories().forEach(table::number);
    table.number("Total");
    int q = matrix.categories().size();
    long[] columnTotals = new long[q];
    for (int row = 0; row < q; row++) {
      List<String> cells = new ArrayList<>();
      cells.add(matrix.categories().get(row));
      long total = 0;
      for (int column = 0; column < q; column++) {
        long count = matrix.count(row, column);
        cells.add(Long.toString(count));
        total += count;
        columnTotals[column] += count;
      }
      cells.add(Long.toString(total));
      table.row(cells);
    }
    List<String> totals = new ArrayList<>();
    totals.add("Total");
    for (long total : columnTotals) {
      totals.add(Long.toString(total));
    }
    totals.add(Long.toString(matrix.items()));
    table.row(totals);
    return table.build();
  }

  private static String cell(Coefficient coefficient, Doc.TableBuilder notes, List<String> marks) {
    if (coefficient.isDefined()) {
      return number(coefficient.value());
    }
    marks.add(notes.note("undefined: " + coefficient.reason().orElseThrow()));
    return "undefined";
  }

  private static String ci(
      Optional<BootstrapInterval> bootstrap, Doc.TableBuilder notes, List<String> marks) {
    if (bootstrap.isEmpty()) {
      return "—";
    }
    BootstrapInterval interval = bootstrap.get();
    if (interval.ci95().isEmpty()) {
      return "—";
    }
    if (interval.undefinedReplicates() > 0) {
      marks.add(
          notes.note(
              interval.undefinedReplicates()
                  + " of "
                  + interval.replicates()
                  + " bootstrap replicates were undefined and are left out of the interval"));
    }
    return interval(interval.ci95().get());
  }

  private static String interval(Interval interval) {
    return Figures.interval(interval);
  }

  static String number(double value) {
    return Figures.number(value);
  }
}
