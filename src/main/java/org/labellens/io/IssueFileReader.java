package org.labellens.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueFormat;

/**
 * Reads issue files of every format of docs/formats.md, streaming: each issue goes to the sink as
 * soon as it is read, so memory does not grow with the file. Every error names the file, the line
 * (or JSON location) and the field.
 */
public final class IssueFileReader {
  private static final int DETECT_LINE_LIMIT = 8 << 20;
  private final ReadOptions options;

  public IssueFileReader(ReadOptions options) {
    this.options = options;
  }

  /** Reads {@code file} in {@code format} (or the detected one) and returns the format used. */
  public IssueFormat read(Path file, IssueFormat format, IssueSink sink) {
    refuseBinary(file, "JSON, JSONL or CSV; " + ACCEPTED);
    IssueFormat used = format == IssueFormat.AUTO ? detect(file) : format;
    String name = file.toString();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            new CountingInputStream(new BufferedInputStream(raw, 1 << 16), sink::progress)) {
      switch (used) {
        // JSONL is JSON objects one after another: the same streaming reader, with line numbers.
        case GITHUB, GH, JSONL -> new JsonIssueReader(options).read(in, name, sink);
        case CSV -> new CsvIssueReader(options).read(in, name, sink);
        default -> throw new IllegalStateException(used.toString());
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(name + ": no such file", e);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
    }
    return used;
  }

  /**
   * Detects the format from the content: JSON starting with {@code [} is a GitHub issue array; a
   * file whose first line is one complete JSON object is JSONL, other JSON objects are wrappers;
   * anything else is CSV, unless the file is named {@code .json} or {@code .jsonl}. A {@code .csv}
   * name is always CSV.
   */
  public IssueFormat detect(Path file) {
    String name = file.toString();
    if (named(name, ".csv")) {
      return IssueFormat.CSV;
    }
    try (BufferedReader r = StrictUtf8.reader(Files.newInputStream(file))) {
      int c = r.read();
      if (c == '\uFEFF') {
        c = r.read();
      }
      while (c >= 0 && Character.isWhitespace(c)) {
        c = r.read();
      }
      if (c < 0) {
        throw new BadInputException(name + ": the file is empty");
      }
      if (c == '[') {
        return IssueFormat.GITHUB;
      }
      if (c != '{') {
        // a .json file that starts with anything else is broken JSON, not CSV: the JSON reader
        // says what is wrong with it
        return named(name, ".json", ".jsonl", ".ndjson") ? IssueFormat.GITHUB : IssueFormat.CSV;
      }
      // JSONL when the first line alone is one JSON object; a wrapper or pretty-printed JSON is
      // not.
      StringBuilder line = new StringBuilder("{");
      while ((c = r.read()) >= 0 && c != '\n' && line.length() < DETECT_LINE_LIMIT) {
        line.append((char) c);
      }
      if (line.length() >= DETECT_LINE_LIMIT) {
        return IssueFormat.GITHUB; // the JSON reader also reads objects one after another
      }
      return JsonIssueReader.isOneObject(line.toString()) ? IssueFormat.JSONL : IssueFormat.GITHUB;
    } catch (NoSuchFileException e) {
      throw new BadInputException(name + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new BadInputException(name + ":1: the file is not valid UTF-8", e);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** What import accepts, for the messages that refuse something else. */
  static final String ACCEPTED =
      "import reads UTF-8 text: GitHub REST API JSON, gh issue list --json output, JSONL or CSV";

  /**
   * Refuses a file that is not text at all (an image, an archive, a database): its first bytes are
   * a known binary signature, or hold a NUL or other control bytes no text file has. A file that
   * starts with a UTF-16 or UTF-32 byte-order mark is text in another encoding, reported by the
   * readers as not UTF-8. Only a regular file is looked at: a pipe can be read only once.
   */
  static void refuseBinary(Path file, String expected) {
    if (!Files.isRegularFile(file)) {
      return; // a pipe is read once, by the reader itself
    }
    byte[] head = new byte[512];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
        n += r;
      }
    } catch (IOException e) {
      return; // the reader reports a file it cannot read
    }
    if (looksBinary(head, n)) {
      throw new BadInputException(
          file
              + ":1: this looks like a binary file (such as an image or an archive), not "
              + expected);
    }
  }

  static boolean looksBinary(byte[] head, int n) {
    if (n >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      return false;
    }
    byte[][] signatures = {
      {(byte) 0x89, 'P', 'N', 'G'}, // PNG
      {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, // JPEG
      {'G', 'I', 'F', '8'}, // GIF
      {'%', 'P', 'D', 'F'}, // PDF
      {'P', 'K', 3, 4}, // zip, xlsx, docx, jar
      {0x1F, (byte) 0x8B}, // gzip
      {'B', 'Z', 'h'}, // bzip2
      {(byte) 0xFD, '7', 'z', 'X', 'Z'}, // xz
      {'7', 'z', (byte) 0xBC, (byte) 0xAF}, // 7-zip
      {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f'} // SQLite, such as a project file
    };
    for (byte[] sig : signatures) {
      if (n >= sig.length && java.util.Arrays.equals(head, 0, sig.length, sig, 0, sig.length)) {
        return true;
      }
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0) {
        control++;
      }
    }
    return control > 2;
  }

  private static boolean named(String name, String... extensions) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (lower.endsWith(e)) {
        return true;
      }
    }
    return false;
  }
}
