package org.labellens.core.stats;

/**
 * Light's kappa: the mean of Cohen's kappa over every pair of raters, each pair on the items both
 * rated.
 *
 * <pre>
 *   κ_Light = (2 / (R (R − 1))) Σ_{a &lt; b} κ_Cohen(a, b)
 * </pre>
 *
 * If the kappa of any pair is undefined (the pair shares no item, or put all its common items in
 * one category), the mean is undefined too and the reason names the pair: averaging over the
 * remaining pairs would silently change the definition. Equal to Cohen's kappa for two raters.
 *
 * <p>References: Light, R. J. (1971). Measures of response agreement for qualitative data: some
 * generalizations and alternatives. Psychological Bulletin 76(5), 365–377.
 */
public final class LightKappa {
  static final String NAME = "Light's kappa";

  private LightKappa() {}

  /**
   * @throws InsufficientDataException if the study has no ratings or fewer than 2 raters
   */
  public static Coefficient compute(AgreementStudy<?> study) {
    study.requireAtLeastTwoRaters(NAME);
    return of(Tally.of(study, false));
  }

  static Coefficient of(Tally tally) {
    double sum = 0.0;
    int pairs = tally.pairCount();
    for (int pair = 0; pair < pairs; pair++) {
      RaterPairCounts counts = tally.pair(pair);
      Coefficient kappa = CohenKappa.of(counts);
      if (!kappa.isDefined()) {
        return Coefficient.undefined(
            "Cohen's kappa of raters '"
                + counts.first
                + "' and '"
                + counts.second
                + "' is undefined: "
                + kappa.reason().orElseThrow());
      }
      sum += kappa.value();
    }
    return Coefficient.of(sum / pairs);
  }
}
