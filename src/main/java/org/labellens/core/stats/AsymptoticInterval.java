package org.labellens.core.stats;

import java.util.Objects;

/**
 * A large-sample standard error and the normal-theory interval estimate ± 1.959964 · se.
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
