package org.labellens.core.stats;

import java.util.List;

/**
 * The rating patterns of an {@link AgreementStudy} with, per pattern, the counts every measure
 * needs: n_p (ratings), n_pk (ratings in category k) and the agreeing ordered rater pairs Σ_k n_pk
 * (n_pk − 1). Computed once per study; a bootstrap replicate only changes the weights.
 */
final class CategoryPatterns {
  final int raters;
  final int categories;
  final int count;

  /** Category code of rater r in pattern p at {@code codes[p * raters + r]}, −1 if missing. */
  final int[] codes;

  final int[] baseWeights;
  final int[] itemPattern;

  /** n_p. */
  final int[] ratings;

  /** n_pk at {@code counts[p * categories + k]}. */
  final int[] counts;

  /** Σ_k n_pk (n_pk − 1). */
  final int[] agreeingPairs;

  /**
   * The raters who rated pattern p, in rater order, at {@code ratedRater[ratedFrom[p] ..
   * ratedFrom[p + 1] - 1]}, with their category codes in {@code ratedCode}.
   */
  final int[] ratedFrom;

  final int[] ratedRater;
  final int[] ratedCode;

  final List<?> categoryNames;
  final List<String> raterNames;

  CategoryPatterns(
      RowPatterns rows, int categories, List<?> categoryNames, List<String> raterNames) {
    this.raters = rows.width;
    this.categories = categories;
    this.count = rows.count;
    this.baseWeights = rows.weights;
    this.itemPattern = rows.itemPattern;
    this.categoryNames = categoryNames;
    this.raterNames = raterNames;
    this.codes = new int[count * raters];
    this.ratings = new int[count];
    this.counts = new int[count * categories];
    this.agreeingPairs = new int[count];
    for (int p = 0; p < count; p++) {
      for (int r = 0; r < raters; r++) {
        int code = (int) rows.cell(p, r);
        codes[p * raters + r] = code;
        if (code >= 0) {
          ratings[p]++;
          counts[p * categories + code]++;
        }
      }
      int agreeing = 0;
      for (int k = 0; k < categories; k++) {
        int n = counts[p * categories + k];
        agreeing += n * (n - 1);
      }
      agreeingPairs[p] = agreeing;
    }
    this.ratedFrom = new int[count + 1];
    for (int p = 0; p < count; p++) {
      ratedFrom[p + 1] = ratedFrom[p] + ratings[p];
    }
    this.ratedRater = new int[ratedFrom[count]];
    this.ratedCode = new int[ratedFrom[count]];
    for (int p = 0, x = 0; p < count; p++) {
      for (int r = 0; r < raters; r++) {
        int code = codes[p * raters + r];
        if (code >= 0) {
          ratedRater[x] = r;
          ratedCode[x] = code;
          x++;
        }
      }
    }
  }

  /** The counts of rater pair {@code pairIndex} from its joint table. */
  RaterPairCounts pairCounts(int pairIndex, long[] joint) {
    int a = 0;
    int remaining = pairIndex;
    while (remaining >= raters - 1 - a) {
      remaining -= raters - 1 - a;
      a++;
    }
    int b = a + 1 + remaining;
    return new RaterPairCounts(raterNames.get(a), raterNames.get(b), joint, this);
  }

  int code(int pattern, int rater) {
    return codes[pattern * raters + rater];
  }

  String categoryName(int code) {
    return String.valueOf(categoryNames.get(code));
  }
}
