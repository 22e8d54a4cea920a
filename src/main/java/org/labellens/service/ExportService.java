package org.labellens.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Issue;
import org.labellens.core.model.RunInfo;
import org.labellens.core.review.ExportDocument;
import org.labellens.core.review.SampleDescription;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.Gold;
import org.labellens.core.validation.GoldRule;
import org.labellens.io.AtomicFile;
import org.labellens.io.ExportWriter;
import org.labellens.store.Repositories;
import org.labellens.store.ReviewStore;
import org.labellens.store.Tx;

/**
 * Exports a sample's validated labels (docs/formats.md) to a file, written to a temporary sibling
 * and moved into place: a failed export never leaves a partial file, and the same project gives the
 * same bytes. The file is streamed issue by issue: the export holds one issue (and one body) at a
 * time, plus counts per dimension, label and stratum.
 */
public final class ExportService {
  private final Repositories repos;
  private final AnnotationService.SchemeSource schemes;

  public ExportService(Repositories repos, AnnotationService.SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /** What an export wrote. */
  public record Summary(Path file, String format, int issues, boolean goldOnly) {}

  /**
   * The document an export writes, held whole (for tests and previews of small samples; {@link
   * #export} streams instead).
   *
   * @param goldOnly only issues with gold on every decided dimension, without the decisions
   */
  public ExportDocument document(String sample, boolean goldOnly, boolean withBodies) {
    return repos.read(
        tx -> {
          Plan plan = plan(tx, sample, goldOnly);
          List<ExportDocument.Row> rows = new ArrayList<>();
          forEachRow(
              tx,
              plan,
              row ->
                  rows.add(withBodies ? withBody(row, repos.issues().find(tx, row.issue())) : row));
          return new ExportDocument(plan.head, rows);
        });
  }

  /**
   * Hands over the rows {@link #export} writes, in the same order and the same way: each is built
   * as its issue is read and dropped once handed over.
   */
  void rows(String sample, boolean goldOnly, Consumer<ExportDocument.Row> action) {
    repos.read(
        tx -> {
          forEachRow(tx, plan(tx, sample, goldOnly), action);
          return null;
        });
  }

  /**
   * Writes the export.
   *
   * @param format csv, jsonl, json or labelstudio
   * @throws BadInputException for an unknown format, or when the file cannot be written (nothing is
   *     left behind then)
   */
  public Summary export(String sample, String format, Path out, boolean goldOnly) {
    return export(sample, format, out, goldOnly, false);
  }

  /**
   * Writes the export; with {@code noClobber}, refuses an existing file. Two passes over the
   * sample, in one read transaction, each holding one issue at a time: the first counts what the
   * rows need from the whole sample (the dimensions used, the annotators, per label and stratum the
   * issues that count for the label's weight), the second builds each row and writes it at once.
   * Bodies (only Label Studio has them) are read one at a time as the tasks are written.
   */
  public Summary export(
      String sample, String format, Path out, boolean goldOnly, boolean noClobber) {
    ExportWriter.Format f = format(format);
    return repos.read(
        tx -> {
          Plan plan = plan(tx, sample, goldOnly);
          ExportWriter.Bodies bodies =
              row -> repos.issues().find(tx, row.issue()).map(Issue::body).orElse(null);
          int[] written = {0};
          AtomicFile.write(
              out,
              noClobber,
              w -> {
                ExportWriter.Stream stream = ExportWriter.open(plan.head, f, w, bodies);
                try {
                  forEachRow(
                      tx,
                      plan,
                      row -> {
                        try {
                          stream.row(row);
                        } catch (IOException e) {
                          throw new WriteFailure(e);
                        }
                        written[0]++;
                      });
                } catch (WriteFailure e) {
                  throw e.io;
                }
                stream.finish();
              });
          return new Summary(out, f.key(), written[0], goldOnly);
        });
  }

  /** A failed write, carried out of the store's cursor to the file's handling of it. */
  private static final class WriteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient IOException io;

    WriteFailure(IOException cause) {
      super(cause);
      this.io = cause;
    }
  }

  /** The format named {@code csv}, {@code jsonl}, {@code json} or {@code labelstudio}. */
  static ExportWriter.Format format(String name) {
    for (ExportWriter.Format f : ExportWriter.Format.values()) {
      if (f.key().equals(name.toLowerCase(java.util.Locale.ROOT))) {
        return f;
      }
    }
    throw new BadInputException(
        "unknown export format '" + name + "' (use csv, jsonl, json or labelstudio)");
  }

  /** What every row needs from the whole sample: small, per dimension, label and stratum. */
  private record Plan(
      SampleInfo info,
      AnnotationScheme scheme,
      Long runId,
      ExportDocument.Head head,
      Map<String, List<String>> weightLabels,
      Map<String, Map<String, Map<String, Integer>>> judged,
      Map<String, Double> weights,
      Map<String, Long> population) {}

  /**
   * The first pass: reads the sample's items one at a time and keeps only counts (the dimensions
   * with any decision, prediction or adjudication, the annotators, the rows there will be, and per
   * validated dimension and label, per stratum, m_h: the stratum's items whose gold on the label is
   * resolved and that the run covers, as validate counts them).
   */
  private Plan plan(Tx tx, String sample, boolean goldOnly) {
    SampleInfo info =
        repos.samples().byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
    RunInfo run = null;
    if (info.run() != null) {
      run =
          repos
              .runQueries()
              .byName(tx, info.run())
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "no classifier run named '" + info.run() + "' (see: labellens runs)"));
    }
    AnnotationScheme scheme = schemes.forSample(info);
    List<SampleDraw.Stratum> strata = repos.samples().strata(tx, info.id());
    Map<String, List<String>> validated = new LinkedHashMap<>();
    Map<String, Map<String, Map<String, Integer>>> judged = new LinkedHashMap<>();
    for (SchemeDimension d : scheme.dimensions()) {
      if (!ValidationService.DIMENSIONS.contains(d.id()) || !d.isCategorical()) {
        continue;
      }
      List<String> labels = new ArrayList<>(d.labels());
      if (d.kind().isSet()) {
        labels.add(ValidationReport.NONE_LABEL);
      }
      validated.put(d.id(), labels);
      Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
      for (String label : labels) {
        m.put(label, new HashMap<>());
      }
      judged.put(d.id(), m);
    }
    Set<String> used = new HashSet<>();
    Set<String> names = new TreeSet<>();
    long[] rows = {0};
    repos
        .reviews()
        .forEachItem(
            tx,
            info.id(),
            info.name(),
            run == null ? null : run.id(),
            false,
            si -> {
              Item item = new Item(si, scheme);
              for (Decision d : si.decisions()) {
                used.add(d.dimension());
                names.add(d.annotator());
              }
              used.addAll(item.adjudications.keySet());
              used.addAll(item.predicted.keySet());
              // a dimension nobody decided, adjudicated or predicted has no gold on any item, so
              // counting over every dimension of the scheme is counting over the used ones
              boolean any = false;
              boolean complete = true;
              for (SchemeDimension d : scheme.dimensions()) {
                Gold g = item.gold(d);
                if (g.isResolved()) {
                  any = true;
                } else if (g.isUnresolved()) {
                  complete = false;
                }
                List<String> labels = validated.get(d.id());
                if (labels != null && item.predicted.containsKey(d.id())) {
                  for (String label : labels) {
                    if (DimensionValidation.goldOn(g, label, ValidationReport.NONE_LABEL) != null) {
                      judged
                          .get(d.id())
                          .get(label)
                          .merge(si.item().stratum().label(), 1, Integer::sum);
                    }
                  }
                }
              }
              if (!goldOnly || (any && complete)) {
                rows[0]++;
              }
            });
    List<String> dimensions = new ArrayList<>();
    for (SchemeDimension d : scheme.dimensions()) {
      if (used.contains(d.id())) {
        dimensions.add(d.id());
      }
    }
    Map<String, List<String>> weightLabels = new LinkedHashMap<>();
    Map<String, List<String>> goldLabels = new LinkedHashMap<>();
    for (String id : dimensions) {
      SchemeDimension d = scheme.require(id);
      if (d.kind().isSet()) {
        List<String> all = new ArrayList<>(d.labels());
        all.add(ValidationReport.NONE_LABEL);
        goldLabels.put(id, all);
      }
      if (validated.containsKey(id)) {
        weightLabels.put(id, validated.get(id));
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    Map<String, Long> population = new HashMap<>();
    for (SampleDraw.Stratum st : strata) {
      weights.put(st.key().label(), st.size() == 0 ? 0.0 : (double) st.population() / st.size());
      population.put(st.key().label(), st.population());
    }
    List<String> annotators = List.copyOf(names);
    List<String> assigned = ValidationService.assigned(repos, tx, info.id(), annotators);
    ExportDocument.Head head =
        new ExportDocument.Head(
            info,
            SampleDescription.sentence(
                info, strata, repos.samples().overlapCount(tx, info.id()), assigned),
            run == null ? null : run.name(),
            scheme,
            dimensions,
            annotators,
            goldOnly,
            repos.annotations().provenance(tx, info.id()),
            // the rows' labels: none when there are no rows
            rows[0] == 0 ? Map.of() : goldLabels,
            rows[0] == 0 ? Map.of() : weightLabels);
    return new Plan(
        info,
        scheme,
        run == null ? null : run.id(),
        head,
        weightLabels,
        judged,
        weights,
        population);
  }

  /** The second pass: each row, built and handed over while its item is read. */
  private void forEachRow(Tx tx, Plan plan, Consumer<ExportDocument.Row> action) {
    repos
        .reviews()
        .forEachItem(
            tx,
            plan.info.id(),
            plan.info.name(),
            plan.runId,
            true,
            si -> {
              ExportDocument.Row row = row(plan, new Item(si, plan.scheme));
              if (row != null) {
                action.accept(row);
              }
            });
  }

  /** The row of an item, or null when a gold-only export leaves it out. */
  private static ExportDocument.Row row(Plan plan, Item item) {
    ExportDocument.Head head = plan.head;
    ReviewStore.ItemRow row = item.row;
    Map<String, Gold> gold = new LinkedHashMap<>();
    boolean complete = true;
    boolean any = false;
    for (String id : head.dimensions()) {
      Gold g = item.gold(plan.scheme.require(id));
      gold.put(id, g);
      if (g.isResolved()) {
        any = true;
      } else if (g.isUnresolved()) {
        complete = false;
      }
    }
    if (head.goldOnly() && !(any && complete)) {
      return null;
    }
    List<Decision> decisions = new ArrayList<>(item.decisions);
    decisions.sort(Decision.BY_ANNOTATOR_DIMENSION_PHASE);
    Map<String, Map<String, Boolean>> labelGold = new LinkedHashMap<>();
    Map<String, Map<String, Double>> labelWeights = new LinkedHashMap<>();
    for (String id : head.dimensions()) {
      SchemeDimension d = plan.scheme.require(id);
      List<String> labels = plan.weightLabels.get(id);
      if (d.kind().isSet()) {
        List<String> all = new ArrayList<>(d.labels());
        all.add(ValidationReport.NONE_LABEL);
        Map<String, Boolean> lg = new LinkedHashMap<>();
        for (String label : all) {
          lg.put(
              label, DimensionValidation.goldOn(gold.get(id), label, ValidationReport.NONE_LABEL));
        }
        labelGold.put(id, lg);
      }
      if (labels == null) {
        continue;
      }
      Map<String, Double> lw = new LinkedHashMap<>();
      boolean covered = item.predicted.containsKey(id);
      for (String label : labels) {
        Boolean on = DimensionValidation.goldOn(gold.get(id), label, ValidationReport.NONE_LABEL);
        int m = plan.judged.get(id).get(label).getOrDefault(row.stratum().label(), 0);
        lw.put(
            label,
            covered && on != null && m > 0
                ? (double) plan.population.getOrDefault(row.stratum().label(), 0L) / m
                : null);
      }
      labelWeights.put(id, lw);
    }
    return new ExportDocument.Row(
        row.issue(),
        row.framework(),
        row.title(),
        row.body(),
        row.url(),
        row.state(),
        row.labels(),
        row.stratum().label(),
        plan.weights.getOrDefault(row.stratum().label(), 0.0),
        row.overlap(),
        item.predicted,
        gold,
        decisions,
        item.adjudications,
        item.run == null ? List.of() : item.run.evidence(),
        labelGold,
        labelWeights);
  }

  private static ExportDocument.Row withBody(ExportDocument.Row r, Optional<Issue> issue) {
    return new ExportDocument.Row(
        r.issue(),
        r.framework(),
        r.title(),
        issue.map(Issue::body).orElse(null),
        r.url(),
        r.state(),
        r.labels(),
        r.stratum(),
        r.weight(),
        r.overlap(),
        r.predicted(),
        r.gold(),
        r.decisions(),
        r.adjudications(),
        r.evidence(),
        r.labelGold(),
        r.labelWeights());
  }

  /**
   * One sampled issue as the rows see it: each annotator's final decision per dimension (revealed
   * over blind), the adjudications by dimension, and the run's values.
   */
  private static final class Item {
    final ReviewStore.ItemRow row;
    final List<Decision> decisions;
    final ReviewStore.RunItem run;
    final Map<String, Adjudication> adjudications = new TreeMap<>();
    final Map<String, DecisionValue> predicted;
    private final Map<String, Map<String, Decision>> finals = new HashMap<>();

    Item(ReviewStore.SampleItem si, AnnotationScheme scheme) {
      this.row = si.item();
      this.decisions = si.decisions();
      this.run = si.run();
      for (Decision d : decisions) {
        Map<String, Decision> fin = finals.computeIfAbsent(d.dimension(), k -> new TreeMap<>());
        Decision seen = fin.get(d.annotator());
        if (seen == null || d.phase() == Phase.REVEALED) {
          fin.put(d.annotator(), d);
        }
      }
      for (Adjudication a : si.adjudications()) {
        adjudications.put(a.dimension(), a);
      }
      this.predicted =
          run == null ? Map.of() : SampleSnapshot.predictedValues(scheme, run, new HashSet<>());
    }

    /** The gold on a dimension. */
    Gold gold(SchemeDimension dimension) {
      Adjudication a = adjudications.get(dimension.id());
      List<DecisionValue> values = new ArrayList<>();
      finals.getOrDefault(dimension.id(), Map.of()).values().forEach(d -> values.add(d.value()));
      return GoldRule.derive(dimension, a == null ? null : a.value(), values);
    }
  }
}
