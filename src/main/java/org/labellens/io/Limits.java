package org.labellens.io;

import org.labellens.core.BadInputException;

/**
 * Explicit input limits (documented in docs/formats.md and docs/robustness.md). They bound what one
 * issue may cost in memory; a file of issues is streamed and may be of any size. Files read whole
 * (a taxonomy, an annotation exchange file, a ratings table) are bounded too, whatever they are: a
 * regular file, a pipe or a device. Those bounds can be raised with a system property, {@code
 * -Dlabellens.limit.NAME=N} (through {@code LABELLENS_JAVA_OPTS} with the launcher).
 */
public final class Limits {
  /** The prefix of the system properties that raise or lower a limit. */
  public static final String PROPERTY_PREFIX = "labellens.limit.";

  /** A taxonomy file, in bytes: 16 MiB (the shipped ones are about 30 KB). */
  public static final Limit TAXONOMY_BYTES = new Limit("taxonomyBytes", 16L << 20, "bytes");

  /** One line of an annotation exchange file, in characters: 4 Mi (a decision is ~300). */
  public static final Limit EXCHANGE_LINE_CHARS =
      new Limit("exchangeLineChars", 4L << 20, "characters");

  /** A whole annotation exchange file, in characters: 256 Mi (about a million decisions). */
  public static final Limit EXCHANGE_FILE_CHARS =
      new Limit("exchangeFileChars", 256L << 20, "characters");

  /**
   * Distinct labels in a ratings table: a study codes tens of categories, not thousands, and the
   * measures keep a labels × labels table (20,000 labels would need gigabytes).
   */
  public static final Limit RATINGS_LABELS = new Limit("ratingsLabels", 1000, "distinct labels");

  /** A whole ratings table, in bytes: 256 MiB. */
  public static final Limit RATINGS_FILE_BYTES = new Limit("ratingsFileBytes", 256L << 20, "bytes");

  /**
   * A named limit with a default, raised or lowered by the system property {@code
   * labellens.limit.NAME}; read at each use, so a test or a long-lived window sees a change.
   */
  public record Limit(String name, long defaultValue, String unit) {
    /** The property's value, else the default; a value that is not a positive number is refused. */
    public long value() {
      String v = System.getProperty(property());
      if (v == null || v.isBlank()) {
        return defaultValue;
      }
      try {
        long n = Long.parseLong(v.strip().replace("_", ""));
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new BadInputException("-D" + property() + "=" + v + " is not a positive whole number");
    }

    public String property() {
      return PROPERTY_PREFIX + name;
    }

    /** "the limit of N UNIT (raise it with -Dlabellens.limit.NAME=M)", for messages. */
    public String describe() {
      long n = value();
      return "the limit of "
          + n
          + " "
          + unit
          + " (raise it with -D"
          + property()
          + "="
          + (n > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : n * 4)
          + ", e.g. in LABELLENS_JAVA_OPTS)";
    }
  }

  /** Longest string value (title, body, label) in characters: 64 Mi. */
  public static final int MAX_STRING_CHARS = 64 * 1024 * 1024;

  /** Deepest JSON nesting accepted; GitHub issue objects nest 3 to 4 levels. */
  public static final int MAX_JSON_DEPTH = 256;

  /** Longest number in JSON, in digits (Jackson's default, made explicit). */
  public static final int MAX_NUMBER_DIGITS = 1000;

  /** Longest JSON field name, in characters (Jackson's default, made explicit). */
  public static final int MAX_FIELD_NAME_CHARS = 50_000;

  /** Longest CSV record, in characters (a whole issue with its body). */
  public static final int MAX_CSV_RECORD_CHARS = 64 * 1024 * 1024;

  private Limits() {}
}
