package org.labellens.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.sampling.KappaPrecision;
import org.labellens.core.sampling.NormalDistribution;
import org.labellens.core.sampling.SampleSize;
import org.labellens.core.sampling.StratumKey;

/**
 * A sample-size plan.
 *
 * <p>By margin: each stratum's Cochran size for a proportion (p = 0.5, finite-population
 * correction, rounded up, at least the minimum per stratum), their total, and for comparison the
 * size of an unstratified sample of the whole frame.
 *
 * <p>For reliability: the number of items two annotators must both label for the confidence
 * interval of Cohen's κ to have the wanted half-width ({@link KappaPrecision}), and, for a planned
 * sample size, the overlap share that gives at least that many items.
 *
 * @param confidence the confidence level used
 * @param z the two-sided normal quantile for it
 * @param margin the margin, or null when only the κ part was asked for
 * @param strata per stratum: population and Cochran size (empty without a margin)
 * @param population the frame's size
 * @param unstratified Cochran's size for the whole frame, or null without a margin
 * @param kappa the κ part, or null
 */
public record SamplePlan(
    double confidence,
    double z,
    Double margin,
    List<Stratum> strata,
    long population,
    Integer unstratified,
    Kappa kappa) {

  /** A stratum's population and size. */
  public record Stratum(StratumKey key, long population, int size) {}

  /**
   * The κ part of a plan.
   *
   * @param items the items every annotator pair must share
   * @param sampleSize the planned sample size it is expressed against, or null
   * @param overlapShare the smallest overlap share (to 0.01) giving at least {@code items} items of
   *     {@code sampleSize}, or null when there is no size or the sample is too small
   */
  public record Kappa(
      double kappa,
      double prevalence,
      double halfWidth,
      double standardError,
      int items,
      Integer sampleSize,
      BigDecimal overlapShare) {}

  public SamplePlan {
    strata = List.copyOf(strata);
  }

  /** The total by margin: the sum of the strata's sizes, or null without a margin. */
  public Integer total() {
    return margin == null ? null : strata.stream().mapToInt(Stratum::size).sum();
  }

  static SamplePlan compute(Map<StratumKey, Long> populations, PlanRequest r) {
    boolean kappaAsked = r.kappaHalfWidth() != null || r.kappa() != null || r.prevalence() != null;
    if (r.margin() == null && !kappaAsked) {
      throw new BadInputException(
          "plan what? give --margin E (sizes per stratum) and/or --kappa K --prevalence P"
              + " --kappa-half-width W (overlap for reliability)");
    }
    double confidence = r.confidence() == null ? SampleService.DEFAULT_CONFIDENCE : r.confidence();
    check("--confidence", confidence);
    int min = r.minPerStratum() == null ? SampleService.DEFAULT_MIN_PER_STRATUM : r.minPerStratum();
    if (min < 0) {
      throw new BadInputException("--min-per-stratum cannot be negative, got " + min);
    }
    long population = populations.values().stream().mapToLong(Long::longValue).sum();
    List<Stratum> strata = new ArrayList<>();
    Integer unstratified = null;
    if (r.margin() != null) {
      check("--margin", r.margin());
      for (Map.Entry<StratumKey, Long> e : populations.entrySet()) {
        long n = e.getValue();
        int size = (int) Math.min(n, Math.max(min, SampleSize.cochran(n, r.margin(), confidence)));
        strata.add(new Stratum(e.getKey(), n, size));
      }
      unstratified = SampleSize.cochran(population, r.margin(), confidence);
    }
    Kappa kappa = null;
    if (kappaAsked) {
      if (r.kappaHalfWidth() == null || r.kappa() == null || r.prevalence() == null) {
        throw new BadInputException(
            "planning the overlap needs all of --kappa K (expected kappa), --prevalence P (share"
                + " of items with the label) and --kappa-half-width W");
      }
      int items;
      double se;
      try {
        items = KappaPrecision.items(r.kappa(), r.prevalence(), r.kappaHalfWidth(), confidence);
        se = KappaPrecision.standardError(r.kappa(), r.prevalence(), items);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      Integer size = r.size();
      if (size == null && r.margin() != null) {
        size = strata.stream().mapToInt(Stratum::size).sum();
      }
      if (size != null) {
        SampleSize.checkSize("--size", size);
      }
      BigDecimal share = null;
      if (size != null && items <= size) {
        share =
            BigDecimal.valueOf(items)
                .divide(BigDecimal.valueOf(size), 2, RoundingMode.CEILING)
                .stripTrailingZeros();
      }
      kappa = new Kappa(r.kappa(), r.prevalence(), r.kappaHalfWidth(), se, items, size, share);
    }
    return new SamplePlan(
        confidence,
        NormalDistribution.twoSidedZ(confidence),
        r.margin(),
        strata,
        population,
        unstratified,
        kappa);
  }

  /** A plan for one population given as a number (no project, no strata). */
  public static SamplePlan forPopulation(long population, PlanRequest r) {
    SampleSize.checkSize("--population", population);
    return compute(Map.of(StratumKey.WHOLE_FRAME, population), r);
  }

  private static void check(String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new BadInputException(
          option + " " + value + " must be between 0 and 1 (exclusive), e.g. 0.05 or 0.95");
    }
  }
}
