package org.labellens.core.sampling;

import java.util.List;

/**
 * A stored sample: how it was drawn, so it can be described in one sentence and drawn again.
 *
 * @param run the classifier run's name, or null
 * @param strataBy the stratification variables, e.g. {@code [framework, predicted]}; empty for none
 * @param size the number of items drawn
 * @param overlap the overlap share F as given
 * @param blindFirst annotators decide blind, then see the classifier
 * @param parameters every parameter as given, as a JSON object
 * @param taxonomy {@code name@version} of the run's taxonomy, or null
 */
public record SampleInfo(
    long id,
    String name,
    String run,
    Long runId,
    Frame frame,
    List<String> strataBy,
    AllocationMethod allocation,
    long seed,
    int size,
    double overlap,
    boolean blindFirst,
    String parameters,
    String createdAt,
    String taxonomy) {
  public SampleInfo {
    strataBy = List.copyOf(strataBy);
  }
}
