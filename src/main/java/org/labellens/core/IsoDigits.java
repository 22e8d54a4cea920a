package org.labellens.core;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads the fixed-width {@code yyyy-MM-ddTHH:mm:ss} head of an ISO-8601 UTC time from its digits,
 * without the general date-time parser (which costs a short command more than the rest of reading
 * thousands of times). Callers check what follows the seconds themselves.
 */
public final class IsoDigits {
  /** Returned by {@link #epochSecond} for text that does not name a real time. */
  public static final long INVALID = Long.MIN_VALUE;

  private IsoDigits() {}

  /**
   * The epoch second of {@code text[0, 19)} read as {@code yyyy-MM-ddTHH:mm:ss} in UTC, or {@link
   * #INVALID} when a character is out of place, a field out of range (a real calendar day, no leap
   * second) or the year before {@code minYear}.
   */
  public static long epochSecond(String text, int minYear) {
    if (text.length() < 19
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return INVALID;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < minYear
        || month < 1
        || month > 12
        || day < 1
        || day > YearMonth.of(year, month).lengthOfMonth()
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return INVALID;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
  }

  /** The decimal number written by the ASCII digits {@code text[from, to)}, or -1. */
  public static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
