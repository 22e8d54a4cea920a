package org.labellens.io;

/**
 * Explicit input limits (documented in docs/formats.md). They bound what one issue may cost in
 * memory; a whole file is streamed and may be of any size.
 */
public final class Limits {
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
