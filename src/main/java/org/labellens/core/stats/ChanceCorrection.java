package org.labellens.core.stats;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The chance correction shared by every kappa-like coefficient: (A_o − A_e) / (1 − A_e), where A_o
 * is the observed and A_e the expected (chance) agreement. Written once here; each measure differs
 * only in how it estimates A_o and A_e.
 *
 * <p>Measures defined through disagreements (weighted kappa, Krippendorff's α with a distance) use
 * the identical form 1 − D_o / D_e, which is (A_o − A_e) / (1 − A_e) with A = 1 − D; it is computed
 * directly so that a small D_e loses no precision.
 */
final class ChanceCorrection {
  private ChanceCorrection() {}

  /**
   * (observed − expected) / (1 − expected), or undefined with {@code whenDegenerate}'s reason when
   * chance agreement is 1 (the ratio is then 0/0 or meaningless).
   */
  static Coefficient agreement(double observed, double expected, Supplier<String> whenDegenerate) {
    double denominator = 1.0 - expected;
    if (!(denominator > 0.0)) {
      return Coefficient.undefined(whenDegenerate.get());
    }
    return Coefficient.of((observed - expected) / denominator);
  }

  /**
   * Fleiss' mean item agreement P̄ corrected for chance, (P̄ − p_e) / (1 − p_e): the form shared by
   * the coefficients that differ only in their chance term p_e (Fleiss' and Conger's kappa, Gwet's
   * AC1, Bennett's S). Undefined without a pairable item, with {@code undefinedWhy}'s reason when
   * it gives one, and with {@code whenDegenerate}'s when p_e is 1.
   *
   * @param undefinedWhy why the coefficient has no meaning on the tally, or null when it has one;
   *     asked only once P̄ is defined
   * @param chance p_e, computed only when the coefficient has a meaning
   */
  static Coefficient meanItemAgreement(
      Tally tally,
      Function<Tally, String> undefinedWhy,
      ToDoubleFunction<Tally> chance,
      Supplier<String> whenDegenerate) {
    Coefficient observed = tally.meanItemAgreement();
    if (!observed.isDefined()) {
      return observed;
    }
    String reason = undefinedWhy.apply(tally);
    if (reason != null) {
      return Coefficient.undefined(reason);
    }
    return agreement(observed.value(), chance.applyAsDouble(tally), whenDegenerate);
  }

  /**
   * 1 − observed / expected for disagreements, or undefined with {@code whenDegenerate}'s reason
   * when the expected disagreement is 0.
   */
  static Coefficient disagreement(
      double observed, double expected, Supplier<String> whenDegenerate) {
    if (!(expected > 0.0)) {
      return Coefficient.undefined(whenDegenerate.get());
    }
    return Coefficient.of(1.0 - observed / expected);
  }
}
