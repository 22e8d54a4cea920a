package org.labellens.core.model;

/**
 * One occurrence of a rule's keyword or pattern in an issue, for highlighting: every occurrence is
 * listed, including those that did not count, with the reason.
 *
 * @param start offset into the original field text (UTF-16 units); for body zones, into the body
 * @param end exclusive end offset
 */
public record Occurrence(
    String dimension,
    String label,
    String keyword,
    EvidenceField field,
    int start,
    int end,
    Status status) {

  /** Whether and why an occurrence counted towards its label. */
  public enum Status {
    /** Counted, and its label was predicted. */
    COUNTED,
    /** Counted, but its label's score stayed below the dimension's minimum score. */
    BELOW_MIN_SCORE,
    /** In a field or body zone the taxonomy weighs 0 (e.g. an environment dump). */
    IGNORED_FIELD,
    /** Inside one of the rule's exclusions (e.g. {@code hang} inside "change", a URL). */
    EXCLUDED
  }
}
