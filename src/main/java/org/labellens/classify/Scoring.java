package org.labellens.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.DimensionKind;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.EvidenceField;

/**
 * Scoring: turns the occurrences counted in one issue into label scores, predictions and evidence.
 *
 * <p>Each counted occurrence adds its field's weight to its label's score (a rule keyword's hits
 * per field capped at the dimension's {@code max_hits}). A set dimension predicts each label whose
 * score reaches the minimum score; a single or binary one the label with the highest such score
 * (ties by taxonomy order), else its fallback; a derived dimension (the primary category) the label
 * of its set dimension with the highest score among those predicted (ties by taxonomy order), else
 * its fallback. Evidence is kept per rule keyword and field: the first occurrence and the number of
 * hits, for the labels predicted. Keeps its tallies between issues: confined to one thread.
 */
final class Scoring {
  private static final int NF = CompiledRules.NF;

  private final CompiledRules c;
  private final int[] slotHits;
  private final int[] slotStart;
  private final int[] slotEnd;
  private int[] touched = new int[64];
  private int touchedCount;
  private final double[] scores;
  private final boolean[] predictedLabel;

  Scoring(CompiledRules c) {
    this.c = c;
    int slots = c.keywords.length * NF;
    this.slotHits = new int[slots];
    this.slotStart = new int[slots];
    this.slotEnd = new int[slots];
    this.scores = new double[c.labelCount];
    this.predictedLabel = new boolean[c.labelCount];
  }

  /** Counts one occurrence of a rule keyword in a field, at [start, end) of the field's text. */
  void count(RuleKeyword sink, EvidenceField field, int start, int end) {
    int slot = sink.id * NF + field.ordinal();
    if (slotHits[slot]++ == 0) {
      slotStart[slot] = start;
      slotEnd[slot] = end;
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = slot;
    }
  }

  /** Whether the label (numbered across dimensions) is predicted, after {@link #predict()}. */
  boolean isPredicted(int label) {
    return predictedLabel[label];
  }

  /** Scores every label from the occurrences counted and decides each dimension's labels. */
  void predict() {
    Arrays.fill(scores, 0);
    Arrays.fill(predictedLabel, false);
    for (int t = 0; t < touchedCount; t++) {
      int slot = touched[t];
      RuleKeyword sink = c.keywords[slot / NF];
      int hits = slotHits[slot];
      if (sink.maxHits > 0 && hits > sink.maxHits) {
        hits = sink.maxHits;
      }
      scores[sink.label] += sink.weights[slot % NF] * hits;
    }
    for (int d : c.predictedDimensions) {
      Dimension dim = c.taxonomy.dimensions().get(d);
      int base = c.labelBase[d];
      int n = dim.labels().size();
      double min = dim.matching().minScore();
      if (dim.kind() == DimensionKind.SET) {
        for (int l = 0; l < n; l++) {
          predictedLabel[base + l] = scores[base + l] >= min;
        }
      } else {
        int best = -1;
        for (int l = 0; l < n; l++) {
          if (scores[base + l] >= min && (best < 0 || scores[base + l] > scores[base + best])) {
            best = l;
          }
        }
        predictedLabel[base + (best >= 0 ? best : dim.indexOf(dim.fallback()))] = true;
      }
    }
  }

  /** The classification of the issue whose occurrences were counted, with its evidence. */
  Classification result(IssueText issue) {
    predict();
    Map<String, List<String>> predicted = new LinkedHashMap<>();
    for (int d = 0; d < c.taxonomy.dimensions().size(); d++) {
      Dimension dim = c.taxonomy.dimensions().get(d);
      if (dim.isPredicted()) {
        List<String> labels = new ArrayList<>(2);
        for (int l = 0; l < dim.labels().size(); l++) {
          if (predictedLabel[c.labelBase[d] + l]) {
            labels.add(dim.labels().get(l).id());
          }
        }
        predicted.put(dim.id(), List.copyOf(labels));
      } else if (dim.isDerived()) {
        predicted.put(dim.id(), List.of(derived(dim)));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    if (touchedCount > 0) {
      Arrays.sort(touched, 0, touchedCount);
      for (int t = 0; t < touchedCount; t++) {
        int slot = touched[t];
        RuleKeyword sink = c.keywords[slot / NF];
        if (predictedLabel[sink.label]) {
          evidence.add(
              new Evidence(
                  sink.dimension,
                  sink.labelId,
                  sink.keyword,
                  CompiledRules.FIELDS[slot % NF].key(),
                  slotStart[slot],
                  slotEnd[slot],
                  slotHits[slot]));
        }
      }
    }
    if (c.duplicateKeywords && evidence.size() > 1) {
      evidence = merge(evidence);
    }
    String primary = c.primaryDimension == null ? null : primaryValue(predicted);
    Boolean production = null;
    if (c.taxonomy.frames().hasProduction()) {
      production =
          predicted
              .getOrDefault(c.taxonomy.frames().productionDimension(), List.of())
              .contains(c.taxonomy.frames().productionLabel());
    }
    Boolean bugPerf = null;
    if (c.bugPerfLabels != null) {
      bugPerf = false;
      for (String label : issue.labels()) {
        if (c.bugPerfLabels.contains(LowerCase.of(label))) {
          bugPerf = true;
          break;
        }
      }
    }
    reset();
    return new Classification(predicted, primary, production, bugPerf, evidence);
  }

  /**
   * One evidence row per (dimension, label, keyword, field) even when a keyword is listed in two
   * rules of a label: hits are added, the first occurrence is kept.
   */
  private static List<Evidence> merge(List<Evidence> evidence) {
    Map<String, Evidence> merged = new LinkedHashMap<>();
    for (Evidence e : evidence) {
      String key =
          e.dimension() + '\u0000' + e.label() + '\u0000' + e.keyword() + '\u0000' + e.field();
      Evidence previous = merged.get(key);
      if (previous == null) {
        merged.put(key, e);
      } else {
        Evidence first = previous.start() <= e.start() ? previous : e;
        merged.put(
            key,
            new Evidence(
                e.dimension(),
                e.label(),
                e.keyword(),
                e.field(),
                first.start(),
                first.end(),
                previous.hits() + e.hits()));
      }
    }
    return new ArrayList<>(merged.values());
  }

  private String primaryValue(Map<String, List<String>> predicted) {
    Dimension dim = c.primaryDimension;
    if (dim.isDerived()) {
      return predicted.get(dim.id()).get(0);
    }
    // no derived dimension: the best label of the category dimension, or "other"
    int d = c.dimensionIndex.get(dim.id());
    return best(d, dim).orElse("other");
  }

  private String derived(Dimension dim) {
    int d = c.dimensionIndex.get(dim.derivedFrom());
    Dimension source = c.taxonomy.dimensions().get(d);
    return best(d, source).orElse(dim.fallback());
  }

  private Optional<String> best(int d, Dimension source) {
    int base = c.labelBase[d];
    int best = -1;
    for (int l = 0; l < source.labels().size(); l++) {
      if (predictedLabel[base + l] && (best < 0 || scores[base + l] > scores[base + best])) {
        best = l;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(source.labels().get(best).id());
  }

  /** Forgets the occurrences counted, for the next issue. */
  void reset() {
    for (int t = 0; t < touchedCount; t++) {
      slotHits[touched[t]] = 0;
    }
    touchedCount = 0;
  }
}
