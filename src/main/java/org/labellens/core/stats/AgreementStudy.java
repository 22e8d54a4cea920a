package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
public final class AgreementStudy<C> extends RatingTable {
  private final List<C> categories;
  private final int[] codes;
  private final CategoryPatterns patterns;

  private AgreementStudy(List<String> items, List<String> raters, List<C> categories, int[] codes) {
    super(items, raters, table(codes), -1L);
    this.categories = List.copyOf(categories);
    this.codes = codes;
    this.patterns = new CategoryPatterns(rows, this.categories.size(), this.categories, raters());
  }

  private static long[] table(int[] codes) {
    long[] table = new long[codes.length];
    for (int cell = 0; cell < codes.length; cell++) {
      table[cell] = codes[cell];
    }
    return table;
  }

  public static <C> Builder<C> builder() {
    return new Builder<>();
  }

  /** q: the declared categories, or the distinct categories seen. */
  public int categoryCount() {
    return categories.size();
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
    return codes[cell(item, rater)];
  }

  /** The index of the named rater. */
  public int raterIndex(String rater) {
    int index = raters().indexOf(rater);
    if (index < 0) {
      throw new IllegalArgumentException("no rater '" + rater + "' in this study");
    }
    return index;
  }

  CategoryPatterns patterns() {
    return patterns;
  }

  /** Throws unless the study has exactly two raters. */
  void requireTwoRaters(String measure) {
    requireRatings(measure);
    if (raterCount() != 2) {
      throw new InsufficientDataException(
          measure
              + " is defined for exactly 2 raters; this study has "
              + raterCount()
              + " (use the pairwise table, Light's kappa or Fleiss' kappa instead)");
    }
  }

  @Override
  public String toString() {
    return describe("AgreementStudy", categories.size(), "categories");
  }

  /**
   * Collects ratings one at a time. Items and raters are numbered in order of first appearance. Not
   * thread-safe.
   */
  public static final class Builder<C> extends StudyBuilder<C, Builder<C>> {
    private Comparator<? super C> order;
    private int[] itemOf = new int[64];
    private int[] raterOf = new int[64];
    private int[] categoryOf = new int[64];
    private int size;

    private Builder() {
      super(new DeclaredValues<>("category", "categories", Integer.MAX_VALUE));
    }

    @Override
    Builder<C> self() {
      return this;
    }

    /**
     * Declares the categories and their order before any rating. q is then the number of declared
     * categories even if some are never used, and a rating outside them is rejected.
     */
    public Builder<C> categories(Collection<? extends C> declaredCategories) {
      values.declare(declaredCategories);
      return this;
    }

    /** Orders undeclared categories by {@code comparator} instead of first appearance. */
    public Builder<C> sortCategories(Comparator<? super C> comparator) {
      this.order = Objects.requireNonNull(comparator, "comparator");
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
      int k = category == null ? -1 : values.code(category);
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
      List<C> categories = values.values();
      int[] recode = new int[categories.size()];
      if (!values.declared() && order != null) {
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
