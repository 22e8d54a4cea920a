package org.labellens.core.stats;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The order in which labels are listed when nobody declared one: numbers by value ("2" before
 * "10"), before any other label, and other labels alphabetically (by UTF-16 code units). It does
 * not depend on the order of the ratings, so the same data always print the same way.
 */
public final class CategoryOrder {
  private static final Comparator<String> NATURAL =
      (first, second) -> {
        BigDecimal a = number(first);
        BigDecimal b = number(second);
        if (a != null && b != null) {
          int byValue = a.compareTo(b);
          return byValue != 0 ? byValue : first.compareTo(second);
        }
        if (a != null || b != null) {
          return a != null ? -1 : 1;
        }
        return first.compareTo(second);
      };

  private CategoryOrder() {}

  public static Comparator<String> natural() {
    return NATURAL;
  }

  private static BigDecimal number(String label) {
    if (label.isEmpty() || label.length() > 64) {
      return null;
    }
    char c = label.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return null;
    }
    try {
      return new BigDecimal(label);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
