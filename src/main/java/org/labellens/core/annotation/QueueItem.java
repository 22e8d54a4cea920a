package org.labellens.core.annotation;

import org.labellens.core.model.IssueKey;

/**
 * One item of an annotator's queue.
 *
 * @param position the item's place in the annotator's shuffled queue, from 1
 * @param issueId the issue's row id (for loading the issue's text)
 * @param overlap every annotator of the sample labels this item
 * @param state pending, decided or skipped
 * @param blindDecided in a blind-first sample: the blind decisions are made
 */
public record QueueItem(
    int position,
    long issueId,
    IssueKey issue,
    String framework,
    String title,
    boolean overlap,
    ItemState state,
    boolean blindDecided) {}
