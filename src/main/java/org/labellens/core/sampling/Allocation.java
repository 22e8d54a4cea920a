package org.labellens.core.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;

/**
 * Divides a sample among strata. Every method returns one size per stratum, in the order the
 * populations were given (the strata's key order), with {@code min(K, N_h) ≤ n_h ≤ N_h} for a
 * minimum K per stratum.
 *
 * <p>All arithmetic is exact (integers and rationals with a common denominator), so a tie is a true
 * tie and is broken by the documented rule, never by floating-point noise.
 *
 * <p>References: W. G. Cochran (1977), Sampling Techniques, 3rd ed., §5.5 (proportional
 * allocation); M. L. Balinski and H. P. Young (1982), Fair Representation (largest remainders,
 * Hamilton's method).
 */
public final class Allocation {
  private Allocation() {}

  /**
   * Proportional allocation of {@code total} with largest-remainder rounding.
   *
   * <ol>
   *   <li>Each stratum's quota is q_h = R · N_h / S over the strata not yet fixed (R the units left
   *       for them, S their population). A stratum whose quota is below its minimum min(K, N_h) is
   *       fixed at that minimum, and the quotas of the others are computed again, until no quota is
   *       below its minimum. (A quota never exceeds N_h, since R ≤ S.)
   *   <li>Each free stratum gets ⌊q_h⌋; the units still missing go one each to the free strata with
   *       the largest remainders q_h − ⌊q_h⌋. Equal remainders: the larger population first, then
   *       the earlier stratum in key order.
   * </ol>
   *
   * The sizes sum to {@code total}.
   */
  public static int[] proportional(int total, long[] populations, int minPerStratum) {
    long[] lower = check(total, populations, minPerStratum);
    int h = populations.length;
    int[] sizes = new int[h];
    boolean[] fixed = new boolean[h];
    long remaining;
    long free;
    while (true) {
      remaining = total;
      free = 0;
      for (int i = 0; i < h; i++) {
        if (fixed[i]) {
          remaining -= sizes[i];
        } else {
          free += populations[i];
        }
      }
      boolean changed = false;
      for (int i = 0; i < h; i++) {
        // quota R·N_i/S below the minimum L_i  <=>  R·N_i < L_i·S
        if (!fixed[i] && remaining * populations[i] < lower[i] * free) {
          fixed[i] = true;
          sizes[i] = (int) lower[i];
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    List<Integer> freeStrata = new ArrayList<>();
    long[] remainder = new long[h];
    long given = 0;
    for (int i = 0; i < h; i++) {
      if (!fixed[i]) {
        long numerator = remaining * populations[i];
        sizes[i] = (int) (numerator / free);
        remainder[i] = numerator % free;
        given += sizes[i];
        freeStrata.add(i);
      }
    }
    long missing = remaining - given;
    freeStrata.sort(
        Comparator.<Integer>comparingLong(i -> remainder[i])
            .reversed()
            .thenComparing(Comparator.<Integer>comparingLong(i -> populations[i]).reversed())
            .thenComparingInt(i -> i));
    for (int k = 0; k < missing; k++) {
      sizes[freeStrata.get(k)]++;
    }
    return verified(total, sizes, lower, populations);
  }

  /**
   * Equal allocation of {@code total}: every stratum gets the same share, except that a stratum
   * with fewer issues than its share is taken whole and the rest is shared again among the others
   * (water-filling). When the share does not divide evenly, the extra units go one each to the
   * strata with the largest populations, ties to the earlier stratum in key order. The sizes sum to
   * {@code total}.
   */
  public static int[] equal(int total, long[] populations, int minPerStratum) {
    long[] lower = check(total, populations, minPerStratum);
    int h = populations.length;
    int[] sizes = new int[h];
    boolean[] fixed = new boolean[h];
    long remaining = total;
    int freeCount = h;
    boolean changed = true;
    while (changed && freeCount > 0) {
      changed = false;
      long level = remaining;
      int count = freeCount;
      for (int i = 0; i < h; i++) {
        // N_i at or below the equal share R/k  <=>  N_i·k ≤ R: take the stratum whole
        if (!fixed[i] && populations[i] * count <= level) {
          fixed[i] = true;
          sizes[i] = (int) populations[i];
          remaining -= populations[i];
          freeCount--;
          changed = true;
        }
      }
    }
    if (freeCount > 0) {
      List<Integer> freeStrata = new ArrayList<>();
      for (int i = 0; i < h; i++) {
        if (!fixed[i]) {
          sizes[i] = (int) (remaining / freeCount);
          freeStrata.add(i);
        }
      }
      freeStrata.sort(
          Comparator.<Integer>comparingLong(i -> populations[i])
              .reversed()
              .thenComparingInt(i -> i));
      long extra = remaining % freeCount;
      for (int k = 0; k < extra; k++) {
        sizes[freeStrata.get(k)]++;
      }
    }
    return verified(total, sizes, lower, populations);
  }

  /**
   * Allocation by margin: each stratum gets {@link SampleSize#cochran} for its own population,
   * raised to min(K, N_h). The total is the sum.
   */
  public static int[] byMargin(
      long[] populations, double margin, double confidence, int minPerStratum) {
    checkMinimum(minPerStratum);
    int[] sizes = new int[populations.length];
    for (int i = 0; i < populations.length; i++) {
      int n = SampleSize.cochran(populations[i], margin, confidence);
      sizes[i] = (int) Math.min(populations[i], Math.max(n, minPerStratum));
    }
    return sizes;
  }

  private static long[] check(int total, long[] populations, int minPerStratum) {
    checkMinimum(minPerStratum);
    if (populations.length == 0) {
      throw SampleSize.emptyFrame(null, null, "sample");
    }
    long frame = 0;
    long[] lower = new long[populations.length];
    long lowerSum = 0;
    for (int i = 0; i < populations.length; i++) {
      if (populations[i] <= 0) {
        throw new IllegalArgumentException("a stratum must have a positive population");
      }
      frame += populations[i];
      lower[i] = Math.min(minPerStratum, populations[i]);
      lowerSum += lower[i];
    }
    SampleSize.checkSize("--size", total);
    if (total > frame) {
      throw new BadInputException(
          "--size " + total + " is larger than the frame (" + frame + " issues)");
    }
    if (lowerSum > total) {
      throw new BadInputException(
          "a minimum of "
              + minPerStratum
              + " per stratum needs "
              + Counts.of(lowerSum, "item")
              + " over "
              + Counts.of(populations.length, "stratum", "strata")
              + ", more than the sample size "
              + total
              + " (lower --min-per-stratum or raise --size)");
    }
    return lower;
  }

  private static void checkMinimum(int minPerStratum) {
    if (minPerStratum < 0) {
      throw new BadInputException(
          "the minimum per stratum cannot be negative, got " + minPerStratum);
    }
  }

  private static int[] verified(int total, int[] sizes, long[] lower, long[] populations) {
    long sum = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < lower[i] || sizes[i] > populations[i]) {
        throw new IllegalStateException("allocation out of bounds in stratum " + i);
      }
      sum += sizes[i];
    }
    if (sum != total) {
      throw new IllegalStateException("allocation sums to " + sum + ", not " + total);
    }
    return sizes;
  }
}
