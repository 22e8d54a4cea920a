package org.labellens.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.BadInputException;

/**
 * A streaming RFC 4180 CSV reader: comma-separated, fields optionally in double quotes (doubled to
 * escape), line breaks inside quoted fields allowed, CRLF or LF. It knows the line each record
 * starts on, and refuses a quote that is never closed or text after a closing quote.
 */
public final class CsvRecordReader implements AutoCloseable {
  private final Reader in;
  private final String file;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;
  private int recordLine;
  private boolean first = true;

  public CsvRecordReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** The line the last record returned by {@link #next()} starts on (1-based). */
  public int recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the file. */
  public List<String> next() {
    try {
      return readRecord();
    } catch (CharacterCodingException e) {
      throw new BadInputException(
          file + ":" + line + ": the file is not valid UTF-8 (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    int c = read();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  private List<String> readRecord() throws IOException {
    int c = read();
    if (first) {
      first = false;
      if (c == '\uFEFF') {
        c = read();
      }
    }
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    long recordChars = 0;
    boolean quoted = false;
    boolean afterQuote = false;
    while (true) {
      if (++recordChars > Limits.MAX_CSV_RECORD_CHARS) {
        throw new BadInputException(
            file
                + ":"
                + recordLine
                + ": the record is longer than the limit of "
                + Limits.MAX_CSV_RECORD_CHARS
                + " characters");
      }
      if (quoted) {
        if (c < 0) {
          throw new BadInputException(
              file
                  + ":"
                  + recordLine
                  + ": unbalanced quote: field "
                  + (fields.size() + 1)
                  + " opens a quote that is never closed");
        }
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c < 0 || c == '\n' || c == '\r') {
        fields.add(field.toString());
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c >= 0) {
          line++;
        }
        return fields;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (afterQuote) {
        throw new BadInputException(
            file
                + ":"
                + line
                + ": field "
                + (fields.size() + 1)
                + ": unexpected text after a closing quote (unbalanced quote?)");
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
