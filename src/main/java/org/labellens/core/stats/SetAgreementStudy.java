package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
public final class SetAgreementStudy<C> extends RatingTable {
  /** The most labels a set-valued study supports. */
  public static final int MAX_LABELS = 63;

  static final long MISSING = -1L;

  private final List<C> labels;
  private final long[] masks;
  private final SetPatterns patterns;

  private SetAgreementStudy(List<String> items, List<String> raters, List<C> labels, long[] masks) {
    super(items, raters, masks, MISSING);
    this.labels = List.copyOf(labels);
    this.masks = masks;
    this.patterns = new SetPatterns(rows);
  }

  public static <C> Builder<C> builder() {
    return new Builder<>();
  }

  public List<C> labels() {
    return labels;
  }

  /** The set rater {@code rater} gave item {@code item}, empty if that rating is missing. */
  public Optional<Set<C>> rating(int item, int rater) {
    long mask = masks[cell(item, rater)];
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
    List<String> items = items();
    List<String> raters = raters();
    for (String rater : raters) {
      builder.rater(rater);
    }
    for (int i = 0; i < items.size(); i++) {
      builder.item(items.get(i));
      for (int r = 0; r < raters.size(); r++) {
        long mask = masks[cell(i, r)];
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

  @Override
  public String toString() {
    return describe("SetAgreementStudy", labels.size(), "labels");
  }

  /** Collects set ratings one at a time. Not thread-safe. */
  public static final class Builder<C> extends StudyBuilder<C, Builder<C>> {
    private final List<long[]> ratings = new ArrayList<>();

    private Builder() {
      super(new DeclaredValues<>("label", "labels", MAX_LABELS));
    }

    @Override
    Builder<C> self() {
      return this;
    }

    /** Declares the labels and their order before any rating; others are then rejected. */
    public Builder<C> labels(Collection<? extends C> declaredLabels) {
      values.declare(declaredLabels);
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
          mask |= 1L << values.code(Objects.requireNonNull(label, "label"));
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
      return new SetAgreementStudy<>(index.items(), index.raters(), values.values(), masks);
    }
  }
}
