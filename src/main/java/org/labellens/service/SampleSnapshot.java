package org.labellens.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;
import org.labellens.core.model.RunInfo;
import org.labellens.core.review.ValidationReport;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.Gold;
import org.labellens.core.validation.GoldRule;
import org.labellens.store.Repositories;
import org.labellens.store.ReviewStore;
import org.labellens.store.Tx;

/**
 * A sample as the lead's work sees it, read in one transaction: strata, items with their issues,
 * every current decision, adjudications, and a classifier run's predictions and evidence for the
 * items. Immutable once read.
 */
final class SampleSnapshot {
  final SampleInfo info;
  final AnnotationScheme scheme;
  final List<SampleDraw.Stratum> strata;
  final List<ReviewStore.ItemRow> items;
  final List<String> annotators;
  final int overlapItems;
  final RunInfo run;

  /** Who made the sample's current decisions: people or {@code simulate}. */
  final Provenance provenance;

  private final Map<Long, ReviewStore.RunItem> runItems;
  private final Map<IssueKey, List<Decision>> decisions = new HashMap<>();

  /** Per issue and dimension, each annotator's final decision (revealed over blind). */
  private final Map<IssueKey, Map<String, Map<String, Decision>>> finals = new HashMap<>();

  /** Per issue and dimension, each annotator's blind decision. */
  private final Map<IssueKey, Map<String, Map<String, Decision>>> blinds = new HashMap<>();

  private final Map<IssueKey, Map<String, Adjudication>> adjudications = new HashMap<>();
  private final Map<Long, Map<String, DecisionValue>> predicted = new HashMap<>();
  final Set<String> labelsOutsideScheme = new TreeSet<>();

  private SampleSnapshot(
      SampleInfo info,
      AnnotationScheme scheme,
      List<SampleDraw.Stratum> strata,
      List<ReviewStore.ItemRow> items,
      List<Decision> all,
      List<Adjudication> adjudicated,
      RunInfo run,
      Map<Long, ReviewStore.RunItem> runItems,
      int overlapItems,
      Provenance provenance) {
    this.info = info;
    this.provenance = provenance;
    this.scheme = scheme;
    this.strata = List.copyOf(strata);
    this.items = List.copyOf(items);
    this.run = run;
    this.runItems = runItems;
    this.overlapItems = overlapItems;
    Set<String> names = new TreeSet<>();
    for (Decision d : all) {
      decisions.computeIfAbsent(d.issue(), k -> new ArrayList<>()).add(d);
      names.add(d.annotator());
      Map<String, Decision> fin =
          finals
              .computeIfAbsent(d.issue(), k -> new HashMap<>())
              .computeIfAbsent(d.dimension(), k -> new TreeMap<>());
      Decision seen = fin.get(d.annotator());
      if (seen == null || d.phase() == Phase.REVEALED) {
        fin.put(d.annotator(), d);
      }
      if (d.phase() == Phase.BLIND) {
        blinds
            .computeIfAbsent(d.issue(), k -> new HashMap<>())
            .computeIfAbsent(d.dimension(), k -> new TreeMap<>())
            .put(d.annotator(), d);
      }
    }
    for (Adjudication a : adjudicated) {
      adjudications.computeIfAbsent(a.issue(), k -> new TreeMap<>()).put(a.dimension(), a);
    }
    this.annotators = List.copyOf(names);
    for (ReviewStore.ItemRow row : items) {
      ReviewStore.RunItem r = runItems.get(row.issueId());
      if (r != null) {
        predicted.put(row.issueId(), predictedValues(r));
      }
    }
  }

  /**
   * Reads a sample.
   *
   * @param runName the run whose predictions to read (null: the sample's run; none if it has none)
   * @param withBodies whether to read the issues' bodies (for exports that carry the text)
   */
  static SampleSnapshot read(
      Repositories repos,
      Tx tx,
      String sample,
      String runName,
      boolean withBodies,
      AnnotationService.SchemeSource schemes) {
    SampleInfo info =
        repos.samples().byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
    RunInfo run = null;
    String name = runName != null ? runName : info.run();
    if (name != null) {
      run =
          repos
              .runQueries()
              .byName(tx, name)
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "no classifier run named '" + name + "' (see: labellens runs)"));
    }
    Map<Long, ReviewStore.RunItem> runItems =
        run == null ? Map.of() : repos.reviews().runItems(tx, run.id(), info.id());
    return new SampleSnapshot(
        info,
        schemes.forSample(info),
        repos.samples().strata(tx, info.id()),
        repos.reviews().items(tx, info.id(), withBodies),
        repos.annotations().currentDecisions(tx, info.id()),
        repos.reviews().adjudications(tx, info.id(), info.name()),
        run,
        runItems,
        repos.samples().overlapCount(tx, info.id()),
        repos.annotations().provenance(tx, info.id()));
  }

  /** Every current decision of an item (all annotators, dimensions and phases). */
  List<Decision> decisions(IssueKey issue) {
    return decisions.getOrDefault(issue, List.of());
  }

  /**
   * Each annotator's final decision of an item on a dimension: revealed over blind
   * (docs/validation.md, "Gold"), in annotator name order.
   */
  Map<String, Decision> finalDecisions(IssueKey issue, String dimension) {
    return finals.getOrDefault(issue, Map.of()).getOrDefault(dimension, Map.of());
  }

  /** Each annotator's blind decision of an item on a dimension, in annotator name order. */
  Map<String, Decision> blindDecisions(IssueKey issue, String dimension) {
    return blinds.getOrDefault(issue, Map.of()).getOrDefault(dimension, Map.of());
  }

  Adjudication adjudication(IssueKey issue, String dimension) {
    return adjudications.getOrDefault(issue, Map.of()).get(dimension);
  }

  Map<String, Adjudication> adjudications(IssueKey issue) {
    return adjudications.getOrDefault(issue, Map.of());
  }

  /** The gold of an item on a dimension. */
  Gold gold(IssueKey issue, SchemeDimension dimension) {
    Adjudication a = adjudication(issue, dimension.id());
    List<DecisionValue> values = new ArrayList<>();
    finalDecisions(issue, dimension.id()).values().forEach(d -> values.add(d.value()));
    return GoldRule.derive(dimension, a == null ? null : a.value(), values);
  }

  /** What the run says about an item, per dimension, as annotators are shown it; empty if none. */
  Map<String, DecisionValue> predicted(ReviewStore.ItemRow item) {
    return predicted.getOrDefault(item.issueId(), Map.of());
  }

  ReviewStore.RunItem runItem(ReviewStore.ItemRow item) {
    return runItems.get(item.issueId());
  }

  /** The validation input of every item on a dimension. */
  List<DimensionValidation.Item> validationItems(SchemeDimension dimension) {
    List<DimensionValidation.Item> out = new ArrayList<>(items.size());
    for (ReviewStore.ItemRow row : items) {
      Adjudication a = adjudication(row.issue(), dimension.id());
      List<DecisionValue> values = new ArrayList<>();
      finalDecisions(row.issue(), dimension.id()).values().forEach(d -> values.add(d.value()));
      out.add(
          new DimensionValidation.Item(
              row.issue(),
              row.stratum(),
              row.framework(),
              predicted(row).get(dimension.id()),
              a == null ? null : a.value(),
              values));
    }
    return out;
  }

  /**
   * The run's labels as values of the scheme's dimensions: {@code category} as a set in the
   * scheme's order (the run's {@code other} is the empty set; labels outside the scheme are left
   * out and noted), {@code primary}, {@code production} where the run has flags, and any other
   * predicted dimension of the scheme.
   */
  private Map<String, DecisionValue> predictedValues(ReviewStore.RunItem r) {
    return predictedValues(scheme, r, labelsOutsideScheme);
  }

  /**
   * See {@link #predictedValues(ReviewStore.RunItem)}; labels outside the scheme go to {@code
   * outside}.
   */
  static Map<String, DecisionValue> predictedValues(
      AnnotationScheme scheme, ReviewStore.RunItem r, Set<String> outside) {
    Map<String, DecisionValue> out = new LinkedHashMap<>();
    for (SchemeDimension d : scheme.categorical()) {
      switch (d.id()) {
        case "primary" -> {
          if (d.labels().contains(r.primary())) {
            out.put("primary", DecisionValue.single(r.primary()));
          } else {
            outside.add("primary: " + r.primary());
          }
        }
        case "production" -> {
          if (r.production() != null) {
            out.put("production", DecisionValue.single(r.production() == 1 ? "yes" : "no"));
          } else if (r.labels().containsKey("production")) {
            putLabels(out, d, r.labels().get("production"), outside);
          }
        }
        default -> {
          List<String> labels = r.labels().get(d.id());
          if (labels != null || (d.id().equals("category") && d.kind().isSet())) {
            putLabels(out, d, labels == null ? List.of() : labels, outside);
          }
        }
      }
    }
    return out;
  }

  private static void putLabels(
      Map<String, DecisionValue> out, SchemeDimension d, List<String> labels, Set<String> outside) {
    List<String> kept = new ArrayList<>();
    for (String label : d.labels()) {
      if (labels.contains(label)) {
        kept.add(label);
      }
    }
    for (String label : labels) {
      if (!d.labels().contains(label)
          && !(d.kind().isSet() && label.equals(ValidationReport.NONE_LABEL))) {
        outside.add(d.id() + ": " + label);
      }
    }
    if (d.kind().isSet()) {
      out.put(d.id(), DecisionValue.set(kept));
    } else if (kept.size() == 1) {
      out.put(d.id(), DecisionValue.single(kept.get(0)));
    }
  }
}
