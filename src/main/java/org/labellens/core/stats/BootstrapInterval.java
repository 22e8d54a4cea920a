package org.labellens.core.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * A percentile bootstrap confidence interval, or the reason there is none, with how many replicates
 * were drawn and how many of them left the coefficient undefined (those are dropped; the interval
 * is computed from the others).
 */
public final class BootstrapInterval {
  private final Interval ci95;
  private final String reason;
  private final int replicates;
  private final int undefinedReplicates;

  private BootstrapInterval(Interval ci95, String reason, int replicates, int undefinedReplicates) {
    if (undefinedReplicates < 0 || undefinedReplicates > replicates) {
      throw new IllegalArgumentException(
          undefinedReplicates + " undefined of " + replicates + " replicates");
    }
    this.ci95 = ci95;
    this.reason = reason;
    this.replicates = replicates;
    this.undefinedReplicates = undefinedReplicates;
  }

  static BootstrapInterval of(Interval ci95, int replicates, int undefinedReplicates) {
    return new BootstrapInterval(
        Objects.requireNonNull(ci95, "ci95"), null, replicates, undefinedReplicates);
  }

  static BootstrapInterval none(String reason, int replicates, int undefinedReplicates) {
    return new BootstrapInterval(
        null, Objects.requireNonNull(reason, "reason"), replicates, undefinedReplicates);
  }

  /**
   * The interval to report around {@code estimate}: this one, or none with the same replicate
   * counts when the estimate itself is undefined (an interval around no value means nothing).
   */
  BootstrapInterval around(Coefficient estimate) {
    return estimate.isDefined()
        ? this
        : none("the estimate is undefined", replicates, undefinedReplicates);
  }

  /** The 95% interval; empty when there is none (see {@link #reason()}). */
  public Optional<Interval> ci95() {
    return Optional.ofNullable(ci95);
  }

  /** Why there is no interval; empty when there is one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** B, the number of replicates drawn. */
  public int replicates() {
    return replicates;
  }

  /** Replicates in which the coefficient was undefined, and that the interval leaves out. */
  public int undefinedReplicates() {
    return undefinedReplicates;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BootstrapInterval
        && Objects.equals(ci95, ((BootstrapInterval) other).ci95)
        && Objects.equals(reason, ((BootstrapInterval) other).reason)
        && replicates == ((BootstrapInterval) other).replicates
        && undefinedReplicates == ((BootstrapInterval) other).undefinedReplicates;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ci95, reason, replicates, undefinedReplicates);
  }

  @Override
  public String toString() {
    return (ci95 != null ? ci95.toString() : "no interval (" + reason + ")")
        + ", "
        + undefinedReplicates
        + " of "
        + replicates
        + " replicates undefined";
  }
}
