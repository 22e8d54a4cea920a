package org.labellens.core;

import java.util.Locale;

/**
 * A count with its noun in the right number: {@code 1 issue}, {@code 0 issues}, {@code 2 items}.
 */
public final class Counts {
  private Counts() {}

  /** {@code n} and {@code one}, or its regular plural when {@code n} is not 1. */
  public static String of(long n, String one) {
    return of(n, one, plural(one));
  }

  /** {@code n} and {@code one} when {@code n} is 1, else {@code many} (for irregular plurals). */
  public static String of(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The regular English plural: category → categories, pass → passes, issue → issues. */
  static String plural(String one) {
    String lower = one.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return one.substring(0, one.length() - 1) + "ies";
    }
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return one + "es";
    }
    return one + "s";
  }
}
