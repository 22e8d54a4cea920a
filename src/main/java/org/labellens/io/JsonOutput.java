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
   * Pretty JSON written to {@code out} value by value, byte for byte as {@link #pretty} would write
   * the whole: a long array is never held in memory. Closing it ends the JSON (not {@code out}).
   */
  public static PrettyStream prettyStream(Writer out) throws IOException {
    JsonGenerator g =
        PRETTY
            .getFactory()
            .createGenerator(out)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    g.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
    return new PrettyStream(g);
  }

  /** See {@link #prettyStream}. */
  public static final class PrettyStream implements AutoCloseable {
    private final JsonGenerator g;

    private PrettyStream(JsonGenerator g) {
      this.g = g;
    }

    public void startObject() throws IOException {
      g.writeStartObject();
    }

    public void endObject() throws IOException {
      g.writeEndObject();
    }

    public void startArray() throws IOException {
      g.writeStartArray();
    }

    public void startArrayField(String name) throws IOException {
      g.writeArrayFieldStart(name);
    }

    public void endArray() throws IOException {
      g.writeEndArray();
    }

    public void field(String name, Object value) throws IOException {
      g.writeFieldName(name);
      value(value);
    }

    public void value(Object value) throws IOException {
      PRETTY.writeValue(g, value);
    }

    @Override
    public void close() throws IOException {
      g.close();
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
