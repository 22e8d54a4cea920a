package org.labellens.core.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * One coefficient of a report: its estimate, its bootstrap interval (absent when no bootstrap was
 * asked for) and, for Cohen's kappa, its asymptotic standard error and interval.
 */
public record MetricResult(
    Coefficient estimate,
    Optional<BootstrapInterval> bootstrap,
    Optional<AsymptoticInterval> asymptotic) {
  public MetricResult {
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(asymptotic, "asymptotic");
  }
}
