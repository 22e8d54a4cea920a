package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A study of a set-valued (multi-label) dimension: items × raters → a set of labels, where the
 * empty set is a rating ("none applies") and a missing rating is not.
 *
 * <p>Sets are stored as bit masks over the labels, so at most {@value #MAX_LABELS} labels are
 * supported. Per label, the study reduces to a binary {@link AgreementStudy} (label in the set or
 * not) with {@link #perLabel}; over whole sets, {@link ExactMatch}, {@link MeanJaccard} and {@link
 * KrippendorffAlpha#masi} measure agreement.
 *
 * @param <C> the label type, with value semantics
 */
public final class SetAgreementStudy<C> {
  /** The most labels a set-valued study supports. */
  public static final int MAX_LABELS = 63;

  static final long MISSING = -1L;

  private final List<String> items;
  private final List<String> raters;
  private final List<C> labels;
  private final long[] masks;
  private final int ratingCount;
  private final SetPatterns patterns;

  private SetAgreementStudy(List<String> items, List<String> raters, List<C> labels, long[] masks) {
    this.items = List.copyOf(items);
    this.raters = List.copyOf(raters);
    this.labels = List.copyOf(labels);
    this.masks = masks;
    int rated = 0;
    for (long mask : masks) {
      if (mask != MISSING) {
        rated++;
      }
    }
    this.ratingCount = rated;
    this.patterns =
        new SetPatterns(RowPatterns.of(masks, this.items.size(), this.raters.size(), MISSING));
  }

  public static <C> Builder<C> builder() {
    return new Builder<>();
  }

  public int itemCount() {
    return items.size();
  }

  public int raterCount() {
    return raters.size();
  }

  public int ratingCount() {
    return ratingCount;
  }

  public long missingRatingCount() {
    return (long) items.size() * raters.size() - ratingCount;
  }

  public int ratedItemCount() {
    return patterns.rows.itemPattern.length;
  }

  public int pairableItemCount() {
    int pairable = 0;
    for (int p = 0; p < patterns.count; p++) {
      if (patterns.ratings[p] >= 2) {
        pairable += patterns.rows.weights[p];
      }
    }
    return pairable;
  }

  public List<String> items() {
    return items;
  }

  public List<String> raters() {
    return raters;
  }

  public List<C> labels() {
    return labels;
  }

  /** The set rater {@code rater} gave item {@code item}, empty if that rating is missing. */
  public Optional<Set<C>> rating(int item, int rater) {
    Objects.checkIndex(item, items.size());
    Objects.checkIndex(rater, raters.size());
    long mask = masks[item * raters.size() + rater];
    if (mask == MISSING) {
      return Optional.empty();
    }
    Set<C> set = new LinkedHashSet<>();
    for (int k = 0; k < labels.size(); k++) {
      if ((mask & (1L << k)) != 0) {
        set.add(labels.get(k));
      }
    }
    return Optional.of(Set.copyOf(set));
  }

  /**
   * The binary study of one label: each rating is 1 if the rater's set contains the label, 0 if
   * not, and stays missing if it was missing. Both categories 0 and 1 are declared (q = 2).
   */
  public AgreementStudy<Integer> perLabel(C label) {
    int k = labels.indexOf(label);
    if (k < 0) {
      throw new IllegalArgumentException("no label '" + label + "' in this study");
    }
    AgreementStudy.Builder<Integer> builder =
        AgreementStudy.<Integer>builder().categories(List.of(0, 1));
    for (String rater : raters) {
      builder.rater(rater);
    }
    for (int i = 0; i < items.size(); i++) {
      builder.item(items.get(i));
      for (int r = 0; r < raters.size(); r++) {
        long mask = masks[i * raters.size() + r];
        if (mask != MISSING) {
          builder.rate(items.get(i), raters.get(r), (mask & (1L << k)) != 0 ? 1 : 0);
        }
      }
    }
    return builder.build();
  }

  SetPatterns patterns() {
    return patterns;
  }

  void requireAtLeastTwoRaters(String measure) {
    ItemRaterIndex.requireAtLeastTwoRaters(measure, ratingCount, items.size(), raters);
  }

  @Override
  public String toString() {
    return "SetAgreementStudy["
        + items.size()
        + " items, "
        + raters.size()
        + " raters, "
        + labels.size()
        + " labels, "
        + ratingCount
        + " ratings]";
  }

  /** Collects set ratings one at a time. Not thread-safe. */
  public static final class Builder<C> {
    private final ItemRaterIndex index = new ItemRaterIndex();
    private final Map<C, Integer> labelIndex = new LinkedHashMap<>();
    private final List<long[]> ratings = new ArrayList<>();
    private boolean declared;

    private Builder() {}

    /** Declares the labels and their order before any rating; others are then rejected. */
    public Builder<C> labels(Collection<? extends C> declaredLabels) {
      if (declared || !labelIndex.isEmpty()) {
        throw new IllegalStateException("declare the labels once, before any rating");
      }
      for (C label : declaredLabels) {
        addLabel(Objects.requireNonNull(label, "label"));
      }
      declared = true;
      return this;
    }

    /** Adds an item that may have no rating at all. */
    public Builder<C> item(String item) {
      index.item(item);
      return this;
    }

    /** Adds a rater who may have rated nothing. */
    public Builder<C> rater(String rater) {
      index.rater(rater);
      return this;
    }

    /**
     * Records the set of labels {@code rater} gave {@code item}; an empty collection is the empty
     * set, null a missing rating.
     */
    public Builder<C> rate(String item, String rater, Collection<? extends C> set) {
      int[] cell = index.claim(item, rater);
      long mask = MISSING;
      if (set != null) {
        mask = 0L;
        for (C label : set) {
          Integer k = labelIndex.get(Objects.requireNonNull(label, "label"));
          if (k == null) {
            if (declared) {
              throw new IllegalArgumentException(
                  "label '" + label + "' is not among the declared " + labelIndex.keySet());
            }
            k = addLabel(label);
          }
          mask |= 1L << k;
        }
      }
      ratings.add(new long[] {cell[0], cell[1], mask});
      return this;
    }

    public SetAgreementStudy<C> build() {
      int raterCount = index.raterCount();
      long[] masks = new long[index.itemCount() * raterCount];
      Arrays.fill(masks, MISSING);
      for (long[] rating : ratings) {
        masks[(int) rating[0] * raterCount + (int) rating[1]] = rating[2];
      }
      return new SetAgreementStudy<>(
          index.items(), index.raters(), new ArrayList<>(labelIndex.keySet()), masks);
    }

    private int addLabel(C label) {
      if (labelIndex.containsKey(label)) {
        throw new IllegalArgumentException("label '" + label + "' is declared twice");
      }
      if (labelIndex.size() == MAX_LABELS) {
        throw new IllegalArgumentException(
            "a set-valued study supports at most " + MAX_LABELS + " labels");
      }
      int k = labelIndex.size();
      labelIndex.put(label, k);
      return k;
    }
  }
}
