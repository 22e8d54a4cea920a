package org.labellens.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classifier's raw label counts over the whole frame the sample was drawn from (every frame
 * issue the run covers), overall and per framework: what the classifier alone would report, beside
 * which the estimated true shares are shown.
 *
 * @param frameItems issues in the frame today
 * @param covered of those, the issues the run covers (the shares' denominator)
 * @param counts per label, covered issues the run gives the label (the empty-set label: none)
 * @param frameworkCovered per framework, covered issues
 * @param byFramework per framework, per label, covered issues with the label
 */
public record ClassifierShares(
    long frameItems,
    long covered,
    Map<String, Long> counts,
    Map<String, Long> frameworkCovered,
    Map<String, Map<String, Long>> byFramework) {
  public ClassifierShares {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    frameworkCovered = Collections.unmodifiableMap(new LinkedHashMap<>(frameworkCovered));
    byFramework = Collections.unmodifiableMap(new LinkedHashMap<>(byFramework));
  }

  public double share(String label) {
    return covered == 0 ? Double.NaN : (double) counts.getOrDefault(label, 0L) / covered;
  }

  public double share(String framework, String label) {
    long n = frameworkCovered.getOrDefault(framework, 0L);
    return n == 0
        ? Double.NaN
        : (double) byFramework.getOrDefault(framework, Map.of()).getOrDefault(label, 0L) / n;
  }
}
