package org.labellens.service;

import java.util.List;
import java.util.Map;
import org.labellens.core.Counts;
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

  /**
   * Facts about the draw a reader must not miss, as sentences: a margin that asks for at least the
   * whole frame gives the census (docs/sampling.md).
   */
  public List<String> notes() {
    if (sample.allocation() == org.labellens.core.sampling.AllocationMethod.MARGIN
        && !strata.isEmpty()
        && sample.size() == population()) {
      return List.of(censusNote(parameters().get("margin"), population()));
    }
    return List.of();
  }

  /** The census note of a margin (as given) over a frame of {@code population} issues. */
  public static String censusNote(Object margin, long population) {
    return "the margin "
        + margin
        + " asks for at least every issue of the frame: the sample is the census of all "
        + Counts.of(population, "issue")
        + " (every inclusion probability is 1)";
  }

  /** The frame's size: the sum of the strata's populations. */
  public long population() {
    return strata.stream().mapToLong(SampleDraw.Stratum::population).sum();
  }
}
