package org.labellens.core.annotation;

/** Where an assigned item stands in one annotator's queue. */
public enum ItemState {
  /** Not decided yet (in a blind-first sample: the revealed decision is still missing). */
  PENDING,
  /** The annotator has made the item's final (revealed) decisions. */
  DECIDED,
  /** Skipped and not decided since: it comes back at the end of the queue. */
  SKIPPED
}
