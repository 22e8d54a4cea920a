package org.labellens.core.stats;

import java.util.Arrays;

/**
 * The distinct rows (rating patterns) of an items x raters table, each with its multiplicity.
 *
 * <p>Every measure here is a sum over items of something that depends only on the item's row, so
 * items with identical rows can be counted once and weighted. A bootstrap replicate is then just a
 * new weight per pattern, and recomputing all coefficients costs O(patterns), not O(items): 20,000
 * items rated by 3 raters on 8 labels have at most 9^3 = 729 patterns.
 */
final class RowPatterns {
  final int width;
  final int count;

  /** The cells of pattern p are {@code cells[p * width .. p * width + width - 1]}. */
  final long[] cells;

  /** How many items of the study have pattern p. */
  final int[] weights;

  /**
   * For each item with at least one rating, in study order, the index of its pattern. Items without
   * any rating contribute to no measure and are left out (also of the bootstrap).
   */
  final int[] itemPattern;

  private RowPatterns(int width, int count, long[] cells, int[] weights, int[] itemPattern) {
    this.width = width;
    this.count = count;
    this.cells = cells;
    this.weights = weights;
    this.itemPattern = itemPattern;
  }

  /**
   * Groups the rows of {@code table} (items x width, row-major), ignoring rows that are entirely
   * {@code missing}. Pattern order is the order of first occurrence, so it is deterministic.
   */
  static RowPatterns of(long[] table, int items, int width, long missing) {
    int capacity = Integer.highestOneBit(Math.max(16, items * 2 + 1)) << 1;
    int mask = capacity - 1;
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    long[] cells = new long[Math.max(1, Math.min(items, 1024)) * width];
    int[] weights = new int[Math.max(1, Math.min(items, 1024))];
    int[] rated = new int[items];
    int ratedCount = 0;
    int count = 0;
    for (int item = 0; item < items; item++) {
      int offset = item * width;
      if (allMissing(table, offset, width, missing)) {
        continue;
      }
      int slot = hash(table, offset, width) & mask;
      int pattern;
      while (true) {
        pattern = slots[slot];
        if (pattern < 0
            || Arrays.equals(
                cells, pattern * width, pattern * width + width, table, offset, offset + width)) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (pattern < 0) {
        pattern = count++;
        if (pattern == weights.length) {
          weights = Arrays.copyOf(weights, weights.length * 2);
          cells = Arrays.copyOf(cells, weights.length * width);
        }
        System.arraycopy(table, offset, cells, pattern * width, width);
        slots[slot] = pattern;
      }
      weights[pattern]++;
      rated[ratedCount++] = pattern;
    }
    return new RowPatterns(
        width,
        count,
        Arrays.copyOf(cells, count * width),
        Arrays.copyOf(weights, count),
        Arrays.copyOf(rated, ratedCount));
  }

  long cell(int pattern, int column) {
    return cells[pattern * width + column];
  }

  private static boolean allMissing(long[] table, int offset, int width, long missing) {
    for (int column = 0; column < width; column++) {
      if (table[offset + column] != missing) {
        return false;
      }
    }
    return true;
  }

  private static int hash(long[] table, int offset, int width) {
    long h = 0x9E3779B97F4A7C15L;
    for (int column = 0; column < width; column++) {
      h = (h ^ table[offset + column]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }
}
