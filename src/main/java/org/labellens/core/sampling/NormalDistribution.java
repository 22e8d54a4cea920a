package org.labellens.core.sampling;

/**
 * The standard normal distribution's quantile function, to full double precision.
 *
 * <p>Sample sizes and confidence intervals need z = Φ⁻¹((1 + C) / 2) for a confidence level C. A
 * table value such as 1.96 is not exact (Φ⁻¹(0.975) = 1.959963984540054…) and can move a rounded-up
 * sample size by one, so the quantile is computed.
 *
 * <p>References: M. J. Wichura (1988), Algorithm AS 241: The percentage points of the normal
 * distribution, Applied Statistics 37(3), 477–484 (PPND16, relative accuracy about 1e-16).
 */
public final class NormalDistribution {
  // AS 241 coefficients, highest power first; each rational function is A(r) / B(r).
  private static final double[] A_CENTRAL = {
    2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457,
    13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608
  };
  private static final double[] B_CENTRAL = {
    5226.495278852545925, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867,
    5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1.0
  };
  private static final double[] A_NEAR = {
    7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177,
    1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055,
    4.6303378461565452959, 1.42343711074968357734
  };
  private static final double[] B_NEAR = {
    1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966,
    0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494,
    2.05319162663775882187, 1.0
  };
  private static final double[] A_TAIL = {
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386,
    0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358,
    5.4637849111641143699, 6.6579046435011037772
  };
  private static final double[] B_TAIL = {
    2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5,
    7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531,
    0.59983220655588793769, 1.0
  };

  private NormalDistribution() {}

  /** Φ⁻¹(p) for 0 &lt; p &lt; 1. */
  public static double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("the normal quantile needs 0 < p < 1, got " + p);
    }
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q * horner(A_CENTRAL, r) / horner(B_CENTRAL, r);
    }
    double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
    double value =
        r <= 5
            ? horner(A_NEAR, r - 1.6) / horner(B_NEAR, r - 1.6)
            : horner(A_TAIL, r - 5) / horner(B_TAIL, r - 5);
    return q < 0 ? -value : value;
  }

  /** The two-sided critical value z = Φ⁻¹((1 + confidence) / 2), e.g. 1.959963985 for 0.95. */
  public static double twoSidedZ(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "the confidence level must be between 0 and 1 (e.g. 0.95), got " + confidence);
    }
    return quantile((1 + confidence) / 2);
  }

  private static double horner(double[] coefficients, double x) {
    double sum = 0;
    for (double c : coefficients) {
      sum = sum * x + c;
    }
    return sum;
  }
}
