package org.labellens.core.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Estimated label shares within one domain (e.g. one framework): Σw[gold ∋ c ∧ domain] /
 * Σw[domain], with stratified bootstrap intervals, and the unweighted shares among the domain's
 * judged items.
 *
 * <p>Per label, the items are those of the domain whose gold on the label is resolved, weighted as
 * in {@link LabelValidation}; {@code shareUnweighted.get(c).trials()} is their number.
 *
 * @param items sampled items of the domain in the study (decided and predicted, resolved or not)
 * @param weight Σ N_h/m'_h over them, m'_h the stratum's such items
 * @param shareBounds per label, the domain's items unresolved on it and the share's bounds
 */
public record DomainValidation(
    String domain,
    int items,
    double weight,
    Map<String, MetricResult> estimatedShare,
    Map<String, Proportion> shareUnweighted,
    Map<String, UnresolvedBounds> shareBounds) {
  public DomainValidation {
    estimatedShare = Collections.unmodifiableMap(new LinkedHashMap<>(estimatedShare));
    shareUnweighted = Collections.unmodifiableMap(new LinkedHashMap<>(shareUnweighted));
    shareBounds = Collections.unmodifiableMap(new LinkedHashMap<>(shareBounds));
  }
}
