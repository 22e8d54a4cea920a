package org.labellens.core.stats;

/**
 * What an agreement report computes besides the point estimates.
 *
 * @param bootstrapReplicates B, the number of percentile-bootstrap replicates; 0 for no intervals
 * @param seed the bootstrap seed; the same seed gives the same intervals on every machine
 * @param ordinal whether the categories, in the study's order, form an ordered scale: adds weighted
 *     kappa (two raters) and ordinal α
 */
public record AgreementOptions(int bootstrapReplicates, long seed, boolean ordinal) {
  /** The most replicates accepted; more only cost time. */
  public static final int MAX_REPLICATES = 100_000;

  public AgreementOptions {
    if (bootstrapReplicates < 0 || bootstrapReplicates > MAX_REPLICATES) {
      throw new IllegalArgumentException(
          "bootstrap replicates must be between 0 and "
              + MAX_REPLICATES
              + ", got "
              + bootstrapReplicates);
    }
  }

  /** 1,000 replicates, seed 1, nominal scale. */
  public static AgreementOptions defaults() {
    return new AgreementOptions(
        PercentileBootstrap.DEFAULT_REPLICATES, PercentileBootstrap.DEFAULT_SEED, false);
  }
}
