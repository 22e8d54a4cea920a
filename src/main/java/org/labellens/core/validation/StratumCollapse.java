package org.labellens.core.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.Stratification;
import org.labellens.core.sampling.StratumKey;

/**
 * Which strata are collapsed for the variance of the weighted estimates (see {@code
 * docs/decisions/0010-collapsed-strata.md}). A stratum with a single judged item adds no variance
 * to the stratified bootstrap, so its interval would be too narrow, down to zero width; such a
 * stratum is resampled together with a named neighbour, or the intervals are reported as not
 * estimable with the reason. Weights and point estimates never change.
 */
public final class StratumCollapse {
  /** The rule, in one sentence for every output. */
  public static final String RULE =
      "a stratum with one judged item (m_h = 1) out of more than one issue (N_h > 1) adds no"
          + " variance to the bootstrap, so it is resampled together with a neighbour: the"
          + " stratum with the same predicted label and another framework that has the most"
          + " judged items (ties: the first in key order); with strata by framework only, any"
          + " other framework; with strata by predicted label only, or none, there is no"
          + " neighbour and the intervals are not estimable. Weights and point estimates do not"
          + " change; a stratum taken whole (m_h = N_h) adds no sampling variance and stays"
          + " alone";

  private StratumCollapse() {}

  /**
   * The outcome.
   *
   * @param neighbours each collapsed stratum with the neighbour it is resampled with, in key order
   * @param alone the strata that need a neighbour and have none, in key order
   */
  public record Plan(Map<StratumKey, StratumKey> neighbours, List<StratumKey> alone) {
    public Plan {
      neighbours = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
      alone = List.copyOf(alone);
    }

    /**
     * Why the intervals are not estimable, or null when every stratum has variance or a partner.
     */
    public String notEstimableReason(Map<StratumKey, Long> populations) {
      if (alone.isEmpty()) {
        return null;
      }
      List<String> names = new ArrayList<>();
      for (StratumKey k : alone) {
        names.add(k.label() + " (1 judged of " + populations.get(k) + ")");
      }
      return (alone.size() == 1 ? "stratum " : "strata ")
          + String.join(", ", names)
          + (alone.size() == 1 ? " has" : " have")
          + " a single judged item and no neighbour with judged items (same predicted label,"
          + " other framework), so the sampling variance cannot be estimated; judge more items"
          + " of "
          + (alone.size() == 1 ? "it" : "them");
    }
  }

  /**
   * Applies the rule.
   *
   * @param strata the sample's strata, in key order
   * @param judged m_h, the judged items per stratum (absent: 0)
   */
  public static Plan plan(List<SampleDraw.Stratum> strata, Map<StratumKey, Integer> judged) {
    Map<StratumKey, StratumKey> neighbours = new LinkedHashMap<>();
    List<StratumKey> alone = new ArrayList<>();
    for (SampleDraw.Stratum s : strata) {
      int m = judged.getOrDefault(s.key(), 0);
      if (m != 1 || s.population() <= 1) {
        continue;
      }
      StratumKey best = null;
      int bestJudged = 0;
      for (SampleDraw.Stratum other : strata) {
        int mo = judged.getOrDefault(other.key(), 0);
        if (other.key().equals(s.key()) || mo < 1 || !areNeighbours(s.key(), other.key())) {
          continue;
        }
        if (mo > bestJudged) {
          best = other.key();
          bestJudged = mo;
        }
      }
      if (best == null) {
        alone.add(s.key());
      } else {
        neighbours.put(s.key(), best);
      }
    }
    return new Plan(neighbours, alone);
  }

  /**
   * Same predicted label and another framework; with a key by framework only, another framework;
   * never for a key by predicted label only or the whole frame.
   */
  static boolean areNeighbours(StratumKey a, StratumKey b) {
    Map<String, String> x = a.asMap();
    Map<String, String> y = b.asMap();
    if (!x.keySet().equals(y.keySet()) || !x.containsKey(Stratification.FRAMEWORK)) {
      return false;
    }
    if (x.get(Stratification.FRAMEWORK).equals(y.get(Stratification.FRAMEWORK))) {
      return false;
    }
    return !x.containsKey(Stratification.PREDICTED)
        || x.get(Stratification.PREDICTED).equals(y.get(Stratification.PREDICTED));
  }
}
