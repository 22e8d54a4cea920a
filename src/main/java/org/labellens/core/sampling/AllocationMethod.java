package org.labellens.core.sampling;

import java.util.Locale;
import java.util.Optional;

/** How a sample's size is divided among its strata. */
public enum AllocationMethod {
  /** n_h proportional to the stratum's population N_h, largest-remainder rounding (sums to n). */
  PROPORTIONAL("proportional"),
  /** The same n_h in every stratum (a stratum smaller than its share is taken whole). */
  EQUAL("equal"),
  /** Each stratum gets Cochran's size for its own population at the requested margin. */
  MARGIN("margin");

  private final String key;

  AllocationMethod(String key) {
    this.key = key;
  }

  /** The name used on the command line and in the database. */
  public String key() {
    return key;
  }

  public static Optional<AllocationMethod> fromKey(String key) {
    for (AllocationMethod m : values()) {
      if (m.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
