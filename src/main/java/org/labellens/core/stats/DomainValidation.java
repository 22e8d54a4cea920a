package org.labellens.core.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Estimated label shares within one domain (e.g. one framework): Σw[gold ∋ c ∧ domain] /
 * Σw[domain], with stratified bootstrap intervals, and the unweighted shares among the domain's
 * judged items.
 *
 * @param items judged items of the domain
 * @param weight Σw over them: the estimated number of population items of the domain
 */
public record DomainValidation(
    String domain,
    int items,
    double weight,
    Map<String, MetricResult> estimatedShare,
    Map<String, Proportion> shareUnweighted) {
  public DomainValidation {
    estimatedShare = Collections.unmodifiableMap(new LinkedHashMap<>(estimatedShare));
    shareUnweighted = Collections.unmodifiableMap(new LinkedHashMap<>(shareUnweighted));
  }
}
