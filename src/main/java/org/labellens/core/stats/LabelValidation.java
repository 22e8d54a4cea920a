package org.labellens.core.stats;

/**
 * The classifier against gold for one label. Weighted figures are design-weighted estimates for the
 * population (each item weighted N_h/m_h); unweighted ones describe the sampled items only.
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
    double bothWeight) {

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
