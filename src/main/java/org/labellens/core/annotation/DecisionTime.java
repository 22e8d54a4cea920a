package org.labellens.core.annotation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.labellens.core.IsoDigits;

/**
 * The one text form of a decision's time: ISO-8601 UTC with exactly six fractional digits, e.g.
 * {@code 2025-03-02T10:15:00.123456Z}. Fixed width makes text order equal time order, which the
 * "latest decision wins" rule relies on; microseconds are the precision kept.
 */
public final class DecisionTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private DecisionTime() {}

  /** The instant truncated to microseconds. */
  public static Instant normalize(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  public static String format(Instant t) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "a decision time must lie in the years 1970 to 9999: " + t);
    }
    return FORMAT.format(normalize(t));
  }

  /**
   * Parses an ISO-8601 timestamp with a zone ({@code Z} or an offset such as {@code +00:00}).
   *
   * @throws IllegalArgumentException with a message for people when the text is not one
   */
  public static Instant parse(String text) {
    Instant stored = parseStored(text);
    if (stored != null) {
      return stored;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO-8601 time with a zone (e.g. 2025-03-02T10:15:00Z)");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw new IllegalArgumentException("'" + text + "' lies outside the years 1970 to 9999");
    }
    return normalize(t);
  }

  /**
   * The time written in exactly the stored form ({@link #format}), computed from its digits; null
   * for any other text (which {@link #parse} then parses in full). Projects hold thousands of
   * these, and a general date-time parser costs a fresh command more than the rest of reading them.
   */
  static Instant parseStored(String text) {
    if (text.length() != 27 || text.charAt(19) != '.' || text.charAt(26) != 'Z') {
      return null;
    }
    long seconds = IsoDigits.epochSecond(text, 1970);
    int micros = IsoDigits.digits(text, 20, 26);
    if (seconds == IsoDigits.INVALID || micros < 0) {
      return null;
    }
    return Instant.ofEpochSecond(seconds, micros * 1_000L);
  }

  /** The next representable time after {@code t}. */
  public static Instant after(Instant t) {
    return normalize(t).plus(1, ChronoUnit.MICROS);
  }
}
