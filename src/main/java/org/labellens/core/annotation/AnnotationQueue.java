package org.labellens.core.annotation;

import java.util.List;
import java.util.Optional;

/**
 * An annotator's queue for a sample, in working order: the items not skipped in position order,
 * then the skipped ones (in the order they were skipped), so skipped items come back at the end.
 *
 * @param items the queue in working order
 * @param resumeIndex the index in {@code items} of the first item not decided, or -1 when every
 *     item is decided
 * @param progress assigned, decided and skipped counts
 */
public record AnnotationQueue(
    String sample,
    String annotator,
    boolean blindFirst,
    List<QueueItem> items,
    int resumeIndex,
    AnnotatorProgress progress) {
  public AnnotationQueue {
    items = List.copyOf(items);
  }

  /** The item to resume at, if any is left. */
  public Optional<QueueItem> resumeItem() {
    return resumeIndex < 0 ? Optional.empty() : Optional.of(items.get(resumeIndex));
  }

  public boolean finished() {
    return resumeIndex < 0;
  }
}
