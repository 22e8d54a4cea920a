package org.labellens.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes result trees (maps, lists, records, numbers, strings) as JSON for machines. */
public final class JsonOutput {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  /** Writes straight to the caller's writer, which it neither flushes nor closes. */
  private static final ObjectMapper STREAMING =
      new ObjectMapper()
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
          .configure(SerializationFeature.FLUSH_AFTER_WRITE_VALUE, false);

  private JsonOutput() {}

  public static String pretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /** One line, for JSONL. */
  public static String line(Object value) {
    try {
      return COMPACT.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  /**
   * One line, for JSONL, written to {@code out} as it is produced (no line break): an issue with a
   * body of tens of megabytes is not first built as one more string of that size.
   */
  public static void line(Writer out, Object value) {
    try {
      STREAMING.writeValue(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
