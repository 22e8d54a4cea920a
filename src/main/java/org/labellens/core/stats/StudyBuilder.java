package org.labellens.core.stats;

/**
 * What the builders of both kinds of study share: items and raters numbered in order of first
 * appearance, at most one rating per (item, rater), and the values ratings take (categories, or the
 * labels of sets). Not thread-safe.
 *
 * @param <C> a value: a category, or a label of a set
 * @param <B> the builder itself, which each step returns
 */
abstract class StudyBuilder<C, B extends StudyBuilder<C, B>> {
  final ItemRaterIndex index = new ItemRaterIndex();
  final DeclaredValues<C> values;

  StudyBuilder(DeclaredValues<C> values) {
    this.values = values;
  }

  /** Adds an item that may have no rating at all. */
  public B item(String item) {
    index.item(item);
    return self();
  }

  /** Adds a rater who may have rated nothing. */
  public B rater(String rater) {
    index.rater(rater);
    return self();
  }

  /** This builder, as its own type. */
  abstract B self();
}
