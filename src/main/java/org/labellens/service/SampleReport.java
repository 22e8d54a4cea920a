package org.labellens.service;

import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.io.JsonDocuments;

/**
 * A sample as drawn and stored: its description, strata (population, size, inclusion probability),
 * items by rank with their annotators, and each annotator's progress.
 *
 * @param overlapItems how many items every annotator labels
 * @param warnings things a careful user should know (e.g. a stratum that got no items)
 */
public record SampleReport(
    SampleInfo sample,
    List<SampleDraw.Stratum> strata,
    List<SampleDraw.Item> items,
    int overlapItems,
    List<AnnotatorProgress> annotators,
    List<String> warnings) {

  /** Every parameter of the draw as given ({@code sample.parameters}), as plain values. */
  public Map<String, Object> parameters() {
    return JsonDocuments.parseObject(sample.parameters());
  }

  public SampleReport {
    strata = List.copyOf(strata);
    items = List.copyOf(items);
    annotators = List.copyOf(annotators);
    warnings = List.copyOf(warnings);
  }

  /** The frame's size: the sum of the strata's populations. */
  public long population() {
    return strata.stream().mapToLong(SampleDraw.Stratum::population).sum();
  }
}
