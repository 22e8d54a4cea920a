package org.labellens.core.annotation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who made the current decisions of a sample: how many a person made and how many {@code simulate}
 * made. Every figure that rests on simulated decisions carries this, in words a reader cannot miss
 * (see {@link #banner()}).
 *
 * @param person current decisions made by people
 * @param simulated current decisions made by {@code simulate}
 */
public record Provenance(long person, long simulated) {
  public static final Provenance NONE = new Provenance(0, 0);

  public Provenance {
    if (person < 0 || simulated < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  public long decisions() {
    return person + simulated;
  }

  /** Whether any decision was made by {@code simulate}. */
  public boolean anySimulated() {
    return simulated > 0;
  }

  /**
   * The banner line for people, e.g. {@code SIMULATED: 1,234 of 1,500 decisions in this sample were
   * made by `simulate`, not by people}; null when every decision is a person's.
   */
  public String banner() {
    if (!anySimulated()) {
      return null;
    }
    return "SIMULATED: "
        + String.format(Locale.ROOT, "%,d", simulated)
        + " of "
        + String.format(Locale.ROOT, "%,d", decisions())
        + " decisions in this sample were made by `simulate`, not by people; figures that rest"
        + " on them are not evidence about human annotators";
  }

  /** The JSON object {@code provenance}: counts, a flag and the banner (null when none). */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisions", decisions());
    m.put("by_person", person);
    m.put("by_simulate", simulated);
    m.put("simulated", anySimulated());
    m.put("note", banner());
    return m;
  }
}
