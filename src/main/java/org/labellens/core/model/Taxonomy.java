package org.labellens.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A taxonomy: the annotation dimensions, their labels, the classifier's rules and the sampling
 * frames. Immutable; read from a taxonomy file (see {@code docs/taxonomy-format.md}).
 *
 * @param name e.g. {@code study-v1}
 * @param version e.g. {@code 1.0}
 * @param description what the taxonomy is for and where its rules come from
 * @param dimensions in file order
 * @param frames the production and bug/perf frames
 */
public record Taxonomy(
    String name,
    String version,
    String description,
    List<Dimension> dimensions,
    TaxonomyFrames frames) {

  public Taxonomy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    description = description == null ? "" : description;
    dimensions = List.copyOf(dimensions);
    frames = frames == null ? TaxonomyFrames.none() : frames;
  }

  /** {@code name@version}, as recorded with annotations. */
  public String reference() {
    return name + "@" + version;
  }

  public Optional<Dimension> dimension(String id) {
    return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The dimension whose predicted value is a run's primary label: the first derived dimension, else
   * the first predicted set dimension.
   */
  public Optional<Dimension> primaryDimension() {
    return dimensions.stream()
        .filter(Dimension::isDerived)
        .findFirst()
        .or(() -> categoryDimension());
  }

  /** The set dimension a run's distribution is reported over: the first predicted set dimension. */
  public Optional<Dimension> categoryDimension() {
    return dimensions.stream()
        .filter(d -> d.isPredicted() && d.kind() == DimensionKind.SET)
        .findFirst();
  }
}
