package org.labellens.service;

import java.util.List;

/**
 * What sample to draw, with the values as given on the command line; {@link SampleService}
 * validates them and says what is wrong.
 *
 * @param name the sample's unique name
 * @param size the total size ({@code --size}), or null with a margin
 * @param margin the margin of error per stratum ({@code --margin}), or null with a size
 * @param confidence the confidence level for the margin, or null for 0.95
 * @param run the classifier run (needed for {@code predicted} strata and the production frame)
 * @param frame all, production or bug-perf; null for all
 * @param strata e.g. {@code framework,predicted}; null or {@code none} for no strata
 * @param allocation proportional or equal (with a size); null for proportional
 * @param minPerStratum the minimum per stratum; null for {@link
 *     SampleService#DEFAULT_MIN_PER_STRATUM} (2)
 * @param seed the hash-order seed; null for {@link SampleService#DEFAULT_SEED}
 * @param annotators the annotators to assign to; empty for none
 * @param overlap the overlap share as a decimal text, e.g. {@code 0.2}; null for 0
 * @param blindFirst annotators decide blind, then see the classifier
 */
public record SampleRequest(
    String name,
    Integer size,
    Double margin,
    Double confidence,
    String run,
    String frame,
    String strata,
    String allocation,
    Integer minPerStratum,
    Long seed,
    List<String> annotators,
    String overlap,
    boolean blindFirst) {
  public SampleRequest {
    annotators = annotators == null ? List.of() : List.copyOf(annotators);
  }
}
