package org.labellens.core.stats;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the Wikipedia article "Cohen's kappa": 50 proposals, two readers, yes/no (κ
 * = 0.4).
 */
class CohenWikipediaTest {
  @Test
  void matchesThePublishedValues() {
    PublishedExamples.assertMatches(
        PublishedExamples.load("cohen_wikipedia"),
        Map.ofEntries(
            Map.entry("percent_agreement", 0.7),
            Map.entry("cohen_kappa", 0.4),
            Map.entry("scott_pi", 0.393939),
            Map.entry("light_kappa", 0.4),
            Map.entry("fleiss_kappa", 0.393939),
            Map.entry("krippendorff_alpha_nominal", 0.4),
            Map.entry("gwet_ac1", 0.405941),
            Map.entry("bennett_s", 0.4),
            Map.entry("cohen_kappa_se", 0.126996),
            Map.entry("cohen_kappa_ci95_low", 0.151092),
            Map.entry("cohen_kappa_ci95_high", 0.648908),
            Map.entry("conger_kappa", 0.4)));
  }
}
