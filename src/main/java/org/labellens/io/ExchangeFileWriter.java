package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labellens.core.BadInputException;
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
  private final Path temp;
  private final BufferedWriter out;
  private boolean committed;
  private int count;

  private ExchangeFileWriter(Path target, Path temp, BufferedWriter out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  public static ExchangeFileWriter open(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      Path temp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      return new ExchangeFileWriter(
          abs, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException(target + ": cannot write: " + e.getMessage(), e);
    }
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
      throw new BadInputException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  public int count() {
    return count;
  }

  /** Flushes the lines to disk and moves the file into place. */
  public void commit() {
    try {
      out.flush();
      out.close();
      // on disk before it takes the old file's place: a crash right after the move must not leave
      // an empty or partial file under the final name
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw new BadInputException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // the temporary file is removed below
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more to do: it is a hidden temporary file
    }
  }
}
