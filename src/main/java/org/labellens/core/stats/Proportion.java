package org.labellens.core.stats;

import java.util.Optional;

/**
 * An unweighted proportion k/n of sampled items, with its Wilson 95% interval: a figure about the
 * sample, never about the population of a stratified design (see {@link ClassifierValidation}).
 *
 * @param successes k
 * @param trials n; the proportion is undefined when it is 0
 */
public record Proportion(long successes, long trials) {
  public Proportion {
    if (successes < 0 || trials < 0 || successes > trials) {
      throw new IllegalArgumentException(successes + " of " + trials);
    }
  }

  public Coefficient value(String reasonWhenEmpty) {
    return trials == 0
        ? Coefficient.undefined(reasonWhenEmpty)
        : Coefficient.of((double) successes / trials);
  }

  public Optional<Interval> ci95() {
    return WilsonInterval.of(successes, trials);
  }
}
