package org.labellens.core.model;

/**
 * A classifier run as listed: our keyword classifier over a taxonomy, or imported outside labels.
 *
 * @param taxonomy {@code name@version} of the taxonomy used, or null for imported runs
 * @param taxonomyHash SHA-256 of the taxonomy's canonical JSON, or null
 */
public record RunInfo(
    long id,
    String name,
    String kind,
    String taxonomy,
    String taxonomyHash,
    String source,
    String createdAt,
    int issueCount) {}
