package org.labellens.core.stats;

import java.util.Objects;
import java.util.Optional;

/** A row of the pairwise table of a report, with bootstrap intervals when they were asked for. */
public record PairResult(
    RaterPairAgreement agreement,
    Optional<BootstrapInterval> percentAgreementBootstrap,
    Optional<BootstrapInterval> cohenKappaBootstrap) {
  public PairResult {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(percentAgreementBootstrap, "percentAgreementBootstrap");
    Objects.requireNonNull(cohenKappaBootstrap, "cohenKappaBootstrap");
  }
}
