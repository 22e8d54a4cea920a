package org.labellens.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a classifier gave a label: the keyword or pattern that matched, in which field, where (UTF-16
 * offsets of the first occurrence in that field's original, not lower-cased, text) and how many
 * times.
 *
 * @param keyword the keyword as written in the taxonomy, or a pattern written as {@code /regex/}
 * @param field where it matched: {@code title}, {@code body}, {@code labels}, a body zone such as
 *     {@code body:code} (offsets still into the whole body), or {@code title+body} for a phrase
 *     straddling the join of the study's {@code title + " " + body} (offsets into that text); see
 *     {@link EvidenceField}
 */
public record Evidence(
    String dimension, String label, String keyword, String field, int start, int end, int hits) {

  public Evidence {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(field, "field");
    if (start < 0 || end < start || hits < 1) {
      throw new IllegalArgumentException(
          "bad evidence span " + start + ".." + end + " x" + hits + " for " + keyword);
    }
  }

  /** The field as a known kind, when it is one. */
  public Optional<EvidenceField> fieldKind() {
    return EvidenceField.fromKey(field);
  }
}
