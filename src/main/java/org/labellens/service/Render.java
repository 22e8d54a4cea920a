package org.labellens.service;

import org.labellens.io.JsonOutput;

/** Machine output for the CLI and exports: JSON documents and JSONL lines of result trees. */
public final class Render {
  private Render() {}

  public static String json(Object value) {
    return JsonOutput.pretty(value);
  }

  public static String jsonLine(Object value) {
    return JsonOutput.line(value);
  }

  /** One JSONL line (without its line break), streamed to {@code out}. */
  public static void jsonLine(java.io.Writer out, Object value) {
    JsonOutput.line(out, value);
  }
}
