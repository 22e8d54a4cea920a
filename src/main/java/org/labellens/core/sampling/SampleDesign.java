package org.labellens.core.sampling;

import java.math.BigDecimal;
import java.util.List;

/**
 * How to draw a sample from a frame that is already stratified.
 *
 * @param seed the seed of the hash order
 * @param size the total sample size ({@code --size}), or null when sizing by margin
 * @param margin the margin of error per stratum ({@code --margin}), or null when sizing by size
 * @param confidence the confidence level of the margin
 * @param allocation proportional or equal with a size; margin with a margin
 * @param minPerStratum the minimum per stratum K (capped at the stratum's population)
 * @param annotators the annotators to assign to (any order; may be empty)
 * @param overlap the share F in [0, 1] of the sample every annotator labels, as a decimal
 */
public record SampleDesign(
    long seed,
    Integer size,
    Double margin,
    double confidence,
    AllocationMethod allocation,
    int minPerStratum,
    List<String> annotators,
    BigDecimal overlap) {

  public SampleDesign {
    annotators = List.copyOf(annotators);
    overlap = overlap == null ? BigDecimal.ZERO : overlap;
  }
}
