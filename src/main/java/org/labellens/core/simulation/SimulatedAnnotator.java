package org.labellens.core.simulation;

import java.util.ArrayList;
import java.util.List;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.HashOrder;

/**
 * A simulated annotator: reports the {@link LatentTruth} with probability {@code accuracy} per
 * label, else an error. Every draw is a hash of (seed, annotator, issue, dimension, label), so the
 * same annotator gives the same answers whether it runs in one go or resumes after a crash, and two
 * annotators err independently.
 *
 * <ul>
 *   <li>Set dimension: each label's membership is reported correctly with probability {@code
 *       accuracy}, else flipped.
 *   <li>Single, binary, ordinal: the true label with probability {@code accuracy}, else another
 *       label picked uniformly.
 *   <li>Revealed after blind (blind-first samples): the blind answer, with each wrong label or
 *       single value corrected with probability {@link #CORRECTED_WHEN_SHOWN} (seeing the
 *       classifier's evidence helps).
 * </ul>
 */
public final class SimulatedAnnotator {
  public static final double CORRECTED_WHEN_SHOWN = 0.5;
  public static final double UNSURE_RATE = 0.05;

  private final String annotator;
  private final double accuracy;
  private final long seed;

  public SimulatedAnnotator(String annotator, double accuracy, long seed) {
    if (!(accuracy >= 0 && accuracy <= 1)) {
      throw new IllegalArgumentException("the accuracy must be between 0 and 1, got " + accuracy);
    }
    this.annotator = annotator;
    this.accuracy = accuracy;
    this.seed = seed;
  }

  /**
   * The answer for one dimension.
   *
   * @param phase revealed without a blind answer for samples that are not blind-first
   * @param blind the blind answer this revealed answer revises, or null
   */
  public DecisionValue answer(
      IssueKey issue,
      SchemeDimension dimension,
      DecisionValue truth,
      Phase phase,
      DecisionValue blind) {
    String base = base(issue, dimension.id());
    DecisionValue first = firstLook(base, dimension, truth);
    if (phase == Phase.BLIND || blind == null) {
      return first;
    }
    if (dimension.kind().isSet()) {
      List<String> chosen = new ArrayList<>();
      for (String label : dimension.labels()) {
        boolean said = blind.labels().contains(label);
        boolean real = truth.labels().contains(label);
        if (said != real && u(base + "revealed:" + label) < CORRECTED_WHEN_SHOWN) {
          said = real;
        }
        if (said) {
          chosen.add(label);
        }
      }
      return DecisionValue.set(chosen);
    }
    if (!blind.equals(truth) && u(base + "revealed") < CORRECTED_WHEN_SHOWN) {
      return truth;
    }
    return blind;
  }

  private DecisionValue firstLook(String base, SchemeDimension dimension, DecisionValue truth) {
    if (dimension.kind().isSet()) {
      List<String> chosen = new ArrayList<>();
      for (String label : dimension.labels()) {
        boolean real = truth.labels().contains(label);
        boolean said = u(base + "label:" + label) < accuracy ? real : !real;
        if (said) {
          chosen.add(label);
        }
      }
      return DecisionValue.set(chosen);
    }
    if (u(base + "single") < accuracy) {
      return truth;
    }
    List<String> others = new ArrayList<>(dimension.labels());
    others.remove(truth.label());
    if (others.isEmpty()) {
      return truth;
    }
    return DecisionValue.single(others.get((int) (u(base + "error") * others.size())));
  }

  /** Time on task in seconds (20 to 120, one decimal). */
  public double seconds(IssueKey issue, String dimension, Phase phase) {
    double s = 20 + 100 * u(base(issue, dimension) + "seconds:" + phase.key());
    return Math.round(s * 10) / 10.0;
  }

  public boolean unsure(IssueKey issue, String dimension, Phase phase) {
    return u(base(issue, dimension) + "unsure:" + phase.key()) < UNSURE_RATE;
  }

  private String base(IssueKey issue, String dimension) {
    return "sim:"
        + seed
        + ":"
        + annotator
        + ":"
        + issue.repo()
        + "#"
        + issue.number()
        + ":"
        + dimension
        + ":";
  }

  private static double u(String text) {
    return HashOrder.uniform(text);
  }
}
