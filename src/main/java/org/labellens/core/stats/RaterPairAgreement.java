package org.labellens.core.stats;

import java.util.Objects;

/**
 * Agreement of two raters on the {@code items} both rated.
 *
 * @param first the first rater (rows of the confusion matrix)
 * @param second the second rater (columns)
 * @param items items both rated
 * @param percentAgreement share of those items with the same category
 * @param cohenKappa Cohen's kappa on those items
 * @param confusion the confusion matrix
 */
public record RaterPairAgreement(
    String first,
    String second,
    long items,
    Coefficient percentAgreement,
    Coefficient cohenKappa,
    ConfusionMatrix confusion) {
  public RaterPairAgreement {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(percentAgreement, "percentAgreement");
    Objects.requireNonNull(cohenKappa, "cohenKappa");
    Objects.requireNonNull(confusion, "confusion");
  }
}
