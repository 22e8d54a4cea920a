package org.labellens.core.annotation;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.labellens.core.ContentHash;
import org.labellens.core.model.IssueKey;

/**
 * One annotator's decision on one dimension of one sampled issue: a line of an exchange file, an
 * event of the annotation log.
 *
 * @param sample the sample's name
 * @param issue the issue
 * @param annotator the annotator's name
 * @param dimension e.g. {@code category}
 * @param value the label, or the set of labels
 * @param phase blind (classifier hidden) or revealed (classifier shown)
 * @param predicted what the classifier said, as shown to the annotator; null if nothing was shown
 * @param unsure the annotator marked the decision as unsure
 * @param reason a reason code for a false positive or negative, or null
 * @param note free text, or null
 * @param seconds time on task, or null
 * @param decidedAt when the annotator decided (kept to the microsecond)
 * @param taxonomy {@code name@version} of the taxonomy the labels come from, or null
 */
public record Decision(
    String sample,
    IssueKey issue,
    String annotator,
    String dimension,
    DecisionValue value,
    Phase phase,
    DecisionValue predicted,
    boolean unsure,
    String reason,
    String note,
    Double seconds,
    Instant decidedAt,
    String taxonomy) {

  public Decision {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(annotator, "annotator");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(decidedAt, "decidedAt");
    decidedAt = DecisionTime.normalize(decidedAt);
  }

  /**
   * The decision as a reviewer reads it in JSON output (adjudication cases, exports): annotator,
   * dimension, phase, value, unsure, reason and note, in that order.
   */
  public Map<String, Object> reviewFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("annotator", annotator);
    m.put("dimension", dimension);
    m.put("phase", phase.key());
    m.put("value", value.plain());
    m.put("unsure", unsure);
    m.put("reason", reason);
    m.put("note", note);
    return m;
  }

  /** The order in which an issue's decisions are listed: by annotator, dimension, then phase. */
  public static final Comparator<Decision> BY_ANNOTATOR_DIMENSION_PHASE =
      Comparator.comparing(Decision::annotator)
          .thenComparing(Decision::dimension)
          .thenComparing(Decision::phase);

  /** A plain decision made now: no prediction shown, not unsure, no reason, note or time. */
  public static Decision of(
      String sample,
      IssueKey issue,
      String annotator,
      String dimension,
      DecisionValue value,
      Phase phase) {
    return new Decision(
        sample,
        issue,
        annotator,
        dimension,
        value,
        phase,
        null,
        false,
        null,
        null,
        null,
        Instant.now(),
        null);
  }

  public Decision withValue(DecisionValue v) {
    return with(v, predicted, unsure, reason, note, seconds, decidedAt, taxonomy);
  }

  public Decision withPredicted(DecisionValue shown) {
    return with(value, shown, unsure, reason, note, seconds, decidedAt, taxonomy);
  }

  public Decision withDetails(boolean isUnsure, String reasonCode, String noteText, Double secs) {
    return with(value, predicted, isUnsure, reasonCode, noteText, secs, decidedAt, taxonomy);
  }

  public Decision withDecidedAt(Instant t) {
    return with(value, predicted, unsure, reason, note, seconds, t, taxonomy);
  }

  public Decision withTaxonomy(String reference) {
    return with(value, predicted, unsure, reason, note, seconds, decidedAt, reference);
  }

  /** The same annotator's decision on the same dimension of the same issue, otherwise as given. */
  private Decision with(
      DecisionValue newValue,
      DecisionValue newPredicted,
      boolean newUnsure,
      String newReason,
      String newNote,
      Double newSeconds,
      Instant newDecidedAt,
      String newTaxonomy) {
    return new Decision(
        sample,
        issue,
        annotator,
        dimension,
        newValue,
        phase,
        newPredicted,
        newUnsure,
        newReason,
        newNote,
        newSeconds,
        newDecidedAt,
        newTaxonomy);
  }

  /**
   * The {@link ContentHash} of the decision's identity and content: every field, each
   * length-prefixed, so no two different decisions share a key. Importing the same decision twice
   * finds the same key and adds nothing; any change (a later time, another value, a new note) is a
   * new event.
   */
  public String eventKey() {
    return ContentHash.of(
        "labellens-decision-1",
        sample,
        issue.repo(),
        Integer.toString(issue.number()),
        annotator,
        dimension,
        value.toJson(),
        phase.key(),
        predicted == null ? null : predicted.toJson(),
        unsure ? "1" : "0",
        reason,
        note,
        seconds == null ? null : Double.toString(seconds),
        DecisionTime.format(decidedAt),
        taxonomy);
  }
}
