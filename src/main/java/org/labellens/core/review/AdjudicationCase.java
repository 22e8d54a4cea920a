package org.labellens.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.Evidence;
import org.labellens.core.model.IssueKey;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.Gold;

/**
 * One sampled item as the lead adjudicates it: every current decision side by side (annotator,
 * phase, value, unsure, reason, note), the classifier's prediction and evidence, and per dimension
 * whether the annotators disagree, whether someone was unsure, the gold so far and the
 * adjudication.
 *
 * @param decisions every current decision, ordered by annotator, dimension and phase
 * @param predicted the classifier's value per dimension (empty without a run)
 * @param dimensions per dimension with decisions, in the scheme's order
 */
public record AdjudicationCase(
    IssueKey issue,
    String title,
    String url,
    String framework,
    String stratum,
    boolean overlap,
    List<Decision> decisions,
    Map<String, DecisionValue> predicted,
    List<Evidence> evidence,
    List<DimensionState> dimensions) {

  public AdjudicationCase {
    decisions = List.copyOf(decisions);
    predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
    evidence = List.copyOf(evidence);
    dimensions = List.copyOf(dimensions);
  }

  /**
   * A dimension of the item.
   *
   * @param disagreement the annotators' final values differ
   * @param unsure an annotator marked their final decision unsure
   * @param gold the gold value so far (adjudicated, unanimous, majority, or unresolved)
   * @param adjudication the lead's value, or null
   */
  public record DimensionState(
      String dimension,
      boolean disagreement,
      boolean unsure,
      Gold gold,
      Adjudication adjudication) {
    /** Whether the lead is asked to look at it. */
    public boolean flagged() {
      return disagreement || unsure;
    }

    /** Flagged and not adjudicated yet. */
    public boolean open() {
      return flagged() && adjudication == null;
    }
  }

  /** Whether any dimension is flagged. */
  public boolean flagged() {
    return dimensions.stream().anyMatch(DimensionState::flagged);
  }

  /** Whether any flagged dimension still waits for the lead. */
  public boolean open() {
    return dimensions.stream().anyMatch(DimensionState::open);
  }
}
