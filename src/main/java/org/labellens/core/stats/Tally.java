package org.labellens.core.stats;

/**
 * The sufficient statistics of a single-label study for one weighting of its rating patterns: the
 * study itself (weights = multiplicities) or a bootstrap replicate (weights = how often each
 * pattern was drawn). Every coefficient is a function of a tally.
 *
 * <p>Sums of per-item fractions are accumulated as exact integer sums per ratings count n and
 * divided once per n, so the result does not depend on the order of items, patterns or raters.
 */
final class Tally {
  final CategoryPatterns patterns;
  final int categories;
  final int raters;

  /** Σ w over patterns with n_p ≥ 1. */
  final long ratedItems;

  /** Σ w over patterns with n_p ≥ 2. */
  final long pairableItems;

  /** Σ over pairable items of Σ_k n_ik (n_ik − 1) / (n_i (n_i − 1)). */
  final double itemAgreementSum;

  /** Σ over rated items of n_ik / n_i, per category k. */
  final double[] categoryShareSum;

  /** Σ over rated items of n_ik, per category k. */
  final long[] ratedMarginals;

  /** n: the number of pairable values, Σ over pairable items of n_i. */
  final long pairableValues;

  /** n_k: pairable values in category k. */
  final long[] pairableMarginals;

  /** Σ_k o_kk: the diagonal of Krippendorff's coincidence matrix. */
  final double coincidentAgreement;

  /** Krippendorff's coincidence matrix o_ck (q × q), or null when not requested. */
  final double[] coincidence;

  /**
   * Joint counts of each rater pair (a &lt; b) on the items both rated, [pair][a_code * q +
   * b_code]; null for a pair without a common item.
   */
  final long[][] pairTables;

  /**
   * Each rater's ratings per category over every item the rater rated, [rater * q + code] (Conger's
   * rater marginals).
   */
  final long[] raterMarginals;

  private final RaterPairCounts[] pairCounts;

  private Tally(CategoryPatterns patterns, int[] weights, boolean withCoincidence) {
    this.patterns = patterns;
    this.categories = patterns.categories;
    this.raters = patterns.raters;
    int q = categories;
    int maxRatings = raters;
    long[] agreeingByN = new long[maxRatings + 1];
    long[] itemsByN = new long[maxRatings + 1];
    long[] countsByN = new long[(maxRatings + 1) * q];
    long[] coincidenceByN = withCoincidence ? new long[(maxRatings + 1) * q * q] : null;
    int pairs = raters * (raters - 1) / 2;
    long[][] tables = new long[pairs][];
    long[] byRater = new long[raters * q];
    for (int p = 0; p < patterns.count; p++) {
      int w = weights[p];
      if (w == 0) {
        continue;
      }
      int n = patterns.ratings[p];
      for (int x = patterns.ratedFrom[p]; x < patterns.ratedFrom[p + 1]; x++) {
        byRater[patterns.ratedRater[x] * q + patterns.ratedCode[x]] += w;
      }
      itemsByN[n] += w;
      agreeingByN[n] += (long) w * patterns.agreeingPairs[p];
      int base = p * q;
      for (int k = 0; k < q; k++) {
        int nk = patterns.counts[base + k];
        if (nk != 0) {
          countsByN[n * q + k] += (long) w * nk;
          if (coincidenceByN != null && n >= 2) {
            int row = (n * q + k) * q;
            for (int c = 0; c < q; c++) {
              int nc = patterns.counts[base + c];
              if (nc != 0) {
                coincidenceByN[row + c] += (long) w * nk * (c == k ? nc - 1 : nc);
              }
            }
          }
        }
      }
      if (n >= 2) {
        // only the raters who rated: C(n_p, 2) pairs, not C(R, 2)
        int from = patterns.ratedFrom[p];
        int to = patterns.ratedFrom[p + 1];
        for (int x = from; x < to; x++) {
          int a = patterns.ratedRater[x];
          int ca = patterns.ratedCode[x];
          int rowOfA = a * (2 * raters - a - 1) / 2 - a - 1;
          for (int y = x + 1; y < to; y++) {
            int pair = rowOfA + patterns.ratedRater[y];
            long[] table = tables[pair];
            if (table == null) {
              table = new long[q * q];
              tables[pair] = table;
            }
            table[ca * q + patterns.ratedCode[y]] += w;
          }
        }
      }
    }
    long rated = 0;
    long pairable = 0;
    double agreement = 0.0;
    double coincident = 0.0;
    long values = 0;
    double[] shares = new double[q];
    long[] marginals = new long[q];
    long[] pairableMarginals = new long[q];
    double[] coincidenceMatrix = withCoincidence ? new double[q * q] : null;
    for (int n = 1; n <= maxRatings; n++) {
      if (itemsByN[n] == 0) {
        continue;
      }
      rated += itemsByN[n];
      for (int k = 0; k < q; k++) {
        long count = countsByN[n * q + k];
        shares[k] += (double) count / n;
        marginals[k] += count;
        if (n >= 2) {
          pairableMarginals[k] += count;
        }
      }
      if (n >= 2) {
        pairable += itemsByN[n];
        values += itemsByN[n] * n;
        agreement += (double) agreeingByN[n] / ((long) n * (n - 1));
        coincident += (double) agreeingByN[n] / (n - 1);
        if (coincidenceMatrix != null) {
          for (int cell = 0; cell < q * q; cell++) {
            coincidenceMatrix[cell] += (double) coincidenceByN[n * q * q + cell] / (n - 1);
          }
        }
      }
    }
    this.ratedItems = rated;
    this.pairableItems = pairable;
    this.itemAgreementSum = agreement;
    this.categoryShareSum = shares;
    this.ratedMarginals = marginals;
    this.pairableValues = values;
    this.pairableMarginals = pairableMarginals;
    this.coincidentAgreement = coincident;
    this.coincidence = coincidenceMatrix;
    this.pairTables = tables;
    this.raterMarginals = byRater;
    this.pairCounts = new RaterPairCounts[pairs];
  }

  /** The tally of the study as it is. */
  static Tally of(AgreementStudy<?> study, boolean withCoincidence) {
    CategoryPatterns patterns = study.patterns();
    return new Tally(patterns, patterns.baseWeights, withCoincidence);
  }

  /** The tally of the patterns under other weights (a bootstrap replicate). */
  static Tally of(CategoryPatterns patterns, int[] weights, boolean withCoincidence) {
    return new Tally(patterns, weights, withCoincidence);
  }

  int pairCount() {
    return pairTables.length;
  }

  /** The counts of rater pair {@code pairIndex} (pairs in the order (0,1), (0,2), …, (1,2), …). */
  RaterPairCounts pair(int pairIndex) {
    RaterPairCounts counts = pairCounts[pairIndex];
    if (counts == null) {
      long[] joint = pairTables[pairIndex];
      counts =
          patterns.pairCounts(pairIndex, joint == null ? new long[categories * categories] : joint);
      pairCounts[pairIndex] = counts;
    }
    return counts;
  }

  /** P̄, Fleiss' mean pairwise agreement over pairable items; undefined without any. */
  Coefficient meanItemAgreement() {
    if (pairableItems == 0) {
      return Coefficient.undefined(NO_PAIRABLE_ITEMS);
    }
    return Coefficient.of(itemAgreementSum / pairableItems);
  }

  /** π_k: the mean over rated items of n_ik / n_i. */
  double categoryShare(int k) {
    return categoryShareSum[k] / ratedItems;
  }

  /** The one category all the given marginals fall in, or null if there are two or more. */
  String soleCategory(long[] marginals) {
    int used = -1;
    for (int k = 0; k < marginals.length; k++) {
      if (marginals[k] > 0) {
        if (used >= 0) {
          return null;
        }
        used = k;
      }
    }
    return used < 0 ? null : patterns.categoryName(used);
  }

  static final String NO_PAIRABLE_ITEMS =
      "no item was rated by two or more raters, so there is no pair of ratings to compare";

  /**
   * Why a coefficient whose chance term comes from the category shares of all ratings is 0/0: every
   * rating is in one category; null when the ratings fall in two or more.
   */
  String allInOneCategory() {
    String sole = soleCategory(ratedMarginals);
    if (sole == null) {
      return null;
    }
    return "every rating is '" + sole + "', so chance agreement is 1 and the coefficient is 0/0";
  }

  /**
   * Why a coefficient whose chance term depends on the number of categories q is 0/0: there is only
   * one category; null when q ≥ 2.
   */
  String singleCategory() {
    if (categories >= 2) {
      return null;
    }
    return "there is only one category ('"
        + patterns.categoryName(0)
        + "'): with q = 1 the chance term has no meaning and the coefficient is 0/0;"
        + " declare the possible labels to fix q";
  }
}
