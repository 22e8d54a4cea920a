package org.labellens.core.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How large a taxonomy pattern may grow once compiled, judged from its text before compiling (see
 * docs/decisions/0012-linear-time-patterns-and-bounded-inputs.md). A counted repetition copies its
 * operand, so {@code ((a{1000}){1000}){1000}} would compile to a billion instructions: the product
 * of nested repetition counts is bounded, and so is that product times the pattern's length.
 */
public final class PatternSize {
  /** Largest product of the counts of nested repetitions ({@code {n}}, {@code {n,m}}). */
  public static final long MAX_REPEAT_PRODUCT = 1000;

  /** Largest pattern length times its repetition product: a bound on the compiled size. */
  public static final long MAX_EXPANDED_LENGTH = 100_000;

  private PatternSize() {}

  /** Why {@code pattern} is too large to compile, or empty when it is not. */
  public static Optional<String> problem(String pattern) {
    long product = repeatProduct(pattern);
    if (product > MAX_REPEAT_PRODUCT) {
      return Optional.of(
          "its nested counted repetitions multiply to "
              + product
              + " copies (at most "
              + MAX_REPEAT_PRODUCT
              + ")");
    }
    long expanded = product * pattern.length();
    if (expanded > MAX_EXPANDED_LENGTH) {
      return Optional.of(
          "it would compile to about "
              + expanded
              + " instructions (its length times its repetition counts; at most "
              + MAX_EXPANDED_LENGTH
              + ")");
    }
    return Optional.empty();
  }

  /**
   * The largest product of repetition counts along any nesting of groups: the number of copies of
   * the most copied part. Escapes and character classes are skipped; a count above the engine's own
   * maximum counts as itself (the engine refuses it anyway).
   */
  static long repeatProduct(String p) {
    Deque<long[]> groups = new ArrayDeque<>(); // per open group: the largest product inside
    long[] top = {1};
    long lastAtom = 1; // the product inside the atom just read (a closed group), else 1
    int n = p.length();
    int i = 0;
    while (i < n) {
      char ch = p.charAt(i);
      if (ch == '\\') {
        i += 2;
        lastAtom = 1;
      } else if (ch == '[') {
        i = classEnd(p, i);
        lastAtom = 1;
      } else if (ch == '(') {
        groups.push(top);
        top = new long[] {1};
        i++;
      } else if (ch == ')') {
        lastAtom = top[0];
        top = groups.isEmpty() ? new long[] {1} : groups.pop();
        top[0] = Math.max(top[0], lastAtom);
        i++;
      } else if (ch == '{') {
        int close = p.indexOf('}', i);
        long count = close < 0 ? -1 : count(p.substring(i + 1, close));
        if (count < 0) {
          i++;
          lastAtom = 1;
          continue;
        }
        long product = saturatedProduct(count, lastAtom);
        top[0] = Math.max(top[0], product);
        lastAtom = product;
        i = close + 1;
      } else {
        i++;
        lastAtom = 1;
      }
    }
    long max = top[0];
    while (!groups.isEmpty()) {
      max = Math.max(max, groups.pop()[0]);
    }
    return max;
  }

  private static long saturatedProduct(long a, long b) {
    return a > Long.MAX_VALUE / Math.max(1, b) ? Long.MAX_VALUE : a * b;
  }

  /** The larger bound of {@code n}, {@code n,} or {@code n,m}; -1 when it is not a count. */
  private static long count(String inside) {
    String[] parts = inside.split(",", -1);
    if (parts.length > 2 || parts[0].isEmpty()) {
      return -1;
    }
    long max = 0;
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return -1;
      }
      max = Math.max(max, Long.parseLong(part));
    }
    return Math.max(1, max);
  }

  /** The index after the character class opening at {@code open}. */
  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    while (i < p.length()) {
      char ch = p.charAt(i);
      if (ch == '\\') {
        i += 2;
      } else if (ch == '[' && p.startsWith("[:", i)) {
        int end = p.indexOf(":]", i + 2);
        i = end < 0 ? i + 1 : end + 2;
      } else if (ch == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }
}
