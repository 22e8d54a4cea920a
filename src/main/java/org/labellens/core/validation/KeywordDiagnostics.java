package org.labellens.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.labellens.core.stats.Coefficient;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.WilsonInterval;

/**
 * How each keyword of a classifier run did on the sample: where it fired, how often the label it
 * voted for is in the item's gold (its precision), and how many false positives it is expected to
 * cause in the whole population, which ranks the keywords to fix first.
 *
 * <p>A keyword <em>fired</em> on an item when the run recorded evidence for it (any field). It was
 * <em>right</em> on an item whose gold (on the evidence's dimension) contains the label the keyword
 * voted for. Precision is right / fired over the items with gold, unweighted, with a Wilson
 * interval: it describes the sampled items. The expected false positives in the population are Σ
 * w_i over the sampled items where the keyword fired and was wrong (w_i = N_h/m_h, the item's
 * design weight): an estimate of how many population items the keyword pushes to a wrong label. A
 * keyword that fires together with another keyword of the same label shares the blame: each is
 * counted.
 */
public final class KeywordDiagnostics {
  private KeywordDiagnostics() {}

  /** A keyword of a run: the dimension and label it votes for, and the keyword or pattern. */
  public record Keyword(String dimension, String label, String keyword)
      implements Comparable<Keyword> {
    public Keyword {
      Objects.requireNonNull(dimension, "dimension");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(keyword, "keyword");
    }

    @Override
    public int compareTo(Keyword o) {
      int c = dimension.compareTo(o.dimension);
      if (c == 0) {
        c = label.compareTo(o.label);
      }
      return c != 0 ? c : keyword.compareTo(o.keyword);
    }
  }

  /** One piece of evidence on an item: a keyword fired in a field. */
  public record Firing(Keyword keyword, String field) {}

  /**
   * A sampled item.
   *
   * @param weight its design weight N_h/m_h (ignored when it has no gold)
   * @param gold per dimension, the gold labels; a dimension without gold is absent
   */
  public record Item(double weight, Map<String, Set<String>> gold, List<Firing> firings) {
    public Item {
      gold = Map.copyOf(gold);
      firings = List.copyOf(firings);
    }
  }

  /**
   * Where a keyword fired.
   *
   * @param field e.g. {@code title}, {@code body}, {@code body:log}
   * @param judged items with gold where it fired in this field
   * @param right of those, the items whose gold has the keyword's label
   */
  public record FieldCount(String field, int judged, int right) {}

  /**
   * A keyword's figures.
   *
   * @param fired sampled items where it fired (with or without gold)
   * @param judged of those, the items with gold: the n of its precision
   * @param right of those, the items whose gold has its label
   * @param precision right / judged (unweighted: a sample figure), with {@link #ci95}
   * @param ci95 the Wilson 95% interval of the precision
   * @param weightedFired Σw over judged items where it fired: estimated population firings
   * @param precisionWeighted Σw[right] / Σw[fired], a design-weighted estimate
   * @param expectedFalsePositives Σw over judged items where it fired and was wrong
   * @param fields per field, in field order
   * @param rank 1 for the keyword expected to cause the most false positives
   */
  public record Result(
      Keyword keyword,
      int fired,
      int judged,
      int right,
      Coefficient precision,
      Optional<Interval> ci95,
      double weightedFired,
      Coefficient precisionWeighted,
      double expectedFalsePositives,
      List<FieldCount> fields,
      int rank) {
    public Result {
      fields = List.copyOf(fields);
    }
  }

  /**
   * Every keyword's figures, ranked by expected false positives in the population (largest first;
   * ties by fewer right items weighted, then by keyword).
   *
   * @param keywords every keyword of the run, including those that never fired in the sample
   */
  public static List<Result> compute(Collection<Keyword> keywords, List<Item> items) {
    // hash maps: every sum below runs in item order whatever the maps' order, and the result is
    // sorted by a total order at the end (ordered maps cost a string comparison per lookup)
    Map<Keyword, Tally> tallies = new HashMap<>();
    for (Keyword k : keywords) {
      tallies.put(k, new Tally());
    }
    for (Item item : items) {
      Map<Keyword, List<String>> byKeyword = new HashMap<>();
      for (Firing f : item.firings()) {
        byKeyword.computeIfAbsent(f.keyword(), k -> new ArrayList<>()).add(f.field());
      }
      for (Map.Entry<Keyword, List<String>> e : byKeyword.entrySet()) {
        Keyword k = e.getKey();
        Tally t = tallies.computeIfAbsent(k, x -> new Tally());
        t.fired++;
        Set<String> gold = item.gold().get(k.dimension());
        if (gold == null) {
          continue;
        }
        boolean right = gold.contains(k.label());
        t.judged++;
        t.weightFired += item.weight();
        if (right) {
          t.right++;
          t.weightRight += item.weight();
        } else {
          t.weightWrong += item.weight();
        }
        for (String field : new java.util.TreeSet<>(e.getValue())) {
          int[] c = t.fields.computeIfAbsent(field, x -> new int[2]);
          c[0]++;
          if (right) {
            c[1]++;
          }
        }
      }
    }
    List<Map.Entry<Keyword, Tally>> ordered = new ArrayList<>(tallies.entrySet());
    ordered.sort(
        Comparator.<Map.Entry<Keyword, Tally>>comparingDouble(e -> -e.getValue().weightWrong)
            .thenComparingInt(e -> -e.getValue().judged)
            .thenComparing(Map.Entry::getKey));
    List<Result> results = new ArrayList<>();
    int rank = 0;
    for (Map.Entry<Keyword, Tally> e : ordered) {
      Tally t = e.getValue();
      List<FieldCount> fields = new ArrayList<>();
      t.fields.forEach((field, c) -> fields.add(new FieldCount(field, c[0], c[1])));
      results.add(
          new Result(
              e.getKey(),
              t.fired,
              t.judged,
              t.right,
              t.judged == 0
                  ? Coefficient.undefined("it fired on no item with gold in the sample")
                  : Coefficient.of((double) t.right / t.judged),
              WilsonInterval.of(t.right, t.judged),
              t.weightFired,
              t.weightFired > 0
                  ? Coefficient.of(t.weightRight / t.weightFired)
                  : Coefficient.undefined("it fired on no item with gold in the sample"),
              t.weightWrong,
              fields,
              ++rank));
    }
    return results;
  }

  private static final class Tally {
    int fired;
    int judged;
    int right;
    double weightFired;
    double weightRight;
    double weightWrong;
    final Map<String, int[]> fields = new TreeMap<>();
  }
}
