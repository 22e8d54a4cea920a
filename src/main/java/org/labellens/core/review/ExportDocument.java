package org.labellens.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.Gold;

/**
 * A sample's validated labels, one row per sampled issue (ordered by repo and number), as every
 * export format writes them.
 *
 * @param head everything but the rows, its labels as the rows carry them (whatever labels the given
 *     head had)
 */
public record ExportDocument(Head head, List<Row> rows) {
  public ExportDocument {
    rows = List.copyOf(rows);
    head = head.withLabelsOf(rows);
  }

  /**
   * Everything but the rows: what an export writes before, around and in every row. The labels are
   * those the rows carry (empty when there are no rows), so a streamed export writes its header
   * before it reads any row.
   *
   * @param dimensions the dimensions with any decision, prediction or adjudication, in scheme order
   * @param annotators every annotator with a decision, in name order
   * @param goldOnly rows are only the issues with gold on every decided dimension, without the
   *     annotators' decisions
   * @param goldLabels per set-valued dimension, the labels each row's {@code labelGold} has
   * @param weightLabels per validated dimension, the labels each row's {@code labelWeights} has
   */
  public record Head(
      SampleInfo sample,
      String description,
      String run,
      AnnotationScheme scheme,
      List<String> dimensions,
      List<String> annotators,
      boolean goldOnly,
      Provenance provenance,
      Map<String, List<String>> goldLabels,
      Map<String, List<String>> weightLabels) {
    public Head {
      dimensions = List.copyOf(dimensions);
      annotators = List.copyOf(annotators);
      goldLabels = Collections.unmodifiableMap(new LinkedHashMap<>(goldLabels));
      weightLabels = Collections.unmodifiableMap(new LinkedHashMap<>(weightLabels));
    }

    /**
     * Whether {@code dimension} is free text: exported with each annotator's decisions, never with
     * gold or predictions (it has neither).
     */
    public boolean isText(String dimension) {
      return scheme.dimension(dimension).map(d -> !d.isCategorical()).orElse(false);
    }

    /** This head with its labels as {@code rows} carry them (none when there are no rows). */
    Head withLabelsOf(List<Row> rows) {
      Map<String, List<String>> gold = new LinkedHashMap<>();
      Map<String, List<String>> weight = new LinkedHashMap<>();
      for (Row row : rows) {
        row.labelGold().forEach((d, m) -> gold.putIfAbsent(d, List.copyOf(m.keySet())));
        row.labelWeights().forEach((d, m) -> weight.putIfAbsent(d, List.copyOf(m.keySet())));
      }
      return new Head(
          sample,
          description,
          run,
          scheme,
          dimensions,
          annotators,
          goldOnly,
          provenance,
          gold,
          weight);
    }
  }

  /**
   * One sampled issue.
   *
   * @param weight the design weight N_h/n_h of its stratum
   * @param labelGold per set-valued dimension, per label (the empty-set label last), whether the
   *     gold has it; null where the gold on the label is unresolved or there is none
   * @param labelWeights per validated dimension, per label, the weight {@code validate} gives the
   *     issue in that label's figures: N_h/m_h, m_h the stratum's issues whose gold on the label is
   *     resolved and that the run covers; null where the issue does not count for the label
   * @param predicted the classifier's value per dimension
   * @param gold per dimension, the gold so far
   * @param decisions each annotator's current decisions (both phases), by annotator, dimension and
   *     phase
   * @param adjudications per dimension, the lead's value
   */
  public record Row(
      IssueKey issue,
      String framework,
      String title,
      String body,
      String url,
      String state,
      List<String> labels,
      String stratum,
      double weight,
      boolean overlap,
      Map<String, DecisionValue> predicted,
      Map<String, Gold> gold,
      List<Decision> decisions,
      Map<String, Adjudication> adjudications,
      List<Evidence> evidence,
      Map<String, Map<String, Boolean>> labelGold,
      Map<String, Map<String, Double>> labelWeights) {
    public Row {
      labelGold = Collections.unmodifiableMap(new LinkedHashMap<>(labelGold));
      labelWeights = Collections.unmodifiableMap(new LinkedHashMap<>(labelWeights));
      labels = List.copyOf(labels);
      predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
      gold = Collections.unmodifiableMap(new LinkedHashMap<>(gold));
      decisions = List.copyOf(decisions);
      adjudications = Collections.unmodifiableMap(new LinkedHashMap<>(adjudications));
      evidence = List.copyOf(evidence);
    }
  }
}
