package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The items and raters of a study being built, numbered in order of first appearance, with at most
 * one rating per (item, rater).
 */
final class ItemRaterIndex {
  private final Map<String, Integer> items = new LinkedHashMap<>();
  private final Map<String, Integer> raters = new LinkedHashMap<>();
  private final Set<Long> rated = new HashSet<>();

  int item(String name) {
    return index(items, name, "item");
  }

  int rater(String name) {
    return index(raters, name, "rater");
  }

  /**
   * The cell index (item × raters + rater is not stable while raters are added, so both indices) of
   * a new rating.
   *
   * @throws IllegalArgumentException if the rater already rated the item
   */
  int[] claim(String item, String rater) {
    int i = item(item);
    int r = rater(rater);
    if (!rated.add(((long) i << 32) | r)) {
      throw new IllegalArgumentException(
          "item '" + item + "' is rated more than once by rater '" + rater + "'");
    }
    return new int[] {i, r};
  }

  int itemCount() {
    return items.size();
  }

  int raterCount() {
    return raters.size();
  }

  List<String> items() {
    return new ArrayList<>(items.keySet());
  }

  List<String> raters() {
    return new ArrayList<>(raters.keySet());
  }

  private static int index(Map<String, Integer> index, String name, String what) {
    Objects.requireNonNull(name, what);
    Integer known = index.get(name);
    if (known == null) {
      known = index.size();
      index.put(name, known);
    }
    return known;
  }
}
