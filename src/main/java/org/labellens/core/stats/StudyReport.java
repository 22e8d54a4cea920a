package org.labellens.core.stats;

import java.util.List;

/** A report on an agreement study, which gives the study's size as figures of its own. */
public interface StudyReport {
  /** The size of the study the report is on. */
  StudySize size();

  /** Items in the study (including items whose ratings are all missing). */
  default int items() {
    return size().items();
  }

  /** Raters in the study. */
  default int raters() {
    return size().raters();
  }

  /** Ratings given. */
  default int ratings() {
    return size().ratings();
  }

  /** Item × rater cells without a rating. */
  default long missingRatings() {
    return size().missingRatings();
  }

  /** Items with at least one rating (the bootstrap's units). */
  default int ratedItems() {
    return size().ratedItems();
  }

  /** Items with at least two ratings (the ones that carry agreement). */
  default int pairableItems() {
    return size().pairableItems();
  }

  /** The raters, in study order. */
  default List<String> raterNames() {
    return size().raterNames();
  }
}
