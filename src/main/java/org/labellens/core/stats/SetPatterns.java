package org.labellens.core.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * The rating patterns of a {@link SetAgreementStudy} with, per pattern, what the set measures need:
 * the number of ratings, the identical and the Jaccard-weighted rater pairs, the summed MASI
 * distance of its pairs, and which distinct set each rating is.
 */
final class SetPatterns {
  final RowPatterns rows;
  final int raters;
  final int count;

  /** n_p. */
  final int[] ratings;

  /** Unordered rater pairs of pattern p with identical sets. */
  final int[] identicalPairs;

  /** Σ over unordered rater pairs of pattern p of their Jaccard similarity. */
  final double[] jaccardSums;

  /** Σ over unordered rater pairs of pattern p of their MASI distance. */
  final double[] masiSums;

  /** The distinct sets given in the study, as masks. */
  final long[] values;

  /** For pattern p and rater r, the index in {@link #values} of the set given, or −1. */
  final int[] valueIds;

  /** MASI distance between distinct sets, {@code values.length}² entries. */
  final double[] masi;

  SetPatterns(RowPatterns rows) {
    this.rows = rows;
    this.raters = rows.width;
    this.count = rows.count;
    this.ratings = new int[count];
    this.identicalPairs = new int[count];
    this.jaccardSums = new double[count];
    this.masiSums = new double[count];
    this.valueIds = new int[count * raters];
    Map<Long, Integer> ids = new HashMap<>();
    for (int p = 0; p < count; p++) {
      for (int r = 0; r < raters; r++) {
        long mask = rows.cell(p, r);
        if (mask == SetAgreementStudy.MISSING) {
          valueIds[p * raters + r] = -1;
          continue;
        }
        ratings[p]++;
        valueIds[p * raters + r] = ids.computeIfAbsent(mask, m -> ids.size());
        for (int other = 0; other < r; other++) {
          long otherMask = rows.cell(p, other);
          if (otherMask != SetAgreementStudy.MISSING) {
            if (otherMask == mask) {
              identicalPairs[p]++;
            }
            jaccardSums[p] += MasiDistance.jaccard(mask, otherMask);
            masiSums[p] += MasiDistance.between(mask, otherMask);
          }
        }
      }
    }
    this.values = new long[ids.size()];
    ids.forEach((mask, id) -> values[id] = mask);
    int distinct = values.length;
    this.masi = new double[distinct * distinct];
    for (int u = 0; u < distinct; u++) {
      for (int v = 0; v < distinct; v++) {
        masi[u * distinct + v] = MasiDistance.between(values[u], values[v]);
      }
    }
  }
}
