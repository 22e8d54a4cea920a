package org.labellens.core.model;

import java.util.Objects;

/**
 * Why the classifier predicted a label: a keyword (or pattern) of one of its rules, found in one
 * field. The offsets are of the first occurrence, in UTF-16 units of the original (not lower-cased)
 * field text; {@code hits} counts every occurrence of the keyword in that field.
 *
 * @param keyword the keyword as written in the taxonomy, or a pattern written as {@code /regex/}
 */
public record Evidence(
    String dimension,
    String label,
    String keyword,
    EvidenceField field,
    int start,
    int end,
    int hits) {

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
}
