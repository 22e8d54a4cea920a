package org.labellens.io;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.labellens.core.BadInputException;
import org.labellens.core.IsoDigits;

/** Value rules shared by every reader: timestamps, repository URLs, short quotes in messages. */
final class IssueValues {
  private IssueValues() {}

  /** The repository named by a github.com or api.github.com URL, or null. */
  static String repoFromUrl(String url) {
    if (url == null) {
      return null;
    }
    String rest;
    if (url.startsWith("https://api.github.com/repos/")) {
      rest = url.substring("https://api.github.com/repos/".length());
    } else if (url.startsWith("https://github.com/")) {
      rest = url.substring("https://github.com/".length());
    } else {
      return null;
    }
    String[] parts = rest.split("/", -1);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    return parts[0] + "/" + parts[1];
  }

  /** ISO-8601 with any offset, normalised to UTC ({@code 2024-07-08T02:40:38Z}); empty -> null. */
  static String normaliseTimestamp(String text, String location, String field) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    String utc = plainUtc(t);
    if (utc != null) {
      return utc;
    }
    try {
      return OffsetDateTime.parse(t).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          location + ": field '" + field + "': '" + abbreviate(t) + "' is not an ISO-8601 time");
    }
  }

  /**
   * The common case of {@link #normaliseTimestamp}, without the general parser: {@code
   * yyyy-MM-ddTHH:mm:ssZ} (what GitHub writes) is already normal when it names a real time, and is
   * returned as it is; null for anything else (which the general parser then decides).
   */
  static String plainUtc(String t) {
    if (t.length() != 20
        || t.charAt(19) != 'Z'
        || IsoDigits.epochSecond(t, 1000) == IsoDigits.INVALID) {
      return null;
    }
    return t;
  }

  /**
   * The index (from {@code from}) of the first surrogate in {@code chars[from, to)} that is not
   * half of a pair, or -1 when there is none.
   */
  static int unpairedSurrogate(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else {
        return i - from;
      }
    }
    return -1;
  }

  static String abbreviate(String s) {
    String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
