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
 * <p>For the variance only, strata can be <em>collapsed</em>: a stratum with a single unit is
 * resampled together with a neighbouring stratum, while every unit keeps its own stratum's weight,
 * so that point estimates do not change (Lohr, Sampling: Design and Analysis, collapsed strata; see
 * {@code docs/decisions/0010-collapsed-strata.md}). When a one-unit stratum has no neighbour, the
 * sample says so: {@link #varianceNotEstimable()} gives the reason and no interval is computed.
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
  private final int[] varianceGroup;
  private final List<Collapse> collapsed;
  private final String varianceNotEstimable;
  private final List<int[]> explicitCollapses;
  private final String explicitNotEstimable;
  private final CollapseRule rule;

  /**
   * A stratum resampled together with a neighbour for the variance.
   *
   * @param stratum the stratum's key
   * @param units its m_h (1)
   * @param neighbour the key of the stratum it is resampled with
   */
  public record Collapse(String stratum, int units, String neighbour) {}

  /**
   * Decides, from the units each stratum has, which strata are resampled together for the variance.
   * A sample keeps its rule, so that a {@linkplain #subset subset} (e.g. the items whose gold on
   * one label is resolved) is collapsed by its own counts.
   */
  @FunctionalInterface
  public interface CollapseRule {
    /**
     * The plan for these counts.
     *
     * @param unitsPerStratum m_h of every stratum, in declaration order
     */
    Plan plan(int[] unitsPerStratum);

    /**
     * @param collapses pairs {stratum, neighbour} of stratum indices
     * @param notEstimable why no interval can be estimated, or null
     */
    record Plan(List<int[]> collapses, String notEstimable) {
      public Plan {
        collapses = List.copyOf(collapses);
      }
    }
  }

  private DesignSample(
      List<String> strata,
      long[] populations,
      int[] designSizes,
      int[] stratumOf,
      List<int[]> explicitCollapses,
      String explicitNotEstimable,
      CollapseRule rule) {
    this.strata = List.copyOf(strata);
    this.populations = populations;
    this.designSizes = designSizes;
    this.stratumOf = stratumOf;
    this.explicitCollapses = List.copyOf(explicitCollapses);
    this.explicitNotEstimable = explicitNotEstimable;
    this.rule = rule;
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
    List<int[]> pairs = new ArrayList<>(explicitCollapses);
    String notEstimable = explicitNotEstimable;
    if (rule != null) {
      CollapseRule.Plan plan = rule.plan(counts.clone());
      pairs.addAll(plan.collapses());
      if (notEstimable == null) {
        notEstimable = plan.notEstimable();
      }
    }
    this.varianceNotEstimable = notEstimable;
    this.varianceGroup = new int[strata.size()];
    for (int h = 0; h < varianceGroup.length; h++) {
      varianceGroup[h] = h;
    }
    List<Collapse> described = new ArrayList<>();
    for (int[] c : pairs) {
      Objects.checkIndex(c[0], strata.size());
      Objects.checkIndex(c[1], strata.size());
      if (c[0] == c[1]) {
        throw new IllegalArgumentException("a stratum cannot be collapsed with itself");
      }
      int a = root(varianceGroup, c[0]);
      int b = root(varianceGroup, c[1]);
      varianceGroup[Math.max(a, b)] = Math.min(a, b);
      described.add(new Collapse(strata.get(c[0]), counts[c[0]], strata.get(c[1])));
    }
    for (int h = 0; h < varianceGroup.length; h++) {
      varianceGroup[h] = root(varianceGroup, h);
    }
    this.collapsed = List.copyOf(described);
  }

  private static int root(int[] group, int h) {
    while (group[h] != h) {
      h = group[h];
    }
    return h;
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

  /**
   * The variance group of a stratum: strata with the same group are resampled together by the
   * bootstrap (a stratum alone is its own group; the group is the lowest stratum index in it).
   */
  public int varianceGroup(int stratum) {
    return varianceGroup[stratum];
  }

  /** The strata collapsed with a neighbour for the variance, in stratum order. */
  public List<Collapse> collapsed() {
    return collapsed;
  }

  /** Why no interval can be estimated (a one-unit stratum without a neighbour), or null. */
  public String varianceNotEstimable() {
    return varianceNotEstimable;
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
    return new DesignSample(
        strata, populations, designSizes, of, explicitCollapses, explicitNotEstimable, rule);
  }

  /** Collects strata, then units. Not thread-safe. */
  public static final class Builder {
    private final List<String> strata = new ArrayList<>();
    private final List<Long> populations = new ArrayList<>();
    private final List<Integer> designSizes = new ArrayList<>();
    private int[] stratumOf = new int[64];
    private int units;
    private final List<int[]> collapses = new ArrayList<>();
    private String notEstimable;
    private CollapseRule rule;

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

    /**
     * Resamples stratum {@code stratum} together with stratum {@code neighbour} (and whatever that
     * one is collapsed with) for the variance; the weights do not change.
     */
    public Builder collapse(int stratum, int neighbour) {
      Objects.checkIndex(stratum, strata.size());
      Objects.checkIndex(neighbour, strata.size());
      if (stratum == neighbour) {
        throw new IllegalArgumentException("a stratum cannot be collapsed with itself");
      }
      collapses.add(new int[] {stratum, neighbour});
      return this;
    }

    /** Collapses strata by this rule, applied to the units each stratum has (also in subsets). */
    public Builder collapseRule(CollapseRule rule) {
      this.rule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /** Marks the sample's variance as not estimable, with the reason. */
    public Builder varianceNotEstimable(String reason) {
      notEstimable = Objects.requireNonNull(reason, "reason");
      return this;
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
      return new DesignSample(
          strata, pops, sizes, Arrays.copyOf(stratumOf, units), collapses, notEstimable, rule);
    }
  }
}
