package org.labellens.core.stats;

import java.util.Objects;

/**
 * A large-sample standard error and the normal-theory interval estimate ± z · se, z = Φ⁻¹(0.975) =
 * 1.959963984540054 (see {@link CohenKappa#Z_95}).
 *
 * @see CohenKappa#standardError(AgreementStudy)
 */
public record AsymptoticInterval(double standardError, Interval ci95) {
  public AsymptoticInterval {
    if (!(standardError >= 0.0) || Double.isInfinite(standardError)) {
      throw new IllegalArgumentException("not a standard error: " + standardError);
    }
    Objects.requireNonNull(ci95, "ci95");
  }
}
