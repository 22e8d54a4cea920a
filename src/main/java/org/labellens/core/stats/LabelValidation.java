package org.labellens.core.stats;

/**
 * The classifier against gold for one label. Weighted figures are design-weighted estimates for the
 * population over the items whose gold on this label is resolved, each weighted N_h/m_h with m_h
 * the items of stratum h whose gold on this label is resolved; unweighted ones describe those
 * sampled items only (docs/validation.md).
 *
 * @param precision Σw[pred ∋ c ∧ gold ∋ c] / Σw[pred ∋ c], with its stratified bootstrap interval
 * @param recall Σw[pred ∋ c ∧ gold ∋ c] / Σw[gold ∋ c]
 * @param f1 2·Σw[both] / (Σw[pred] + Σw[gold]), the harmonic mean of the two
 * @param estimatedShare Σw[gold ∋ c] / Σw: the estimated true share of the label in the population
 * @param classifierShareWeighted Σw[pred ∋ c] / Σw: the classifier's share estimated from the
 *     sample (a check: it should be close to the classifier's share counted over the population)
 * @param precisionUnweighted items predicted c whose gold has c, of items predicted c
 * @param recallUnweighted items predicted c whose gold has c, of items whose gold has c
 * @param shareUnweighted items whose gold has c, of all judged items
 * @param f1Unweighted the unweighted F1
 * @param predictedWeight Σw[pred ∋ c], the estimated number of population items predicted c
 * @param goldWeight Σw[gold ∋ c], the estimated number of population items that have c
 * @param bothWeight Σw[pred ∋ c ∧ gold ∋ c]
 * @param judged items whose gold on c is resolved (the items every figure of the label uses)
 * @param uncoveredPopulation Σ N_h of strata without such an item (no estimate of c covers them)
 * @param precisionBounds items unresolved on c and predicted c, and the bounds of the precision
 * @param recallBounds items unresolved on c, and the bounds of the recall
 * @param f1Bounds items unresolved on c, and the bounds of F1
 * @param shareBounds items unresolved on c, and the bounds of the estimated share
 */
public record LabelValidation(
    String label,
    MetricResult precision,
    MetricResult recall,
    MetricResult f1,
    MetricResult estimatedShare,
    double classifierShareWeighted,
    Proportion precisionUnweighted,
    Proportion recallUnweighted,
    Proportion shareUnweighted,
    Coefficient f1Unweighted,
    double predictedWeight,
    double goldWeight,
    double bothWeight,
    int judged,
    long uncoveredPopulation,
    UnresolvedBounds precisionBounds,
    UnresolvedBounds recallBounds,
    UnresolvedBounds f1Bounds,
    UnresolvedBounds shareBounds) {

  /** Items predicted c. */
  public long predictedItems() {
    return precisionUnweighted.trials();
  }

  /** Items whose gold has c. */
  public long goldItems() {
    return recallUnweighted.trials();
  }

  /** Items predicted c whose gold has c. */
  public long bothItems() {
    return precisionUnweighted.successes();
  }
}
