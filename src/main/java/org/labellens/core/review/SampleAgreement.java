package org.labellens.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.PairResult;
import org.labellens.core.stats.SetAgreementReport;

/**
 * Agreement in a sample: annotators with each other per dimension (each annotator's latest phase),
 * each annotator with the classifier, and for blind-first samples how far seeing the classifier
 * moved the annotators. Every figure is unweighted: it describes the sampled items the annotators
 * decided, not the population.
 *
 * @param annotators every annotator with a decision, in name order
 * @param dimensions per dimension with decisions, in the scheme's order
 * @param classifier per annotator, predicted dimension and (for sets) label
 * @param phases per annotator, predicted dimension and label: blind against revealed
 */
public record SampleAgreement(
    String sample,
    String run,
    List<String> annotators,
    boolean blindFirst,
    Map<String, Dimension> dimensions,
    List<ClassifierRow> classifier,
    List<PhaseRow> phases,
    AgreementOptions options,
    Provenance provenance) {

  public SampleAgreement {
    annotators = List.copyOf(annotators);
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    classifier = List.copyOf(classifier);
    phases = List.copyOf(phases);
  }

  /**
   * Annotators with each other on one dimension, on the items two or more of them decided.
   *
   * @param single the report of a single-label dimension, or null
   * @param set the report of a set-valued dimension, or null
   * @param reason why there is no report (e.g. no item decided by two annotators), or null
   */
  public record Dimension(
      String dimension,
      String kind,
      int items,
      AgreementReport single,
      SetAgreementReport set,
      String reason) {}

  /**
   * One annotator against the classifier on one dimension (for a set: one label, as in or out), on
   * the items both decided; {@code pair} holds the items, percent agreement and Cohen's kappa with
   * bootstrap intervals, or is null with {@code reason}.
   */
  public record ClassifierRow(
      String annotator, String dimension, String label, PairResult pair, String reason) {}

  /**
   * Blind against revealed for one annotator, dimension and (for sets) label, on the items with
   * both phases.
   *
   * @param items items with a blind and a revealed decision (and the classifier's value)
   * @param changed items whose value changed between the phases
   * @param towardClassifier changes that adopted the classifier's value
   * @param awayFromClassifier changes that left the classifier's value
   * @param blind the blind decisions against the classifier, or null
   * @param revealed the revealed decisions against the classifier, or null
   */
  public record PhaseRow(
      String annotator,
      String dimension,
      String label,
      int items,
      int changed,
      int towardClassifier,
      int awayFromClassifier,
      PairResult blind,
      PairResult revealed) {}
}
