package org.labellens.core.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labellens.core.BadInputException;

/**
 * The variables a sample can be stratified by: {@code framework} (the framework) and {@code
 * predicted} (the run's primary category, {@code other} included), alone or combined. The
 * combination is always keyed in this order, whatever order it was given in.
 */
public final class Stratification {
  public static final String FRAMEWORK = "framework";
  public static final String PREDICTED = "predicted";

  /** The variables in key order. */
  public static final List<String> VARIABLES = List.of(FRAMEWORK, PREDICTED);

  private Stratification() {}

  /**
   * Parses {@code framework}, {@code predicted}, {@code framework,predicted} (either order), or
   * null, blank or {@code none} for an unstratified sample.
   */
  public static List<String> parse(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
      return List.of();
    }
    List<String> given = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      String v = part.strip().toLowerCase(Locale.ROOT);
      if (!VARIABLES.contains(v)) {
        throw new BadInputException(
            "unknown stratum key '"
                + part.strip()
                + "' in --strata "
                + spec
                + " (use framework, predicted, framework,predicted or none)");
      }
      if (given.contains(v)) {
        throw new BadInputException("stratum key '" + v + "' is given twice in --strata " + spec);
      }
      given.add(v);
    }
    return VARIABLES.stream().filter(given::contains).toList();
  }

  /** The stratum key of an issue with this framework and predicted primary category. */
  public static StratumKey key(List<String> variables, String framework, String predicted) {
    List<String> values = new ArrayList<>(variables.size());
    for (String v : variables) {
      values.add(v.equals(FRAMEWORK) ? framework : predicted);
    }
    return new StratumKey(variables, values);
  }
}
