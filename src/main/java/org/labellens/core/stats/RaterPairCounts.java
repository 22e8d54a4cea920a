package org.labellens.core.stats;

/**
 * The joint counts of two raters on the items both rated: the confusion matrix from which every
 * two-rater coefficient (Cohen, Scott, weighted kappa, the asymptotic standard error) is computed.
 */
final class RaterPairCounts {
  final String first;
  final String second;
  final int categories;

  /** n_jk: items the first rater put in j and the second in k, at {@code joint[j * q + k]}. */
  final long[] joint;

  /** Items both rated. */
  final long items;

  /** The first rater's counts per category (row totals). */
  final long[] firstTotals;

  /** The second rater's counts per category (column totals). */
  final long[] secondTotals;

  /** Items on which both gave the same category (the trace). */
  final long agreements;

  private final CategoryPatterns patterns;
  private final String noCommonItems;

  RaterPairCounts(String first, String second, long[] joint, CategoryPatterns patterns) {
    this.first = first;
    this.second = second;
    this.patterns = patterns;
    this.categories = patterns.categories;
    this.joint = joint;
    int q = categories;
    this.firstTotals = new long[q];
    this.secondTotals = new long[q];
    long total = 0;
    long trace = 0;
    for (int j = 0; j < q; j++) {
      for (int k = 0; k < q; k++) {
        long n = joint[j * q + k];
        firstTotals[j] += n;
        secondTotals[k] += n;
        total += n;
      }
      trace += joint[j * q + j];
    }
    this.items = total;
    this.agreements = trace;
    this.noCommonItems =
        total == 0 ? "raters '" + first + "' and '" + second + "' rated no item in common" : null;
  }

  /** Undefined-reason when the two raters share no item, else null. */
  String noCommonItems() {
    return noCommonItems;
  }

  /** p_o: the share of common items with the same category. */
  Coefficient percentAgreement() {
    String none = noCommonItems();
    return none != null ? Coefficient.undefined(none) : Coefficient.of((double) agreements / items);
  }

  /** Σ_k p_first(k) p_second(k): chance agreement from each rater's own marginals. */
  double cohenExpected() {
    long sum = 0;
    for (int k = 0; k < categories; k++) {
      sum += firstTotals[k] * secondTotals[k];
    }
    return (double) sum / ((double) items * items);
  }

  /** The category both raters used for every common item, or null. */
  String sharedSoleCategory() {
    int used = -1;
    for (int k = 0; k < categories; k++) {
      if (firstTotals[k] > 0 || secondTotals[k] > 0) {
        if (used >= 0) {
          return null;
        }
        used = k;
      }
    }
    return used < 0 ? null : patterns.categoryName(used);
  }

  String degenerateReason() {
    String sole = sharedSoleCategory();
    return sole == null
        ? "raters '" + first + "' and '" + second + "' have chance agreement 1"
        : "raters '"
            + first
            + "' and '"
            + second
            + "' put every common item in '"
            + sole
            + "', so chance agreement is 1 and the coefficient is 0/0";
  }

  CategoryPatterns patterns() {
    return patterns;
  }
}
