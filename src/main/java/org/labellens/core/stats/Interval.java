package org.labellens.core.stats;

/** A closed interval [low, high] of finite values, such as a 95% confidence interval. */
public record Interval(double low, double high) {
  public Interval {
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
    }
  }
}
