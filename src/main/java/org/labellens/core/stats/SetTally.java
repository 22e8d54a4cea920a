package org.labellens.core.stats;

/** The sufficient statistics of a set-valued study for one weighting of its patterns. */
final class SetTally {
  /** Σ w over patterns with n_p ≥ 2. */
  final long pairableItems;

  /** Σ over pairable items of the share of rater pairs with identical sets. */
  final double exactSum;

  /** Σ over pairable items of the mean Jaccard similarity of their rater pairs. */
  final double jaccardSum;

  /** Σ over pairable items of 2 Σ_{pairs} δ / (n_i − 1), the numerator of n · D_o. */
  final double masiObserved;

  /** n_u: pairable values equal to distinct set u. */
  final long[] valueCounts;

  /** n: pairable values. */
  final long pairableValues;

  private final SetPatterns patterns;

  SetTally(SetPatterns patterns, int[] weights) {
    this.patterns = patterns;
    long pairable = 0;
    long values = 0;
    double exact = 0.0;
    double jaccard = 0.0;
    double masiObserved = 0.0;
    long[] counts = new long[patterns.values.length];
    for (int p = 0; p < patterns.count; p++) {
      int w = weights[p];
      int n = patterns.ratings[p];
      if (w == 0 || n < 2) {
        continue;
      }
      double pairs = n * (n - 1) / 2.0;
      pairable += w;
      values += (long) w * n;
      exact += w * (patterns.identicalPairs[p] / pairs);
      jaccard += w * (patterns.jaccardSums[p] / pairs);
      masiObserved += w * (2.0 * patterns.masiSums[p] / (n - 1));
      for (int r = 0; r < patterns.raters; r++) {
        int id = patterns.valueIds[p * patterns.raters + r];
        if (id >= 0) {
          counts[id] += w;
        }
      }
    }
    this.pairableItems = pairable;
    this.pairableValues = values;
    this.exactSum = exact;
    this.jaccardSum = jaccard;
    this.masiObserved = masiObserved;
    this.valueCounts = counts;
  }

  static SetTally of(SetAgreementStudy<?> study) {
    SetPatterns patterns = study.patterns();
    return new SetTally(patterns, patterns.rows.weights);
  }

  Coefficient exactMatch() {
    return pairableItems == 0
        ? Coefficient.undefined(Tally.NO_PAIRABLE_ITEMS)
        : Coefficient.of(exactSum / pairableItems);
  }

  Coefficient meanJaccard() {
    return pairableItems == 0
        ? Coefficient.undefined(Tally.NO_PAIRABLE_ITEMS)
        : Coefficient.of(jaccardSum / pairableItems);
  }

  Coefficient alphaMasi() {
    if (pairableItems == 0) {
      return Coefficient.undefined(Tally.NO_PAIRABLE_ITEMS);
    }
    int distinct = valueCounts.length;
    int used = 0;
    for (long count : valueCounts) {
      if (count > 0) {
        used++;
      }
    }
    if (used < 2) {
      return Coefficient.undefined(
          "every rating of the pairable items is the same set, so the expected disagreement is 0"
              + " and alpha is 0/0");
    }
    double expected = 0.0;
    for (int u = 0; u < distinct; u++) {
      if (valueCounts[u] == 0) {
        continue;
      }
      for (int v = 0; v < distinct; v++) {
        expected += (double) valueCounts[u] * valueCounts[v] * patterns.masi[u * distinct + v];
      }
    }
    double n = pairableValues;
    return ChanceCorrection.disagreement(
        masiObserved / n, expected / (n * (n - 1)), () -> "the expected disagreement is 0");
  }
}
