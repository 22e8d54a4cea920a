package org.labellens.core.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gwet (2008/2014), two abstractors classifying 100 pregnancies into 3 categories (Ectopic, AIU,
 * NIU): AC1 = 0.849 against κ = 0.796.
 */
class GwetAbstractorsTest {
  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        PublishedExamples.load("gwet_abstractors_3x3"),
        Map.ofEntries(
            Map.entry("percent_agreement", 0.89),
            Map.entry("cohen_kappa", 0.796409),
            Map.entry("scott_pi", 0.79624),
            Map.entry("light_kappa", 0.796409),
            Map.entry("fleiss_kappa", 0.79624),
            Map.entry("krippendorff_alpha_nominal", 0.797258),
            Map.entry("gwet_ac1", 0.849331),
            Map.entry("bennett_s", 0.835),
            Map.entry("cohen_kappa_se", 0.058911),
            Map.entry("cohen_kappa_ci95_low", 0.680947),
            Map.entry("cohen_kappa_ci95_high", 0.911872),
            Map.entry("conger_kappa", 0.796409402184)));
  }
}
