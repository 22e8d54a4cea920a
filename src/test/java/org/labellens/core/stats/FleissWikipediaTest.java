package org.labellens.core.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the Wikipedia article "Fleiss' kappa": 10 subjects, 14 raters, 5 categories
 * (κ = 0.210).
 */
class FleissWikipediaTest {
  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        PublishedExamples.load("fleiss_wikipedia"),
        Map.of(
            "percent_agreement", 0.378022,
            "light_kappa", 0.234672,
            "fleiss_kappa", 0.209931,
            "krippendorff_alpha_nominal", 0.215574,
            "gwet_ac1", 0.225614,
            "bennett_s", 0.222527,
            "conger_kappa", 0.217042467838));
  }
}
