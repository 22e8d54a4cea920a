package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * A small items × raters matrix of integer categories 0..q−1 (null = missing) for tests, with
 * conversions to a study and a seeded generator of plausible ratings: each item has a true category
 * and each rater gives it with some accuracy, otherwise a random one.
 */
final class RatingMatrix {
  final Integer[][] ratings;
  final int categories;

  RatingMatrix(Integer[][] ratings, int categories) {
    this.ratings = ratings;
    this.categories = categories;
  }

  int items() {
    return ratings.length;
  }

  int raters() {
    return ratings[0].length;
  }

  boolean complete() {
    for (Integer[] row : ratings) {
      for (Integer rating : row) {
        if (rating == null) {
          return false;
        }
      }
    }
    return true;
  }

  /** The study with categories 0..q−1 declared in order. */
  AgreementStudy<Integer> study() {
    List<Integer> declared = new ArrayList<>();
    for (int k = 0; k < categories; k++) {
      declared.add(k);
    }
    AgreementStudy.Builder<Integer> builder =
        AgreementStudy.<Integer>builder().categories(declared);
    for (int i = 0; i < items(); i++) {
      for (int r = 0; r < raters(); r++) {
        builder.rate("i" + i, "r" + r, ratings[i][r]);
      }
    }
    return builder.build();
  }

  /** The same ratings with every category renamed by {@code rename} (a permutation of 0..q−1). */
  RatingMatrix relabel(IntUnaryOperator rename) {
    Integer[][] copy = new Integer[items()][];
    for (int i = 0; i < items(); i++) {
      copy[i] = new Integer[raters()];
      for (int r = 0; r < raters(); r++) {
        copy[i][r] = ratings[i][r] == null ? null : rename.applyAsInt(ratings[i][r]);
      }
    }
    return new RatingMatrix(copy, categories);
  }

  /** The same ratings with the raters (columns) in the order {@code order}. */
  RatingMatrix reorderRaters(int[] order) {
    Integer[][] copy = new Integer[items()][];
    for (int i = 0; i < items(); i++) {
      copy[i] = new Integer[raters()];
      for (int r = 0; r < raters(); r++) {
        copy[i][r] = ratings[i][order[r]];
      }
    }
    return new RatingMatrix(copy, categories);
  }

  /** Only the items that every one of {@code raters} rated, and only those raters. */
  RatingMatrix completeCases(int... raters) {
    List<Integer[]> rows = new ArrayList<>();
    for (Integer[] row : ratings) {
      Integer[] kept = new Integer[raters.length];
      boolean complete = true;
      for (int r = 0; r < raters.length; r++) {
        kept[r] = row[raters[r]];
        complete &= kept[r] != null;
      }
      if (complete) {
        rows.add(kept);
      }
    }
    return new RatingMatrix(rows.toArray(new Integer[0][]), categories);
  }

  /**
   * Random plausible ratings. {@code missing} is the chance that a rating is missing; with {@code
   * pairable} every item keeps at least two ratings.
   */
  static RatingMatrix random(
      long seed, int items, int raters, int categories, double missing, boolean pairable) {
    Random random = new Random(seed);
    double[] accuracy = new double[raters];
    for (int r = 0; r < raters; r++) {
      accuracy[r] = 0.3 + 0.65 * random.nextDouble();
    }
    double skew = random.nextDouble();
    Integer[][] ratings = new Integer[items][raters];
    for (int i = 0; i < items; i++) {
      int truth = random.nextDouble() < skew ? 0 : random.nextInt(categories);
      int given = 0;
      for (int r = 0; r < raters; r++) {
        boolean keep = random.nextDouble() >= missing || (pairable && raters - r <= 2 - given);
        if (keep) {
          ratings[i][r] = random.nextDouble() < accuracy[r] ? truth : random.nextInt(categories);
          given++;
        }
      }
    }
    return new RatingMatrix(ratings, categories);
  }
}
