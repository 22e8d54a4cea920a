package org.labellens.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.HashOrder;

/**
 * The simulated world's true labels of an issue: deterministic (a function of the issue's key, the
 * classifier's prediction and the fixed {@link #WORLD_SEED}), correlated with the prediction but
 * not equal to it, so that the classifier has errors a validation can measure.
 *
 * <p>With u(tag) = the uniform number of SHA-256 of {@code "<world>:<repo>#<number>:<tag>"}:
 *
 * <ul>
 *   <li>{@code category}: a predicted category is true when u &lt; its precision ({@link
 *       #PRECISION}: crash 0.30, api 0.60, concurrency 0.65, any other 0.85, echoing the substring
 *       rules' known false positives); a category not predicted is true when u &lt; 0.04 (missed).
 *   <li>{@code primary}: {@code other} when no category is true; else the predicted primary when it
 *       is true and u &lt; 0.8; else one of the true categories, picked by u.
 *   <li>{@code production}: the predicted flag, flipped when u &lt; 0.15; without a predicted flag,
 *       yes when u &lt; 0.3.
 * </ul>
 */
public record LatentTruth(List<String> categories, String primary, String production) {
  public static final String WORLD_SEED = "labellens-world-1";

  /** P(true | predicted) per category; {@link #DEFAULT_PRECISION} for the others. */
  public static final Map<String, Double> PRECISION =
      Map.of("crash", 0.30, "api", 0.60, "concurrency", 0.65);

  public static final double DEFAULT_PRECISION = 0.85;
  public static final double MISSED = 0.04;
  public static final double PRIMARY_KEPT = 0.8;
  public static final double PRODUCTION_FLIPPED = 0.15;
  public static final double PRODUCTION_BASE_RATE = 0.3;

  public LatentTruth {
    categories = List.copyOf(categories);
  }

  /**
   * The truth of an issue.
   *
   * @param prediction the run's prediction as shown ({@code category}, {@code primary}, {@code
   *     production}); empty without a run
   * @param allCategories the category labels in taxonomy order
   */
  public static LatentTruth of(
      IssueKey issue, Map<String, DecisionValue> prediction, List<String> allCategories) {
    String base = WORLD_SEED + ":" + issue.repo() + "#" + issue.number() + ":";
    DecisionValue predictedSet = prediction.get("category");
    List<String> predicted = predictedSet == null ? List.of() : predictedSet.labels();
    List<String> truth = new ArrayList<>();
    for (String c : allCategories) {
      double p = predicted.contains(c) ? PRECISION.getOrDefault(c, DEFAULT_PRECISION) : MISSED;
      if (HashOrder.uniform(base + "category:" + c) < p) {
        truth.add(c);
      }
    }
    String primary;
    DecisionValue predictedPrimary = prediction.get("primary");
    if (truth.isEmpty()) {
      primary = "other";
    } else if (predictedPrimary != null
        && truth.contains(predictedPrimary.label())
        && HashOrder.uniform(base + "primary") < PRIMARY_KEPT) {
      primary = predictedPrimary.label();
    } else {
      primary = truth.get((int) (HashOrder.uniform(base + "primary-pick") * truth.size()));
    }
    DecisionValue predictedProduction = prediction.get("production");
    String production;
    if (predictedProduction != null) {
      boolean flip = HashOrder.uniform(base + "production") < PRODUCTION_FLIPPED;
      boolean yes = predictedProduction.label().equals("yes");
      production = (yes != flip) ? "yes" : "no";
    } else {
      production = HashOrder.uniform(base + "production") < PRODUCTION_BASE_RATE ? "yes" : "no";
    }
    return new LatentTruth(truth, primary, production);
  }

  /** The true value of a dimension the simulation decides, or null for another dimension. */
  public DecisionValue value(String dimension) {
    return switch (dimension) {
      case "category" -> DecisionValue.set(categories);
      case "primary" -> DecisionValue.single(primary);
      case "production" -> DecisionValue.single(production);
      default -> null;
    };
  }
}
