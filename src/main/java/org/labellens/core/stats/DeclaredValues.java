package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values a study's ratings take (its categories, or the labels of its sets), numbered in order:
 * declared once before any rating, and then the only ones allowed, or else numbered as they are
 * first seen.
 */
final class DeclaredValues<C> {
  private final String one;
  private final String many;
  private final int limit;
  private final Map<C, Integer> index = new LinkedHashMap<>();
  private boolean declared;

  /**
   * @param one what a value is called, e.g. {@code category}
   * @param many the plural, e.g. {@code categories}
   * @param limit the most values there may be (a set-valued study's labels are bits of a mask)
   */
  DeclaredValues(String one, String many, int limit) {
    this.one = one;
    this.many = many;
    this.limit = limit;
  }

  /** Declares the values and their order; only once, and before any rating. */
  void declare(Collection<? extends C> values) {
    if (declared || !index.isEmpty()) {
      throw new IllegalStateException("declare the " + many + " once, before any rating");
    }
    for (C value : values) {
      add(Objects.requireNonNull(value, one));
    }
    declared = true;
  }

  boolean declared() {
    return declared;
  }

  /**
   * The number of a rated value, a new one if it is seen for the first time.
   *
   * @throws IllegalArgumentException if values were declared and this is not one of them
   */
  int code(C value) {
    Integer known = index.get(value);
    if (known != null) {
      return known;
    }
    if (declared) {
      throw new IllegalArgumentException(
          one + " '" + value + "' is not among the declared " + index.keySet());
    }
    return add(value);
  }

  /** The values in the order of their numbers. */
  List<C> values() {
    return new ArrayList<>(index.keySet());
  }

  private int add(C value) {
    if (index.containsKey(value)) {
      throw new IllegalArgumentException(one + " '" + value + "' is declared twice");
    }
    if (index.size() == limit) {
      throw new IllegalArgumentException(
          "a set-valued study supports at most " + limit + " " + many);
    }
    int k = index.size();
    index.put(value, k);
    return k;
  }
}
