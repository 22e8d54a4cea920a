package org.labellens.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The coefficients of an agreement report, with the key each one has in the JSON output
 * (docs/agreement.md; keys are never renamed). See each measure's class for its definition and
 * reference.
 */
public enum Metric {
  PERCENT_AGREEMENT("percent_agreement", "Percent agreement", false, false),
  COHEN_KAPPA("cohen_kappa", "Cohen's kappa", true, false),
  SCOTT_PI("scott_pi", "Scott's pi", true, false),
  LIGHT_KAPPA("light_kappa", "Light's kappa", false, false),
  FLEISS_KAPPA("fleiss_kappa", "Fleiss' kappa", false, false),
  CONGER_KAPPA("conger_kappa", "Conger's kappa", false, false),
  KRIPPENDORFF_ALPHA("krippendorff_alpha", "Krippendorff's alpha (nominal)", false, false),
  GWET_AC1("gwet_ac1", "Gwet's AC1", false, false),
  BENNETT_S("bennett_s", "Bennett's S", false, false),
  COHEN_KAPPA_LINEAR("cohen_kappa_linear", "Weighted kappa (linear)", true, true),
  COHEN_KAPPA_QUADRATIC("cohen_kappa_quadratic", "Weighted kappa (quadratic)", true, true),
  KRIPPENDORFF_ALPHA_ORDINAL(
      "krippendorff_alpha_ordinal", "Krippendorff's alpha (ordinal)", false, true);

  private final String key;
  private final String label;
  private final boolean twoRaters;
  private final boolean orderedScale;

  Metric(String key, String label, boolean twoRaters, boolean ordinal) {
    this.key = key;
    this.label = label;
    this.twoRaters = twoRaters;
    this.orderedScale = ordinal;
  }

  /** The JSON key, e.g. {@code fleiss_kappa}. */
  public String key() {
    return key;
  }

  /** The name for people, e.g. {@code Fleiss' kappa}. */
  public String label() {
    return label;
  }

  /** Whether the metric is defined for exactly two raters only. */
  public boolean twoRatersOnly() {
    return twoRaters;
  }

  /** Whether the metric needs an ordered scale (the study's category order). */
  public boolean needsOrderedScale() {
    return orderedScale;
  }

  /** The metrics of a report: the nominal ones, and the ordinal ones too if asked. */
  public static List<Metric> forReport(boolean withOrdinal) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric metric : values()) {
      if (withOrdinal || !metric.orderedScale) {
        metrics.add(metric);
      }
    }
    return List.copyOf(metrics);
  }

  /** Evaluates the metric on a tally; a two-rater metric on another study is undefined. */
  Coefficient evaluate(Tally tally) {
    if (twoRaters && tally.raters != 2) {
      return Coefficient.undefined(
          "defined for exactly 2 raters; this study has "
              + tally.raters
              + " (see the pairwise table, Light's kappa and Fleiss' kappa)");
    }
    switch (this) {
      case PERCENT_AGREEMENT:
        return PercentAgreement.of(tally);
      case COHEN_KAPPA:
        return CohenKappa.of(tally.pair(0));
      case SCOTT_PI:
        return ScottPi.of(tally.pair(0));
      case LIGHT_KAPPA:
        return LightKappa.of(tally);
      case FLEISS_KAPPA:
        return FleissKappa.of(tally);
      case CONGER_KAPPA:
        return CongerKappa.of(tally);
      case KRIPPENDORFF_ALPHA:
        return KrippendorffAlpha.nominal(tally);
      case GWET_AC1:
        return GwetAc1.of(tally);
      case BENNETT_S:
        return BennettS.of(tally);
      case COHEN_KAPPA_LINEAR:
        return WeightedKappa.of(tally.pair(0), WeightedKappa.Weights.LINEAR);
      case COHEN_KAPPA_QUADRATIC:
        return WeightedKappa.of(tally.pair(0), WeightedKappa.Weights.QUADRATIC);
      case KRIPPENDORFF_ALPHA_ORDINAL:
        return KrippendorffAlpha.ordinal(tally);
      default:
        throw new AssertionError(this);
    }
  }
}
