package org.labellens.core.model;

import java.util.Objects;

/**
 * A taxonomy together with the exact document it was read from, so a classifier run can record
 * precisely what it used.
 *
 * @param taxonomy the parsed, validated taxonomy
 * @param canonicalJson the document in canonical form (sorted keys, no insignificant whitespace)
 * @param contentHash lower-case hex SHA-256 of the UTF-8 bytes of {@code canonicalJson}
 * @param source where it came from: {@code builtin:study-v1} or a file path
 */
public record TaxonomyDocument(
    Taxonomy taxonomy, String canonicalJson, String contentHash, String source) {

  public TaxonomyDocument {
    Objects.requireNonNull(taxonomy, "taxonomy");
    Objects.requireNonNull(canonicalJson, "canonicalJson");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /** The first 12 hex digits of the hash, for listings. */
  public String shortHash() {
    return contentHash.substring(0, Math.min(12, contentHash.length()));
  }
}
