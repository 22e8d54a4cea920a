package org.labellens.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;

/**
 * Derives an item's gold value on one dimension (docs/validation.md, "Gold"): the adjudicated value
 * if there is one; else the annotators' unanimous value; else the strict majority (more than half
 * of the annotators who decided the item). Each annotator counts once, with their latest phase
 * (revealed over blind): callers pass one value per annotator.
 *
 * <p>For a set-valued dimension gold is decided per (item, label), each label on its own: a label
 * is in the gold set when more than half of the annotators chose it, out of it when more than half
 * did not. A label with exactly half the annotators on each side (a tie) is unresolved, and only
 * that label: the item's other labels keep their gold ({@link Gold#labels()}), while the item as a
 * whole has no gold set ({@link Gold.Status#UNRESOLVED}). A tie is never broken by a guess. For a
 * single-label dimension the item is unresolved on every label when no label has more than half of
 * the votes (a tie between two labels, or a spread such as a, b, c). See docs/validation.md.
 *
 * <p>A single annotator's value is unanimous: in a sample where most items are labelled once, that
 * is the gold of those items.
 */
public final class GoldRule {
  private GoldRule() {}

  /**
   * The gold value.
   *
   * @param adjudicated the lead's value, or null
   * @param values each annotator's final value (one per annotator), in any order
   */
  public static Gold derive(
      SchemeDimension dimension, DecisionValue adjudicated, List<DecisionValue> values) {
    Objects.requireNonNull(dimension, "dimension");
    if (!dimension.isCategorical()) {
      return Gold.none(); // free text has no gold: it is not a choice among labels
    }
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (String label : dimension.labels()) {
      votes.put(label, 0);
    }
    for (DecisionValue v : values) {
      for (String label : v.labels()) {
        votes.merge(label, 1, Integer::sum);
      }
    }
    int n = values.size();
    if (adjudicated != null) {
      return new Gold(
          Gold.Status.RESOLVED, adjudicated, GoldSource.ADJUDICATED, n, votes, List.of());
    }
    if (n == 0) {
      return Gold.none();
    }
    boolean unanimous = true;
    for (DecisionValue v : values) {
      unanimous &= sameValue(v, values.get(0));
    }
    if (unanimous) {
      return new Gold(
          Gold.Status.RESOLVED, values.get(0), GoldSource.UNANIMOUS, n, votes, List.of());
    }
    if (dimension.kind().isSet()) {
      List<String> chosen = new ArrayList<>();
      List<String> tied = new ArrayList<>();
      Map<String, Boolean> perLabel = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : votes.entrySet()) {
        int yes = e.getValue();
        if (2 * yes > n) {
          chosen.add(e.getKey());
          perLabel.put(e.getKey(), true);
        } else if (2 * yes == n) {
          tied.add(e.getKey());
        } else {
          perLabel.put(e.getKey(), false);
        }
      }
      if (!tied.isEmpty()) {
        return new Gold(Gold.Status.UNRESOLVED, null, null, n, votes, tied, perLabel);
      }
      return new Gold(
          Gold.Status.RESOLVED,
          DecisionValue.set(chosen),
          GoldSource.MAJORITY,
          n,
          votes,
          List.of());
    }
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (2 * e.getValue() > n) {
        return new Gold(
            Gold.Status.RESOLVED,
            DecisionValue.single(e.getKey()),
            GoldSource.MAJORITY,
            n,
            votes,
            List.of());
      }
    }
    List<String> top = new ArrayList<>();
    int max = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (Map.Entry<String, Integer> e : votes.entrySet()) {
      if (e.getValue() == max && max > 0) {
        top.add(e.getKey());
      }
    }
    return new Gold(Gold.Status.UNRESOLVED, null, null, n, votes, top);
  }

  /** Sets compare as sets (their labels are in canonical order once validated). */
  private static boolean sameValue(DecisionValue a, DecisionValue b) {
    return a.set() == b.set()
        && new java.util.HashSet<>(a.labels()).equals(new java.util.HashSet<>(b.labels()));
  }
}
