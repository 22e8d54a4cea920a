package org.labellens.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.Label;
import org.labellens.core.model.Rule;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.report.ReportSection;
import org.labellens.core.review.ClassifierShares;
import org.labellens.core.review.SampleDescription;
import org.labellens.core.review.UnresolvedItem;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.sampling.Frame;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.Gold;
import org.labellens.core.validation.KeywordDiagnostics;
import org.labellens.io.TaxonomyReader;
import org.labellens.io.ValidationReportWriter;
import org.labellens.store.Repositories;
import org.labellens.store.ReviewStore;
import org.labellens.store.RunShareStore;
import org.labellens.store.Tx;

/**
 * Validates a classifier run against the gold of a sample (docs/validation.md): gold per item and
 * dimension, design-weighted precision, recall and F1 per label with stratified bootstrap
 * intervals, estimated true shares overall and per framework beside the run's raw shares over the
 * whole frame, the co-occurrence of predicted and gold categories, and keyword diagnostics. Reads
 * in one transaction; writes nothing.
 */
public final class ValidationService {
  /** The predicted dimensions validated, in this order, where the scheme and the run have them. */
  public static final List<String> DIMENSIONS = List.of("category", "production", "primary");

  private final Repositories repos;
  private final AnnotationService.SchemeSource schemes;

  public ValidationService(Repositories repos, AnnotationService.SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /**
   * The validation report.
   *
   * @param run the run to validate (null: the sample's run)
   * @param bootstrap bootstrap replicates (0: no intervals)
   * @throws BadInputException for an unknown sample or run, or a sample without a run when none is
   *     given
   */
  public ValidationReport validate(String sample, String run, int bootstrap, long seed) {
    checkBootstrap(bootstrap);
    return repos.read(
        tx -> {
          SampleSnapshot s = SampleSnapshot.read(repos, tx, sample, run, false, schemes);
          if (s.run == null) {
            throw new BadInputException(
                "sample '"
                    + sample
                    + "' was drawn without a classifier run: name the run to validate with --run R"
                    + " (see: labellens runs)");
          }
          return validate(repos, tx, s, bootstrap, seed);
        });
  }

  static void checkBootstrap(int bootstrap) {
    if (bootstrap < 0 || bootstrap > AgreementOptions.MAX_REPLICATES) {
      throw new BadInputException(
          "--bootstrap must be between 0 and "
              + AgreementOptions.MAX_REPLICATES
              + ", got "
              + bootstrap);
    }
  }

  /**
   * Validates a sample read in {@code tx}. The run's raw shares over the frame, which depend only
   * on the run and the frame (never on annotations), are counted at the same time on a second read
   * connection of {@code repos}.
   */
  static ValidationReport validate(
      Repositories repos, Tx tx, SampleSnapshot s, int bootstrap, long seed) {
    SchemeDimension first =
        DIMENSIONS.stream()
            .map(id -> s.scheme.dimension(id).filter(SchemeDimension::isCategorical).orElse(null))
            .filter(d -> d != null)
            .findFirst()
            .orElse(null);
    CompletableFuture<ClassifierShares> counted =
        first == null
            ? null
            : CompletableFuture.supplyAsync(
                () ->
                    repos.read(
                        tx2 -> classifierShares(repos, tx2, s, first.id(), labelsOf(first))));
    CompletableFuture<List<KeywordDiagnostics.Keyword>> taxonomyKeywords =
        CompletableFuture.supplyAsync(() -> repos.read(tx3 -> taxonomyKeywords(repos, tx3, s)));
    List<String> warnings = new ArrayList<>();
    List<DimensionValidation.Outcome> outcomes = new ArrayList<>();
    for (String id : DIMENSIONS) {
      SchemeDimension dimension =
          s.scheme.dimension(id).filter(SchemeDimension::isCategorical).orElse(null);
      if (dimension == null) {
        continue;
      }
      List<DimensionValidation.Item> items = s.validationItems(dimension);
      if (!id.equals("category") && items.stream().allMatch(i -> i.predicted() == null)) {
        continue;
      }
      outcomes.add(
          DimensionValidation.compute(
              dimension, ValidationReport.NONE_LABEL, s.strata, items, bootstrap, seed));
    }
    if (outcomes.isEmpty()) {
      throw new BadInputException(
          "the taxonomy "
              + s.scheme.reference()
              + " has no dimension the classifier predicts ("
              + String.join(", ", DIMENSIONS)
              + ")");
    }
    List<UnresolvedItem> unresolved = new ArrayList<>();
    for (var row : s.items) {
      for (SchemeDimension d : s.scheme.categorical()) {
        Gold g = s.gold(row.issue(), d);
        if (g.isUnresolved()) {
          unresolved.add(new UnresolvedItem(row.issue(), row.title(), d.id(), g));
        }
      }
    }
    DimensionValidation.Outcome main = outcomes.get(0);
    warnings(s, main, warnings);
    ClassifierShares shares;
    if (counted != null && first.id().equals(main.dimension())) {
      try {
        shares = counted.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    } else {
      SchemeDimension d = s.scheme.require(main.dimension());
      shares = classifierShares(repos, tx, s, d.id(), labelsOf(d));
    }
    List<KeywordDiagnostics.Result> keywords;
    try {
      keywords = keywords(s, outcomes, taxonomyKeywords.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    Map<String, ClassifierShares> dimensionShares = new LinkedHashMap<>();
    for (DimensionValidation.Outcome o : outcomes) {
      dimensionShares.put(
          o.dimension(),
          o.dimension().equals(main.dimension())
              ? shares
              : classifierShares(
                  repos, tx, s, o.dimension(), labelsOf(s.scheme.require(o.dimension()))));
    }
    return new ValidationReport(
        s.info,
        SampleDescription.sentence(
            s.info, s.strata, s.overlapItems, assigned(repos, tx, s.info.id(), s.annotators)),
        s.run.name(),
        s.items.size(),
        outcomes,
        unresolved,
        shares,
        keywords,
        warnings,
        bootstrap,
        seed,
        dimensionShares,
        s.provenance);
  }

  static List<String> assigned(Repositories repos, Tx tx, long sampleId, List<String> decided) {
    List<String> names = new ArrayList<>();
    for (AnnotatorProgress p : repos.samples().progress(tx, sampleId)) {
      names.add(p.annotator());
    }
    Set<String> all = new java.util.TreeSet<>(names);
    all.addAll(decided);
    return List.copyOf(all);
  }

  private static void warnings(
      SampleSnapshot s, DimensionValidation.Outcome main, List<String> warnings) {
    int withGold = main.goldItems();
    if (withGold < s.items.size()) {
      warnings.add(
          (s.items.size() - withGold)
              + " of "
              + s.items.size()
              + " sampled items have no whole gold value on '"
              + main.dimension()
              + "' yet ("
              + main.unresolved().size()
              + " of them tie on some label); gold is decided per (item, label), and within each"
              + " stratum the items with gold on a label stand for the others (weight N_h/m_h,"
              + " m_h: the stratum's items with gold on that label)");
    }
    if (main.notPredicted() > 0) {
      warnings.add(
          Counts.of(main.notPredicted(), "item", "items")
              + " with gold "
              + (main.notPredicted() == 1 ? "is" : "are")
              + " not covered by run '"
              + s.run.name()
              + "' and left out");
    }
    ClassifierValidation f = main.figures();
    if (f != null && f.uncoveredPopulation() > 0) {
      List<String> empty = new ArrayList<>();
      for (ClassifierValidation.StratumWeight w : f.strata()) {
        if (w.judged() == 0 && w.population() > 0) {
          empty.add(w.key() + " (" + w.population() + ")");
        }
      }
      warnings.add(
          "strata with no judged item, so no estimate covers their "
              + Counts.of(f.uncoveredPopulation(), "issue")
              + ": "
              + String.join(", ", empty));
    }
    if (f != null) {
      List<String> labels = new ArrayList<>();
      for (var l : f.perLabel()) {
        if (l.uncoveredPopulation() > f.uncoveredPopulation()) {
          labels.add(l.label() + " (" + l.uncoveredPopulation() + ")");
        }
      }
      if (!labels.isEmpty()) {
        warnings.add(
            "some labels' figures cover fewer issues, because a stratum has no item whose gold on"
                + " the label is resolved (issues left out): "
                + String.join(", ", labels));
      }
    }
    if (!s.labelsOutsideScheme.isEmpty()) {
      warnings.add(
          "run '"
              + s.run.name()
              + "' predicts labels outside the taxonomy "
              + s.scheme.reference()
              + ", left out: "
              + String.join(", ", s.labelsOutsideScheme));
    }
  }

  /**
   * The run's raw category shares over the frame the sample was drawn from: every frame issue the
   * run covers, counted (not estimated). Issue ids index plain arrays, so a frame of 100,000 issues
   * is counted in a few streaming passes.
   */
  /** A dimension's labels as validation lists them: a set's labels and the empty-set label. */
  private static List<String> labelsOf(SchemeDimension d) {
    List<String> labels = new ArrayList<>(d.labels());
    if (d.kind().isSet()) {
      labels.add(ValidationReport.NONE_LABEL);
    }
    return labels;
  }

  static ClassifierShares classifierShares(
      Repositories repos, Tx tx, SampleSnapshot s, String dimension, List<String> labels) {
    Frame frame = s.info.frame();
    Long frameRun = s.info.runId();
    if (frameRun != null && frameRun == s.run.id() && frame != Frame.BUG_PERF) {
      Optional<List<RunShareStore.Row>> summary = repos.runShares().rows(tx, frameRun);
      if (summary.isPresent()) {
        return fromSummary(summary.get(), frame, dimension, labels);
      }
    }
    return counted(repos, tx, s, dimension, labels);
  }

  /**
   * The raw shares of a frame drawn from the validated run itself (all its items, or those it flags
   * as production), from the run's summary: the same figures {@link #counted} counts item by item.
   */
  private static ClassifierShares fromSummary(
      List<RunShareStore.Row> rows, Frame frame, String dimension, List<String> labels) {
    List<String> known = new ArrayList<>(labels);
    known.remove(ValidationReport.NONE_LABEL);
    Map<String, Long> items = new TreeMap<>();
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Long> labelled = new HashMap<>();
    for (RunShareStore.Row r : rows) {
      if (frame == Frame.PRODUCTION && r.production() != 1) {
        continue;
      }
      if (r.dimension().equals(RunShareStore.ALL_ITEMS)) {
        items.merge(r.framework(), r.items(), Long::sum);
      } else if (r.dimension().equals(dimension)) {
        long[] c = counts.computeIfAbsent(r.framework(), k -> new long[known.size()]);
        boolean any = false;
        for (int k = 0; k < known.size(); k++) {
          if (r.labels().contains(known.get(k))) {
            c[k] += r.items();
            any = true;
          }
        }
        if (any) {
          labelled.merge(r.framework(), r.items(), Long::sum);
        }
      }
    }
    SharesTally tally = new SharesTally(labels, known);
    for (Map.Entry<String, Long> e : items.entrySet()) {
      String fw = e.getKey();
      long covered = e.getValue();
      if (covered > 0) {
        tally.add(
            fw,
            covered,
            counts.getOrDefault(fw, new long[known.size()]),
            covered - labelled.getOrDefault(fw, 0L));
      }
    }
    return tally.shares(tally.coveredTotal);
  }

  /** The raw shares counted from the run's items and predictions, whatever the frame. */
  static ClassifierShares counted(
      Repositories repos, Tx tx, SampleSnapshot s, String dimension, List<String> labels) {
    List<String> known = new ArrayList<>(labels);
    known.remove(ValidationReport.NONE_LABEL);
    ReviewStore.FrameworkIndex fx = repos.reviews().frameworks(tx);
    int size = fx.frameworkOf().length;
    boolean[] inFrame = new boolean[size];
    Frame frame = s.info.frame();
    Long frameRun = s.info.runId();
    long runId = s.run.id();
    boolean[] covered = new boolean[size];
    boolean sameRun = frameRun != null && frameRun == runId && frame != Frame.BUG_PERF;
    if (frame == Frame.BUG_PERF) {
      repos
          .samples()
          .forEachFrameRow(
              tx, frameRun, r -> inFrame[(int) r.issueId()] = Frame.hasBugPerfLabel(r.labels()));
    } else if (frameRun == null) {
      for (int id = 0; id < size; id++) {
        inFrame[id] = fx.frameworkOf()[id] >= 0;
      }
    } else {
      repos
          .reviews()
          .forEachRunItem(
              tx,
              frameRun,
              (id, flag) -> {
                if (id < size) {
                  inFrame[id] = frame == Frame.ALL || flag == 1;
                  covered[id] = sameRun && inFrame[id];
                }
              });
    }
    long frameItems = 0;
    for (boolean b : inFrame) {
      frameItems += b ? 1 : 0;
    }
    if (!sameRun) {
      repos
          .reviews()
          .forEachRunItem(
              tx,
              runId,
              (id, flag) -> {
                if (id < size && inFrame[id]) {
                  covered[id] = true;
                }
              });
    }
    long[] frameworkCovered = new long[fx.frameworks().size()];
    for (int i = 0; i < size; i++) {
      if (covered[i]) {
        frameworkCovered[fx.frameworkOf()[i]]++;
      }
    }
    long[][] counts = new long[fx.frameworks().size()][known.size()];
    boolean[] hasLabel = new boolean[size];
    repos
        .reviews()
        .forEachRunLabel(
            tx,
            runId,
            dimension,
            known,
            (id, k) -> {
              if (k >= 0 && id < size && covered[id]) {
                counts[fx.frameworkOf()[id]][k]++;
                hasLabel[id] = true;
              }
            });
    long[] none = new long[fx.frameworks().size()];
    for (int i = 0; i < size; i++) {
      if (covered[i] && !hasLabel[i]) {
        none[fx.frameworkOf()[i]]++;
      }
    }
    SharesTally tally = new SharesTally(labels, known);
    for (int f = 0; f < fx.frameworks().size(); f++) {
      if (frameworkCovered[f] > 0) {
        tally.add(fx.frameworks().get(f), frameworkCovered[f], counts[f], none[f]);
      }
    }
    return tally.shares(frameItems);
  }

  /**
   * The classifier's raw shares added up framework by framework: per framework and in total, the
   * items the run covers and how many of them carry each label ({@code none}: no label).
   */
  private static final class SharesTally {
    private final List<String> known;
    private final boolean withNone;
    private final Map<String, Long> total = new LinkedHashMap<>();
    private final Map<String, Long> byFrameworkCovered = new TreeMap<>();
    private final Map<String, Map<String, Long>> byFramework = new TreeMap<>();
    private long coveredTotal;

    SharesTally(List<String> labels, List<String> known) {
      this.known = known;
      this.withNone = labels.contains(ValidationReport.NONE_LABEL);
      for (String label : labels) {
        total.put(label, 0L);
      }
    }

    /** A framework's covered items, its count per known label, and its items with no label. */
    void add(String framework, long covered, long[] counts, long none) {
      coveredTotal += covered;
      byFrameworkCovered.put(framework, covered);
      Map<String, Long> m = new LinkedHashMap<>();
      for (int k = 0; k < known.size(); k++) {
        m.put(known.get(k), counts[k]);
        total.merge(known.get(k), counts[k], Long::sum);
      }
      if (withNone) {
        m.put(ValidationReport.NONE_LABEL, none);
        total.merge(ValidationReport.NONE_LABEL, none, Long::sum);
      }
      byFramework.put(framework, m);
    }

    ClassifierShares shares(long frameItems) {
      return new ClassifierShares(frameItems, coveredTotal, total, byFrameworkCovered, byFramework);
    }
  }

  /**
   * Every keyword and pattern of the run's taxonomy (patterns written {@code /regex/}, as evidence
   * records them), so that keywords that never fired in the sample are listed too; empty for a run
   * of outside labels (its evidence, if any, still counts).
   */
  private static List<KeywordDiagnostics.Keyword> taxonomyKeywords(
      Repositories repos, Tx tx, SampleSnapshot s) {
    if (s.run.taxonomyHash() == null) {
      return List.of();
    }
    Optional<String> content = repos.runs().taxonomyContent(tx, s.run.taxonomyHash());
    if (content.isEmpty()) {
      return List.of();
    }
    Taxonomy taxonomy =
        new TaxonomyReader().parse(content.get(), "taxonomy of run " + s.run.name()).taxonomy();
    List<KeywordDiagnostics.Keyword> out = new ArrayList<>();
    for (Dimension d : taxonomy.dimensions()) {
      for (Label l : d.labels()) {
        for (Rule r : l.rules()) {
          for (String k : r.keywords()) {
            out.add(new KeywordDiagnostics.Keyword(d.id(), l.id(), k));
          }
          for (String p : r.patterns()) {
            out.add(new KeywordDiagnostics.Keyword(d.id(), l.id(), "/" + p + "/"));
          }
        }
      }
    }
    return out;
  }

  private static List<KeywordDiagnostics.Result> keywords(
      SampleSnapshot s,
      List<DimensionValidation.Outcome> outcomes,
      List<KeywordDiagnostics.Keyword> ofTaxonomy) {
    Map<String, DimensionValidation.Outcome> byDimension = new LinkedHashMap<>();
    for (DimensionValidation.Outcome o : outcomes) {
      byDimension.put(o.dimension(), o);
    }
    List<KeywordDiagnostics.Keyword> keywords = new ArrayList<>();
    for (KeywordDiagnostics.Keyword k : ofTaxonomy) {
      if (byDimension.containsKey(k.dimension())) {
        keywords.add(k);
      }
    }
    DimensionValidation.Outcome main = outcomes.get(0);
    Map<String, Double> stratumWeight = new HashMap<>();
    if (main.figures() != null) {
      for (ClassifierValidation.StratumWeight w : main.figures().strata()) {
        stratumWeight.put(w.key(), w.weight());
      }
    }
    List<KeywordDiagnostics.Item> items = new ArrayList<>();
    for (var row : s.items) {
      var runItem = s.runItem(row);
      if (runItem == null || runItem.evidence().isEmpty()) {
        continue;
      }
      Map<String, Set<String>> gold = new LinkedHashMap<>();
      byDimension.forEach(
          (dimension, outcome) -> {
            Gold g = outcome.gold().get(row.issue());
            if (g != null && g.isResolved()) {
              gold.put(dimension, new HashSet<>(g.value().labels()));
            }
          });
      List<KeywordDiagnostics.Firing> firings = new ArrayList<>();
      for (Evidence e : runItem.evidence()) {
        if (byDimension.containsKey(e.dimension())) {
          firings.add(
              new KeywordDiagnostics.Firing(
                  new KeywordDiagnostics.Keyword(e.dimension(), e.label(), e.keyword()),
                  e.field()));
        }
      }
      items.add(
          new KeywordDiagnostics.Item(
              stratumWeight.getOrDefault(row.stratum().label(), 0.0), gold, firings));
    }
    return KeywordDiagnostics.compute(keywords, items);
  }

  /** The report as the command line prints it: a table, Markdown, LaTeX or JSON. */
  public static String render(ValidationReport report, ReportFormat format) {
    return ValidationReportWriter.write(report, format);
  }

  /** The report's tables as sections the window lays out, every keyword row included. */
  public List<ReportSection> sections(ValidationReport report) {
    return ValidationReportWriter.sections(report);
  }
}
