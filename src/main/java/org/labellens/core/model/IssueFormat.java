package org.labellens.core.model;

import java.util.Locale;

/**
 * The input formats of {@code import} (docs/formats.md); {@link #AUTO} detects the format from the
 * content.
 */
public enum IssueFormat {
  AUTO,
  /** GitHub REST API issue arrays, possibly several concatenated pages, or a wrapper object. */
  GITHUB,
  /** {@code gh issue list --json …} output. */
  GH,
  /** One issue object per line, in either field style. */
  JSONL,
  /** A CSV with a header naming at least repo (or --repo), number and title. */
  CSV;

  public static IssueFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format '" + text + "' (expected auto, github, gh, jsonl or csv)", e);
    }
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
