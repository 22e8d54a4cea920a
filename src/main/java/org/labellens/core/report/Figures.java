package org.labellens.core.report;

import java.util.Locale;
import org.labellens.core.stats.Interval;

/**
 * How figures are written for people, in every table, report and window: three decimals (never
 * "-0.000"), intervals as {@code [low, high]}, counts with thousands separators. One place, so the
 * window shows exactly what the command line prints.
 */
public final class Figures {
  private Figures() {}

  /** A coefficient, share or rate with three decimals. */
  public static String number(double value) {
    String text = String.format(Locale.ROOT, "%.3f", value);
    return text.equals("-0.000") ? "0.000" : text;
  }

  /** A 95% interval: {@code [0.412, 0.733]}. */
  public static String interval(Interval interval) {
    return "[" + number(interval.low()) + ", " + number(interval.high()) + "]";
  }

  /** A count of issues: {@code 12,349}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
