package org.labellens.core.stats;

import java.util.List;

/**
 * What every agreement report states about its study, whatever its coefficients: how many items,
 * raters and ratings, how many ratings are missing, who rated, the labels and the options.
 */
public interface StudySize {
  int items();

  int raters();

  int ratings();

  long missingRatings();

  /** Items with at least one rating (the bootstrap's units). */
  int ratedItems();

  /** Items with at least two ratings (the ones that carry agreement). */
  int pairableItems();

  List<String> raterNames();

  List<String> labels();

  AgreementOptions options();
}
