package org.labellens.core.sampling;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The set of issues a sample is drawn from. */
public enum Frame {
  /** Every issue (covered by the run, when a run is named). */
  ALL("all"),
  /** The issues the run flags as production issues ({@code run_item.is_production = 1}). */
  PRODUCTION("production"),
  /** The issues carrying a bug or performance label (see {@link #BUG_PERF_LABELS}). */
  BUG_PERF("bug-perf");

  /**
   * The study's bug/perf issue labels, compared after lower-casing (docs/sampling.md, "Frames").
   */
  public static final Set<String> BUG_PERF_LABELS =
      Set.of("bug", "performance", "crash", "error", "bug-unconfirmed");

  private final String key;

  Frame(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Frame> fromKey(String key) {
    for (Frame f : values()) {
      if (f.key.equals(key.toLowerCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Whether an issue with these GitHub labels carries a bug/perf label. */
  public static boolean hasBugPerfLabel(List<String> issueLabels) {
    for (String label : issueLabels) {
      if (BUG_PERF_LABELS.contains(label.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
