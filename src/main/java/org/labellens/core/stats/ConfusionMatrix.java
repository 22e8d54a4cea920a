package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The confusion matrix of two raters on the items both rated: how often the first rater's category
 * j met the second rater's category k.
 */
public final class ConfusionMatrix {
  private final String first;
  private final String second;
  private final List<String> categories;
  private final long[] counts;
  private final long items;

  private ConfusionMatrix(String first, String second, List<String> categories, long[] counts) {
    this.first = first;
    this.second = second;
    this.categories = List.copyOf(categories);
    this.counts = counts.clone();
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    this.items = total;
  }

  /**
   * The confusion matrix of raters {@code first} (rows) and {@code second} (columns).
   *
   * @throws IllegalArgumentException if either is not a rater of the study, or they are the same
   */
  public static ConfusionMatrix of(AgreementStudy<?> study, String first, String second) {
    int a = study.raterIndex(first);
    int b = study.raterIndex(second);
    if (a == b) {
      throw new IllegalArgumentException("a confusion matrix needs two different raters");
    }
    int q = study.categoryCount();
    long[] counts = new long[q * q];
    for (int item = 0; item < study.itemCount(); item++) {
      int j = study.code(item, a);
      int k = study.code(item, b);
      if (j >= 0 && k >= 0) {
        counts[j * q + k]++;
      }
    }
    return new ConfusionMatrix(first, second, names(study), counts);
  }

  static ConfusionMatrix of(RaterPairCounts pair) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < pair.categories; k++) {
      names.add(pair.patterns().categoryName(k));
    }
    return new ConfusionMatrix(pair.first, pair.second, names, pair.joint);
  }

  private static List<String> names(AgreementStudy<?> study) {
    List<String> names = new ArrayList<>();
    for (Object category : study.categories()) {
      names.add(String.valueOf(category));
    }
    return names;
  }

  /** The rater of the rows. */
  public String first() {
    return first;
  }

  /** The rater of the columns. */
  public String second() {
    return second;
  }

  public List<String> categories() {
    return categories;
  }

  /** Items the first rater put in category {@code row} and the second in {@code column}. */
  public long count(int row, int column) {
    Objects.checkIndex(row, categories.size());
    Objects.checkIndex(column, categories.size());
    return counts[row * categories.size() + column];
  }

  /** Items both raters rated. */
  public long items() {
    return items;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix
        && first.equals(((ConfusionMatrix) other).first)
        && second.equals(((ConfusionMatrix) other).second)
        && categories.equals(((ConfusionMatrix) other).categories)
        && Arrays.equals(counts, ((ConfusionMatrix) other).counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, second, categories, Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "ConfusionMatrix[" + first + " x " + second + ", " + items + " items]";
  }
}
