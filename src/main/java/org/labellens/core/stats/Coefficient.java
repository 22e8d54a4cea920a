package org.labellens.core.stats;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The value of an agreement coefficient, or the reason it has none.
 *
 * <p>Every chance-corrected coefficient is a ratio; when its denominator is zero (for example when
 * every rating falls in one category, so that chance agreement is 1) the value is 0/0 and the
 * coefficient is <em>undefined</em>. Reporting 0, 1 or NaN in that case would put a number into a
 * paper that the data do not support, so an undefined coefficient carries a reason for people
 * instead of a value. A defined coefficient is always a finite double.
 */
public final class Coefficient {
  private final double value;
  private final String reason;

  private Coefficient(double value, String reason) {
    this.value = value;
    this.reason = reason;
  }

  /**
   * A defined value.
   *
   * @throws IllegalArgumentException if the value is NaN or infinite: a computation that produces
   *     one has missed a degenerate case and must report it as undefined instead
   */
  public static Coefficient of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a coefficient must be finite, got " + value);
    }
    return new Coefficient(value, null);
  }

  /** An undefined value with the reason, a sentence for people. */
  public static Coefficient undefined(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an undefined coefficient needs a reason");
    }
    return new Coefficient(Double.NaN, reason);
  }

  public boolean isDefined() {
    return reason == null;
  }

  /**
   * The value.
   *
   * @throws IllegalStateException if the coefficient is undefined
   */
  public double value() {
    if (reason != null) {
      throw new IllegalStateException("undefined coefficient: " + reason);
    }
    return value;
  }

  public OptionalDouble optionalValue() {
    return reason == null ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /** Why the coefficient is undefined; empty when it is defined. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Coefficient)) {
      return false;
    }
    Coefficient that = (Coefficient) other;
    return Objects.equals(reason, that.reason)
        && (reason != null || Double.compare(value, that.value) == 0);
  }

  @Override
  public int hashCode() {
    return reason == null ? Double.hashCode(value) : reason.hashCode();
  }

  @Override
  public String toString() {
    return reason == null ? Double.toString(value) : "undefined (" + reason + ")";
  }
}
