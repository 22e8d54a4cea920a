package org.labellens.core.stats;

import java.util.List;

/**
 * The size of an agreement study, which a report gives with its coefficients so that a reader can
 * judge them.
 *
 * @param items items in the study (including items whose ratings are all missing)
 * @param raters raters in the study
 * @param ratings ratings given (for a set-valued study, sets; an empty set is a rating)
 * @param missingRatings item × rater cells without a rating
 * @param ratedItems items with at least one rating (the bootstrap's units)
 * @param pairableItems items with at least two ratings (the ones that carry agreement)
 * @param raterNames the raters, in study order
 */
public record StudySize(
    int items,
    int raters,
    int ratings,
    long missingRatings,
    int ratedItems,
    int pairableItems,
    List<String> raterNames) {
  public StudySize {
    raterNames = List.copyOf(raterNames);
  }

  static StudySize of(RatingTable study) {
    return new StudySize(
        study.itemCount(),
        study.raterCount(),
        study.ratingCount(),
        study.missingRatingCount(),
        study.ratedItemCount(),
        study.pairableItemCount(),
        study.raters());
  }
}
