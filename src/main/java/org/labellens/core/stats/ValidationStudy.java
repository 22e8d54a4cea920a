package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classifier against gold on a stratified sample: for every sampled item that has gold, its
 * stratum, its domain (e.g. the framework), the labels the classifier predicted and the gold
 * labels. Single-label dimensions are sets of one label.
 *
 * <p>For a set-valued dimension an <em>empty-set label</em> (e.g. {@code other}) can stand for "no
 * label": an item has it when its set is empty, so that "predicted nothing" and "has no category"
 * get their own precision, recall and share.
 *
 * <p>Gold is known per (item, label): an item can leave some labels <em>unresolved</em> (its
 * annotators tie on them) while the others are resolved. The empty-set label is resolved when the
 * set is known to be empty (every label resolved out) or known not to be (a label resolved in).
 *
 * <p>Immutable. At most {@value SetAgreementStudy#MAX_LABELS} labels.
 */
public final class ValidationStudy {
  private final List<String> labels;
  private final List<String> domains;
  private final List<String> units;
  private final DesignSample design;
  private final long[] predicted;
  private final long[] gold;
  private final long[] unresolved;
  private final int[] domainOf;

  private ValidationStudy(Builder b, DesignSample design) {
    this.labels = List.copyOf(b.allLabels);
    this.domains = List.copyOf(b.domainIndex.keySet());
    this.units = List.copyOf(b.units);
    this.design = design;
    this.predicted = Arrays.copyOf(b.predicted, b.units.size());
    this.gold = Arrays.copyOf(b.gold, b.units.size());
    this.unresolved = Arrays.copyOf(b.unresolved, b.units.size());
    this.domainOf = Arrays.copyOf(b.domainOf, b.units.size());
  }

  public static Builder builder(List<String> labels, String emptySetLabel) {
    return new Builder(labels, emptySetLabel);
  }

  /** The labels, the empty-set label last if there is one. */
  public List<String> labels() {
    return labels;
  }

  /** The domains in order of first appearance. */
  public List<String> domains() {
    return domains;
  }

  /** The units' names (e.g. {@code repo#number}), in unit order. */
  public List<String> units() {
    return units;
  }

  public DesignSample design() {
    return design;
  }

  public boolean predicted(int unit, int label) {
    return (predicted[unit] & (1L << label)) != 0;
  }

  /** Whether the unit's gold has the label (false when that is unresolved). */
  public boolean gold(int unit, int label) {
    return (gold[unit] & (1L << label)) != 0;
  }

  /** Whether the unit's gold on the label is resolved. */
  public boolean resolved(int unit, int label) {
    return (unresolved[unit] & (1L << label)) == 0;
  }

  public int domainOf(int unit) {
    return domainOf[unit];
  }

  /** Collects strata, then items. Not thread-safe. */
  public static final class Builder {
    private final List<String> allLabels = new ArrayList<>();
    private final Map<String, Integer> labelIndex = new LinkedHashMap<>();
    private final int emptyBit;
    private final DesignSample.Builder design = DesignSample.builder();
    private final Map<String, Integer> domainIndex = new LinkedHashMap<>();
    private final List<String> units = new ArrayList<>();
    private long[] predicted = new long[64];
    private long[] gold = new long[64];
    private long[] unresolved = new long[64];
    private int[] domainOf = new int[64];

    private Builder(List<String> labels, String emptySetLabel) {
      for (String label : labels) {
        add(Objects.requireNonNull(label, "label"));
      }
      if (emptySetLabel != null) {
        add(emptySetLabel);
        emptyBit = allLabels.size() - 1;
      } else {
        emptyBit = -1;
      }
    }

    private void add(String label) {
      if (labelIndex.putIfAbsent(label, allLabels.size()) != null) {
        throw new IllegalArgumentException("label '" + label + "' is given twice");
      }
      if (allLabels.size() == SetAgreementStudy.MAX_LABELS) {
        throw new IllegalArgumentException(
            "at most " + SetAgreementStudy.MAX_LABELS + " labels are supported");
      }
      allLabels.add(label);
    }

    /** Declares a stratum (population N_h, design size n_h); returns its index. */
    public int stratum(String key, long population, int designSize) {
      return design.stratum(key, population, designSize);
    }

    /** Resamples a stratum with a neighbour for the variance (see {@link DesignSample}). */
    public Builder collapse(int stratum, int neighbour) {
      design.collapse(stratum, neighbour);
      return this;
    }

    /**
     * Collapses strata by this rule, for the whole sample and for every label's resolved items (see
     * {@link DesignSample.CollapseRule}).
     */
    public Builder collapseRule(DesignSample.CollapseRule rule) {
      design.collapseRule(rule);
      return this;
    }

    /** Marks the intervals as not estimable, with the reason (see {@link DesignSample}). */
    public Builder varianceNotEstimable(String reason) {
      design.varianceNotEstimable(reason);
      return this;
    }

    /** Adds an item whose gold is resolved on every label. */
    public Builder item(
        String name,
        int stratum,
        String domain,
        Collection<String> predictedLabels,
        Collection<String> goldLabels) {
      return item(name, stratum, domain, predictedLabels, goldLabels, List.of());
    }

    /**
     * Adds an item whose gold on {@code unresolvedLabels} is unresolved; {@code goldLabels} are the
     * labels resolved into its gold. The empty-set label is resolved in when there is neither,
     * resolved out when {@code goldLabels} is not empty, unresolved otherwise.
     */
    public Builder item(
        String name,
        int stratum,
        String domain,
        Collection<String> predictedLabels,
        Collection<String> goldLabels,
        Collection<String> unresolvedLabels) {
      int u = design.unit(stratum);
      if (u == predicted.length) {
        predicted = Arrays.copyOf(predicted, u * 2);
        gold = Arrays.copyOf(gold, u * 2);
        unresolved = Arrays.copyOf(unresolved, u * 2);
        domainOf = Arrays.copyOf(domainOf, u * 2);
      }
      units.add(Objects.requireNonNull(name, "name"));
      predicted[u] = mask(predictedLabels);
      long open = bits(unresolvedLabels);
      long g = 0;
      for (String label : goldLabels) {
        g |= mask(List.of(label));
      }
      if ((g & open) != 0) {
        throw new IllegalArgumentException("a label is both in the gold and unresolved");
      }
      if (g == 0 && emptyBit >= 0) {
        if (open == 0) {
          g = 1L << emptyBit;
        } else {
          open |= 1L << emptyBit;
        }
      }
      gold[u] = g;
      unresolved[u] = open;
      Integer d = domainIndex.get(domain);
      if (d == null) {
        d = domainIndex.size();
        domainIndex.put(Objects.requireNonNull(domain, "domain"), d);
      }
      domainOf[u] = d;
      return this;
    }

    /** The set as a mask, the empty set as its own label when the study has one. */
    private long mask(Collection<String> set) {
      long mask = bits(set);
      if (mask == 0 && emptyBit >= 0) {
        mask = 1L << emptyBit;
      }
      return mask;
    }

    /** The labels' bits; the empty-set label is not one a caller may name. */
    private long bits(Collection<String> labels) {
      long bits = 0;
      for (String label : labels) {
        Integer k = labelIndex.get(label);
        if (k == null || k == emptyBit) {
          throw new IllegalArgumentException(
              "label '" + label + "' is not among " + labelIndex.keySet());
        }
        bits |= 1L << k;
      }
      return bits;
    }

    public ValidationStudy build() {
      return new ValidationStudy(this, design.build());
    }
  }
}
