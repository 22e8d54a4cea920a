package org.labellens.core.model;

/**
 * Why a classifier gave a label: the keyword or pattern that matched, in which field, where (UTF-16
 * offsets of the first occurrence in that field's original text) and how many times.
 */
public record Evidence(
    String dimension, String label, String keyword, String field, int start, int end, int hits) {}
