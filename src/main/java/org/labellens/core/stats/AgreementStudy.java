package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agreement study: items × raters → category, where any rating may be missing.
 *
 * <p>The study is kept apart from the measures that are computed on it. Items, raters and
 * categories are mapped to int indices and the ratings are stored as an int matrix, so that every
 * measure works on counts. The category order is meaningful for the ordinal measures (weighted
 * kappa, ordinal α): it is the declared order, or else the order given to {@link
 * Builder#sortCategories}, or else the order of first appearance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <C> the category type; it must have value semantics ({@code equals}/{@code hashCode})
 */
public final class AgreementStudy<C> {
  private final List<String> items;
  private final List<String> raters;
  private final List<C> categories;
  private final int[] codes;
  private final int ratingCount;
  private final CategoryPatterns patterns;

  private AgreementStudy(List<String> items, List<String> raters, List<C> categories, int[] codes) {
    this.items = List.copyOf(items);
    this.raters = List.copyOf(raters);
    this.categories = List.copyOf(categories);
    this.codes = codes;
    int rated = 0;
    long[] table = new long[codes.length];
    for (int cell = 0; cell < codes.length; cell++) {
      table[cell] = codes[cell];
      if (codes[cell] >= 0) {
        rated++;
      }
    }
    this.ratingCount = rated;
    RowPatterns rows = RowPatterns.of(table, this.items.size(), this.raters.size(), -1L);
    this.patterns =
        new CategoryPatterns(rows, this.categories.size(), this.categories, this.raters);
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

  /** q: the declared categories, or the distinct categories seen. */
  public int categoryCount() {
    return categories.size();
  }

  /** The number of ratings given (missing ratings are not counted). */
  public int ratingCount() {
    return ratingCount;
  }

  /** Item × rater cells without a rating. */
  public long missingRatingCount() {
    return (long) items.size() * raters.size() - ratingCount;
  }

  /** Items with at least one rating (n_i ≥ 1). */
  public int ratedItemCount() {
    return patterns.itemPattern.length;
  }

  /** Items with at least two ratings (n_i ≥ 2), the only ones that carry agreement. */
  public int pairableItemCount() {
    int pairable = 0;
    for (int p = 0; p < patterns.count; p++) {
      if (patterns.ratings[p] >= 2) {
        pairable += patterns.baseWeights[p];
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

  public List<C> categories() {
    return categories;
  }

  /** The category rater {@code rater} gave item {@code item}, empty if that rating is missing. */
  public Optional<C> rating(int item, int rater) {
    int code = code(item, rater);
    return code < 0 ? Optional.empty() : Optional.of(categories.get(code));
  }

  /** The category index of the rating, or −1 if it is missing. */
  public int code(int item, int rater) {
    Objects.checkIndex(item, items.size());
    Objects.checkIndex(rater, raters.size());
    return codes[item * raters.size() + rater];
  }

  /** The index of the named rater. */
  public int raterIndex(String rater) {
    int index = raters.indexOf(rater);
    if (index < 0) {
      throw new IllegalArgumentException("no rater '" + rater + "' in this study");
    }
    return index;
  }

  CategoryPatterns patterns() {
    return patterns;
  }

  /** Throws unless the study has ratings by at least two raters. */
  void requireAtLeastTwoRaters(String measure) {
    ItemRaterIndex.requireAtLeastTwoRaters(measure, ratingCount, items.size(), raters);
  }

  /** Throws unless the study has exactly two raters. */
  void requireTwoRaters(String measure) {
    ItemRaterIndex.requireRatings(measure, ratingCount, items.size());
    if (raters.size() != 2) {
      throw new InsufficientDataException(
          measure
              + " is defined for exactly 2 raters; this study has "
              + raters.size()
              + " (use the pairwise table, Light's kappa or Fleiss' kappa instead)");
    }
  }

  @Override
  public String toString() {
    return "AgreementStudy["
        + items.size()
        + " items, "
        + raters.size()
        + " raters, "
        + categories.size()
        + " categories, "
        + ratingCount
        + " ratings]";
  }

  /**
   * Collects ratings one at a time. Items and raters are numbered in order of first appearance. Not
   * thread-safe.
   */
  public static final class Builder<C> {
    private final ItemRaterIndex index = new ItemRaterIndex();
    private final Map<C, Integer> categoryIndex = new LinkedHashMap<>();
    private boolean declared;
    private Comparator<? super C> order;
    private int[] itemOf = new int[64];
    private int[] raterOf = new int[64];
    private int[] categoryOf = new int[64];
    private int size;

    private Builder() {}

    /**
     * Declares the categories and their order before any rating. q is then the number of declared
     * categories even if some are never used, and a rating outside them is rejected.
     */
    public Builder<C> categories(Collection<? extends C> declaredCategories) {
      if (declared || !categoryIndex.isEmpty()) {
        throw new IllegalStateException("declare the categories once, before any rating");
      }
      for (C category : declaredCategories) {
        Objects.requireNonNull(category, "category");
        if (categoryIndex.putIfAbsent(category, categoryIndex.size()) != null) {
          throw new IllegalArgumentException("category '" + category + "' is declared twice");
        }
      }
      declared = true;
      return this;
    }

    /** Orders undeclared categories by {@code comparator} instead of first appearance. */
    public Builder<C> sortCategories(Comparator<? super C> comparator) {
      this.order = Objects.requireNonNull(comparator, "comparator");
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
     * Records that {@code rater} put {@code item} in {@code category}; a null category records a
     * missing rating (the item and the rater still belong to the study).
     *
     * @throws IllegalArgumentException if the rater already rated the item, or the category is not
     *     among the declared ones
     */
    public Builder<C> rate(String item, String rater, C category) {
      int[] cell = index.claim(item, rater);
      int k = -1;
      if (category != null) {
        Integer known = categoryIndex.get(category);
        if (known == null) {
          if (declared) {
            throw new IllegalArgumentException(
                "category '" + category + "' is not among the declared " + categoryIndex.keySet());
          }
          known = categoryIndex.size();
          categoryIndex.put(category, known);
        }
        k = known;
      }
      if (size == itemOf.length) {
        itemOf = Arrays.copyOf(itemOf, size * 2);
        raterOf = Arrays.copyOf(raterOf, size * 2);
        categoryOf = Arrays.copyOf(categoryOf, size * 2);
      }
      itemOf[size] = cell[0];
      raterOf[size] = cell[1];
      categoryOf[size] = k;
      size++;
      return this;
    }

    public AgreementStudy<C> build() {
      List<C> categories = new ArrayList<>(categoryIndex.keySet());
      int[] recode = new int[categories.size()];
      if (!declared && order != null) {
        List<C> sorted = new ArrayList<>(categories);
        sorted.sort(order);
        Map<C, Integer> position = new HashMap<>();
        for (int k = 0; k < sorted.size(); k++) {
          position.put(sorted.get(k), k);
        }
        for (int k = 0; k < categories.size(); k++) {
          recode[k] = position.get(categories.get(k));
        }
        categories = sorted;
      } else {
        for (int k = 0; k < recode.length; k++) {
          recode[k] = k;
        }
      }
      int raterCount = index.raterCount();
      int[] codes = new int[index.itemCount() * raterCount];
      Arrays.fill(codes, -1);
      for (int n = 0; n < size; n++) {
        codes[itemOf[n] * raterCount + raterOf[n]] = categoryOf[n] < 0 ? -1 : recode[categoryOf[n]];
      }
      return new AgreementStudy<>(index.items(), index.raters(), categories, codes);
    }
  }
}
