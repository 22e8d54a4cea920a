package org.labellens.core.stats;

import java.util.HashSet;
import java.util.Set;

/**
 * The MASI distance between two label sets (Passonneau 2006): 1 − J·M, with J the Jaccard
 * similarity |A ∩ B| / |A ∪ B| and M = 1 if A = B, 2/3 if one contains the other, 1/3 if they only
 * intersect, 0 if they are disjoint. NLTK's {@code masi_distance} uses 0.67 and 0.33; these are the
 * exact thirds. Two empty sets are equal (distance 0); an empty and a non-empty set are at distance
 * 1.
 *
 * <p>References: Passonneau, R. (2006). Measuring agreement on set-valued items (MASI) for semantic
 * and pragmatic annotation. Proceedings of LREC 2006.
 */
public final class MasiDistance {
  private MasiDistance() {}

  /** The MASI distance of two sets. */
  public static double between(Set<?> first, Set<?> second) {
    Set<Object> intersection = new HashSet<>(first);
    intersection.retainAll(second);
    Set<Object> union = new HashSet<>(first);
    union.addAll(second);
    return distance(intersection.size(), union.size(), first.size(), second.size());
  }

  /** The MASI distance of two sets given as bit masks. */
  static double between(long first, long second) {
    return distance(
        Long.bitCount(first & second),
        Long.bitCount(first | second),
        Long.bitCount(first),
        Long.bitCount(second));
  }

  /** J·M is (intersection · m) / (union · 3) with m = 3, 2, 1 or 0: one division, exact thirds. */
  private static double distance(int intersection, int union, int firstSize, int secondSize) {
    if (union == 0 || (intersection == union)) {
      return 0.0;
    }
    int m;
    if (intersection == firstSize || intersection == secondSize) {
      m = 2;
    } else if (intersection > 0) {
      m = 1;
    } else {
      return 1.0;
    }
    return 1.0 - (double) (intersection * m) / (union * 3);
  }

  /** Jaccard similarity of two masks; two empty sets are identical (1). */
  static double jaccard(long first, long second) {
    int union = Long.bitCount(first | second);
    return union == 0 ? 1.0 : (double) Long.bitCount(first & second) / union;
  }
}
