package org.labellens.core.review;

import java.util.List;
import java.util.Optional;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.DimensionValidation;
import org.labellens.core.validation.KeywordDiagnostics;

/**
 * Everything {@code validate} reports for a sample and a classifier run.
 *
 * @param description the sample in one sentence
 * @param run the run validated
 * @param sampledItems items in the sample
 * @param dimensions per validated dimension ({@code category} first), gold and figures
 * @param unresolved items without gold because annotators tie, every dimension
 * @param classifierShares the run's raw shares over the frame, for the category dimension
 * @param keywords keyword diagnostics, ranked
 * @param warnings what a careful reader should know (uncovered strata, labels outside the scheme)
 * @param replicates bootstrap replicates
 * @param seed bootstrap seed
 * @param dimensionShares per validated dimension, the run's raw shares over the frame (counted, not
 *     estimated)
 */
public record ValidationReport(
    SampleInfo sample,
    String description,
    String run,
    int sampledItems,
    List<DimensionValidation.Outcome> dimensions,
    List<UnresolvedItem> unresolved,
    ClassifierShares classifierShares,
    List<KeywordDiagnostics.Result> keywords,
    List<String> warnings,
    int replicates,
    long seed,
    java.util.Map<String, ClassifierShares> dimensionShares,
    Provenance provenance) {
  public ValidationReport {
    dimensionShares =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensionShares));
    dimensions = List.copyOf(dimensions);
    unresolved = List.copyOf(unresolved);
    keywords = List.copyOf(keywords);
    warnings = List.copyOf(warnings);
  }

  public Optional<DimensionValidation.Outcome> dimension(String id) {
    return dimensions.stream().filter(d -> d.dimension().equals(id)).findFirst();
  }

  /** The run's raw shares of a dimension's labels over the frame, or null. */
  public ClassifierShares shares(String dimension) {
    return dimensionShares.get(dimension);
  }

  /** The label that stands for an empty set of categories. */
  public static final String NONE_LABEL = "other";
}
