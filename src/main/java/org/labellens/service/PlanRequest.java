package org.labellens.service;

/**
 * What to plan. Either part may be left out, not both.
 *
 * @param margin the margin of error per stratum, or null
 * @param confidence the confidence level, or null for 0.95
 * @param run the classifier run (for {@code predicted} strata and the production frame), or null
 * @param frame all, production or bug-perf; null for all
 * @param strata the stratification variables, or null for none
 * @param minPerStratum the minimum per stratum, or null for {@link
 *     SampleService#DEFAULT_MIN_PER_STRATUM} (2)
 * @param population a population size to plan for without a project (no strata), or null
 * @param kappa the expected Cohen's κ, or null
 * @param prevalence the expected share of items with the label, or null
 * @param kappaHalfWidth the wanted half-width of the κ confidence interval, or null
 * @param size the planned sample size, to express the κ overlap as a share, or null
 */
public record PlanRequest(
    Double margin,
    Double confidence,
    String run,
    String frame,
    String strata,
    Integer minPerStratum,
    Long population,
    Double kappa,
    Double prevalence,
    Double kappaHalfWidth,
    Integer size) {}
