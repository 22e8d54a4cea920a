package org.labellens.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.StratumKey;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.stats.DesignSample;
import org.labellens.core.stats.InsufficientDataException;
import org.labellens.core.stats.ValidationStudy;

/**
 * The classifier against gold on one dimension of a sample, from the sample's strata and, per
 * sampled item, the classifier's value, the adjudicated value and the annotators' final values:
 * gold by {@link GoldRule}, then the design-weighted figures of {@link ClassifierValidation}. This
 * is the one computation behind {@code validate}, the report and the tests that check its coverage.
 *
 * <p>An item counts when an annotator decided it and the run covers it. Gold is decided per (item,
 * label) for a set-valued dimension: the figures of label c use the items whose gold on c is
 * resolved, each weighing N_h/m_h over the m_h such items of its stratum, and the items unresolved
 * on c bound them (docs/validation.md).
 */
public final class DimensionValidation {
  private DimensionValidation() {}

  /**
   * A sampled item.
   *
   * @param predicted the classifier's value, or null when the run does not cover the item
   * @param adjudicated the lead's value, or null
   * @param annotatorValues each annotator's final value (latest phase), one per annotator
   */
  public record Item(
      IssueKey issue,
      StratumKey stratum,
      String framework,
      DecisionValue predicted,
      DecisionValue adjudicated,
      List<DecisionValue> annotatorValues) {
    public Item {
      Objects.requireNonNull(issue, "issue");
      Objects.requireNonNull(stratum, "stratum");
      Objects.requireNonNull(framework, "framework");
      annotatorValues = List.copyOf(annotatorValues);
    }
  }

  /**
   * What validating one dimension gives.
   *
   * @param gold every item's gold (in item order)
   * @param figures the design-weighted figures, or null when no item has both gold and a prediction
   * @param reason why there are no figures, or null
   * @param notPredicted items with gold that the run does not cover (left out)
   */
  public record Outcome(
      String dimension,
      Map<IssueKey, Gold> gold,
      ClassifierValidation figures,
      String reason,
      int notPredicted) {
    public Outcome {
      gold = Collections.unmodifiableMap(new LinkedHashMap<>(gold));
    }

    /** Items with gold. */
    public int goldItems() {
      return (int) gold.values().stream().filter(Gold::isResolved).count();
    }

    /** Items whose annotators tie (in item order). */
    public List<IssueKey> unresolved() {
      List<IssueKey> out = new ArrayList<>();
      gold.forEach(
          (issue, g) -> {
            if (g.isUnresolved()) {
              out.add(issue);
            }
          });
      return out;
    }
  }

  /**
   * The gold of an item on one label of a dimension, as validation uses it: true (in), false (out)
   * or null (unresolved, or no annotator). The empty-set label of a set-valued dimension is in when
   * every label is resolved out, out as soon as one label is resolved in.
   */
  public static Boolean goldOn(Gold gold, String label, String emptySetLabel) {
    if (label.equals(emptySetLabel)) {
      return gold.isEmptySet();
    }
    return gold.has(label);
  }

  /**
   * Derives gold for every item and computes the figures.
   *
   * @param emptySetLabel for a set dimension, the label that stands for the empty set (e.g. {@code
   *     other}), or null
   * @param strata the sample's strata (population N_h, size n_h), in key order
   */
  public static Outcome compute(
      SchemeDimension dimension,
      String emptySetLabel,
      List<SampleDraw.Stratum> strata,
      List<Item> items,
      int replicates,
      long seed) {
    Map<IssueKey, Gold> gold = new LinkedHashMap<>();
    for (Item item : items) {
      gold.put(
          item.issue(), GoldRule.derive(dimension, item.adjudicated(), item.annotatorValues()));
    }
    ValidationStudy.Builder builder =
        ValidationStudy.builder(
            dimension.labels(), dimension.kind().isSet() ? emptySetLabel : null);
    Map<StratumKey, Integer> stratumIndex = new HashMap<>();
    for (SampleDraw.Stratum s : strata) {
      stratumIndex.put(s.key(), builder.stratum(s.key().label(), s.population(), s.size()));
    }
    int notPredicted = 0;
    int used = 0;
    boolean set = dimension.kind().isSet();
    for (Item item : items) {
      Gold g = gold.get(item.issue());
      if (g.status() == Gold.Status.NONE) {
        continue;
      }
      if (item.predicted() == null) {
        if (g.isResolved()) {
          notPredicted++;
        }
        continue;
      }
      Integer h = stratumIndex.get(item.stratum());
      if (h == null) {
        throw new IllegalArgumentException("item " + item.issue() + " is in no stratum");
      }
      List<String> in = new ArrayList<>();
      List<String> open = new ArrayList<>();
      for (String label : dimension.labels()) {
        Boolean has = g.has(label);
        if (has == null) {
          open.add(label);
        } else if (has) {
          in.add(label);
        }
      }
      if (!set && !open.isEmpty()) {
        in.clear();
      }
      builder.item(
          item.issue().toString(), h, item.framework(), item.predicted().labels(), in, open);
      used++;
    }
    builder.collapseRule(counts -> collapsePlan(strata, counts));
    if (used == 0) {
      return new Outcome(
          dimension.id(),
          gold,
          null,
          "no sampled item has both gold and the classifier's value on '"
              + dimension.id()
              + "' yet",
          notPredicted);
    }
    try {
      return new Outcome(
          dimension.id(),
          gold,
          ClassifierValidation.compute(builder.build(), replicates, seed),
          null,
          notPredicted);
    } catch (InsufficientDataException e) {
      return new Outcome(dimension.id(), gold, null, e.getMessage(), notPredicted);
    }
  }

  /**
   * The collapse rule ({@link StratumCollapse}) on the judged items each stratum has: the whole
   * sample's, or those of one label's resolved items.
   *
   * @param counts m_h, in the order of {@code strata}
   */
  private static DesignSample.CollapseRule.Plan collapsePlan(
      List<SampleDraw.Stratum> strata, int[] counts) {
    Map<StratumKey, Integer> judged = new HashMap<>();
    Map<StratumKey, Integer> index = new HashMap<>();
    Map<StratumKey, Long> populations = new HashMap<>();
    for (int h = 0; h < strata.size(); h++) {
      StratumKey key = strata.get(h).key();
      judged.put(key, counts[h]);
      index.put(key, h);
      populations.put(key, strata.get(h).population());
    }
    StratumCollapse.Plan plan = StratumCollapse.plan(strata, judged);
    List<int[]> pairs = new ArrayList<>();
    plan.neighbours().forEach((from, to) -> pairs.add(new int[] {index.get(from), index.get(to)}));
    return new DesignSample.CollapseRule.Plan(pairs, plan.notEstimableReason(populations));
  }
}
