package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A stratified sample drawn without replacement, as far as design-weighted estimates need it: each
 * stratum's population N_h and design size n_h, and the units that carry data, each in its stratum.
 *
 * <p>Every unit of stratum h carries the weight N_h / m_h, where m_h is the number of units of the
 * stratum that carry data. When every sampled item carries data, m_h = n_h and this is the design
 * weight N_h / n_h; when some do not (not annotated yet, or no gold), the others stand for them,
 * which assumes that within a stratum the missing items are missing at random (the usual weighting
 * class adjustment for nonresponse). A stratum with population but no unit is not covered: the
 * estimates describe the covered strata only, and {@link #uncoveredPopulation()} says how much of
 * the frame that leaves out.
 *
 * <p>Immutable.
 */
public final class DesignSample {
  private final List<String> strata;
  private final long[] populations;
  private final int[] designSizes;
  private final int[] counts;
  private final int[] stratumOf;
  private final int[][] members;

  private DesignSample(
      List<String> strata, long[] populations, int[] designSizes, int[] stratumOf) {
    this.strata = List.copyOf(strata);
    this.populations = populations;
    this.designSizes = designSizes;
    this.stratumOf = stratumOf;
    this.counts = new int[strata.size()];
    for (int h : stratumOf) {
      counts[h]++;
    }
    this.members = new int[strata.size()][];
    int[] fill = new int[strata.size()];
    for (int h = 0; h < members.length; h++) {
      members[h] = new int[counts[h]];
    }
    for (int unit = 0; unit < stratumOf.length; unit++) {
      int h = stratumOf[unit];
      members[h][fill[h]++] = unit;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int unitCount() {
    return stratumOf.length;
  }

  public int stratumCount() {
    return strata.size();
  }

  /** The strata's keys, in the order they were declared. */
  public List<String> strata() {
    return strata;
  }

  /** N_h. */
  public long population(int stratum) {
    return populations[stratum];
  }

  /** n_h: the stratum's size in the design, as drawn. */
  public int designSize(int stratum) {
    return designSizes[stratum];
  }

  /** m_h: the stratum's units that carry data. */
  public int unitCount(int stratum) {
    return counts[stratum];
  }

  public int stratumOf(int unit) {
    return stratumOf[unit];
  }

  /** The units of a stratum, in unit order. */
  int[] members(int stratum) {
    return members[stratum];
  }

  /** The weight N_h / m_h of a unit of stratum h. */
  public double stratumWeight(int stratum) {
    return counts[stratum] == 0 ? 0.0 : (double) populations[stratum] / counts[stratum];
  }

  public double weight(int unit) {
    return stratumWeight(stratumOf[unit]);
  }

  /** m_h / N_h, the share of the stratum that the units are. */
  public double samplingFraction(int stratum) {
    return populations[stratum] == 0 ? 1.0 : (double) counts[stratum] / populations[stratum];
  }

  /** Σ N_h over every stratum. */
  public long population() {
    return Arrays.stream(populations).sum();
  }

  /** Σ N_h over the strata without a unit: the part of the frame no estimate covers. */
  public long uncoveredPopulation() {
    long uncovered = 0;
    for (int h = 0; h < populations.length; h++) {
      if (counts[h] == 0) {
        uncovered += populations[h];
      }
    }
    return uncovered;
  }

  /**
   * The same strata with only some of the units (e.g. the items whose gold on one label is
   * resolved), renumbered in the given order: each keeps its stratum, and the weights become N_h /
   * m_h over the units kept.
   *
   * @param units indices of units of this sample, each at most once
   */
  public DesignSample subset(int[] units) {
    int[] of = new int[units.length];
    boolean[] seen = new boolean[stratumOf.length];
    for (int i = 0; i < units.length; i++) {
      if (seen[units[i]]) {
        throw new IllegalArgumentException("unit " + units[i] + " is given twice");
      }
      seen[units[i]] = true;
      of[i] = stratumOf[units[i]];
    }
    return new DesignSample(strata, populations, designSizes, of);
  }

  /** Collects strata, then units. Not thread-safe. */
  public static final class Builder {
    private final List<String> strata = new ArrayList<>();
    private final List<Long> populations = new ArrayList<>();
    private final List<Integer> designSizes = new ArrayList<>();
    private int[] stratumOf = new int[64];
    private int units;

    private Builder() {}

    /**
     * Declares a stratum; returns its index.
     *
     * @param population N_h, the stratum's size in the frame
     * @param designSize n_h, the items drawn from it
     */
    public int stratum(String key, long population, int designSize) {
      Objects.requireNonNull(key, "key");
      if (population < 0 || designSize < 0 || designSize > population) {
        throw new IllegalArgumentException(
            "stratum " + key + ": n_h = " + designSize + " and N_h = " + population);
      }
      strata.add(key);
      populations.add(population);
      designSizes.add(designSize);
      return strata.size() - 1;
    }

    /** Adds a unit of a declared stratum; returns its index. */
    public int unit(int stratum) {
      Objects.checkIndex(stratum, strata.size());
      if (units == stratumOf.length) {
        stratumOf = Arrays.copyOf(stratumOf, units * 2);
      }
      stratumOf[units] = stratum;
      return units++;
    }

    public DesignSample build() {
      long[] pops = populations.stream().mapToLong(Long::longValue).toArray();
      int[] sizes = designSizes.stream().mapToInt(Integer::intValue).toArray();
      int[] counts = new int[pops.length];
      for (int u = 0; u < units; u++) {
        counts[stratumOf[u]]++;
      }
      for (int h = 0; h < pops.length; h++) {
        if (counts[h] > pops[h]) {
          throw new IllegalArgumentException(
              "stratum " + strata.get(h) + " has more units than its population");
        }
      }
      return new DesignSample(strata, pops, sizes, Arrays.copyOf(stratumOf, units));
    }
  }
}
