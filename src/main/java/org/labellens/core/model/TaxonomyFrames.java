package org.labellens.core.model;

import java.util.List;

/**
 * The study's sampling frames, as a taxonomy defines them.
 *
 * @param productionDimension the predicted dimension whose {@code productionLabel} marks a
 *     "production issue"; null when the taxonomy defines no production frame
 * @param productionLabel the label of that dimension meaning "production issue"
 * @param bugPerfLabels issue labels (compared after lower-casing) that put an issue in the
 *     "bug/perf" frame; null when the taxonomy defines no such frame
 */
public record TaxonomyFrames(
    String productionDimension, String productionLabel, List<String> bugPerfLabels) {

  public TaxonomyFrames {
    bugPerfLabels = bugPerfLabels == null ? null : List.copyOf(bugPerfLabels);
  }

  public static TaxonomyFrames none() {
    return new TaxonomyFrames(null, null, null);
  }

  public boolean hasProduction() {
    return productionDimension != null;
  }

  public boolean hasBugPerf() {
    return bugPerfLabels != null;
  }
}
