package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.MadeBy;

/**
 * Writes an annotation exchange file: one decision per line, fields in {@link
 * ExchangeFileReader#FIELDS} order. The lines go to a temporary sibling that is moved into place on
 * {@link #commit()}; closing without committing deletes it, so a failed export never leaves a
 * partial file.
 */
public final class ExchangeFileWriter implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path target;
  private final AtomicFile file;
  private final BufferedWriter out;
  private int count;

  private ExchangeFileWriter(Path target, AtomicFile file) {
    this.target = target;
    this.file = file;
    this.out = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
  }

  public static ExchangeFileWriter open(Path target) {
    return open(target, false);
  }

  /** Opens {@code target} for writing; with {@code noClobber}, refuses an existing file. */
  public static ExchangeFileWriter open(Path target, boolean noClobber) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
    } catch (IOException e) {
      throw AtomicFile.failure(target, e);
    }
    return new ExchangeFileWriter(target, AtomicFile.open(target, noClobber));
  }

  /** The line for a person's decision, as written. */
  public static String line(Decision d) {
    return line(d, MadeBy.PERSON);
  }

  /** The line for a decision, as written, with who made it ({@code made_by}). */
  public static String line(Decision d, MadeBy madeBy) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", d.issue().repo());
    m.put("number", d.issue().number());
    m.put("sample", d.sample());
    m.put("annotator", d.annotator());
    m.put("dimension", d.dimension());
    m.put("value", d.value().plain());
    m.put("phase", d.phase().key());
    m.put("predicted", d.predicted() == null ? null : d.predicted().plain());
    m.put("unsure", d.unsure());
    m.put("reason", d.reason());
    m.put("note", d.note());
    m.put("seconds", d.seconds());
    m.put("at", DecisionTime.format(d.decidedAt()));
    m.put("taxonomy", d.taxonomy());
    m.put("made_by", madeBy.key());
    try {
      return MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  public void write(Decision d, MadeBy madeBy) {
    try {
      out.write(line(d, madeBy));
      out.write('\n');
      count++;
    } catch (IOException e) {
      throw AtomicFile.failure(target, e);
    }
  }

  public int count() {
    return count;
  }

  /** Flushes the lines to disk and moves the file into place. */
  public void commit() {
    try {
      out.flush();
    } catch (IOException e) {
      throw AtomicFile.failure(target, e);
    }
    file.commit();
  }

  @Override
  public void close() {
    file.close();
  }
}
