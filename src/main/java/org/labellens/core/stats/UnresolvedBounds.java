package org.labellens.core.stats;

import java.util.Objects;

/**
 * How a weighted figure depends on the items whose gold is unresolved for it (docs/validation.md):
 * how many sampled items that is, and the figure's worst-case bounds over every way those items
 * could be resolved. Each bound is the figure computed as if the unresolved items had been resolved
 * to the corner value (so that they count with the judged items of their stratum, weight N_h/m'_h,
 * m'_h = the stratum's judged and unresolved items); the low and high bound of a ratio take the
 * corner that minimises or maximises it.
 *
 * @param items sampled items unresolved for the figure (0: the figure has no bounds)
 * @param low the lower bound, or null when {@code items} is 0
 * @param high the upper bound, or null when {@code items} is 0
 */
public record UnresolvedBounds(int items, Coefficient low, Coefficient high) {
  /** No unresolved item: the figure has no bounds. */
  public static final UnresolvedBounds NONE = new UnresolvedBounds(0, null, null);

  public UnresolvedBounds {
    if (items < 0) {
      throw new IllegalArgumentException("items " + items);
    }
    if (items == 0 ? low != null || high != null : low == null || high == null) {
      throw new IllegalArgumentException("bounds exactly when some item is unresolved");
    }
  }

  public static UnresolvedBounds of(int items, Coefficient low, Coefficient high) {
    return items == 0
        ? NONE
        : new UnresolvedBounds(items, Objects.requireNonNull(low), Objects.requireNonNull(high));
  }

  /** Whether some item is unresolved for the figure (it then has bounds). */
  public boolean any() {
    return items > 0;
  }
}
