package org.labellens.core.stats;

import java.util.List;
import java.util.Objects;

/**
 * What every agreement study has, whatever one rating is (a category or a set of labels): its items
 * and raters, the items × raters table of ratings with one value that marks a missing rating, the
 * number of ratings given and the distinct rows of the table.
 */
abstract class RatingTable {
  private final List<String> items;
  private final List<String> raters;
  private final long missing;
  private final int ratingCount;

  /** The distinct rows of the table, each with its multiplicity. */
  final RowPatterns rows;

  /**
   * @param table the ratings, items × raters, row-major
   * @param missing the value of a missing rating in {@code table}
   */
  RatingTable(List<String> items, List<String> raters, long[] table, long missing) {
    this.items = List.copyOf(items);
    this.raters = List.copyOf(raters);
    this.missing = missing;
    int rated = 0;
    for (long value : table) {
      if (value != missing) {
        rated++;
      }
    }
    this.ratingCount = rated;
    this.rows = RowPatterns.of(table, this.items.size(), this.raters.size(), missing);
  }

  public int itemCount() {
    return items.size();
  }

  public int raterCount() {
    return raters.size();
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
    return rows.itemPattern.length;
  }

  /** Items with at least two ratings (n_i ≥ 2), the only ones that carry agreement. */
  public int pairableItemCount() {
    int pairable = 0;
    for (int p = 0; p < rows.count; p++) {
      int ratings = 0;
      for (int r = 0; r < rows.width; r++) {
        if (rows.cell(p, r) != missing) {
          ratings++;
        }
      }
      if (ratings >= 2) {
        pairable += rows.weights[p];
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

  /** The position in the table of the rating rater {@code rater} gave item {@code item}. */
  int cell(int item, int rater) {
    Objects.checkIndex(item, items.size());
    Objects.checkIndex(rater, raters.size());
    return item * raters.size() + rater;
  }

  /** Throws unless the study has ratings by at least two raters. */
  void requireAtLeastTwoRaters(String measure) {
    requireRatings(measure);
    if (raters.size() < 2) {
      throw new InsufficientDataException(
          measure
              + " needs at least 2 raters; this study has "
              + raters.size()
              + " ("
              + String.join(", ", raters)
              + ")");
    }
  }

  /** Throws unless the study has ratings. */
  void requireRatings(String measure) {
    if (ratingCount == 0) {
      throw new InsufficientDataException(
          measure + " needs ratings; this study has " + items.size() + " items and no rating");
    }
  }

  /** e.g. {@code AgreementStudy[3 items, 2 raters, 4 categories, 10 ratings]}. */
  String describe(String study, int values, String what) {
    return study
        + "["
        + items.size()
        + " items, "
        + raters.size()
        + " raters, "
        + values
        + " "
        + what
        + ", "
        + ratingCount
        + " ratings]";
  }
}
