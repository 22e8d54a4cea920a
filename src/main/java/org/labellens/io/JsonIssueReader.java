package org.labellens.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.labellens.core.BadInputException;

/**
 * Streams GitHub issue JSON: a REST array, several arrays one after another (what paginated
 * downloads produce), a wrapper object holding the array under {@code items} or {@code issues}, or
 * objects one after another (JSONL). Issue fields are read straight from the token stream, so
 * memory does not grow with the file and no tree is built.
 */
final class JsonIssueReader {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Limits.MAX_STRING_CHARS)
                  .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                  .maxNumberLength(Limits.MAX_NUMBER_DIGITS)
                  .maxNameLength(Limits.MAX_FIELD_NAME_CHARS)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final ReadOptions options;

  JsonIssueReader(ReadOptions options) {
    this.options = options;
  }

  void read(InputStream raw, String file, IssueSink sink) {
    JsonParser parser = null;
    try (InputStream in = utf8Only(raw, file);
        JsonParser p = FACTORY.createParser(in)) {
      parser = p;
      int page = 0;
      JsonToken t;
      boolean any = false;
      while ((t = p.nextToken()) != null) {
        any = true;
        if (t == JsonToken.START_ARRAY) {
          page++;
          readArray(p, file, file, page, sink);
        } else if (t == JsonToken.START_OBJECT) {
          readTopObject(p, file, sink);
        } else {
          throw new BadInputException(
              file
                  + ":"
                  + p.currentTokenLocation().getLineNr()
                  + ": expected an array of issues or an object, found "
                  + describe(p, t));
        }
      }
      if (!any) {
        throw new BadInputException(file + ": the file holds no JSON (it is empty)");
      }
    } catch (JsonProcessingException e) {
      throw malformed(file, e, parser);
    } catch (CharConversionException e) {
      throw new BadInputException(
          file + ": the file is not valid UTF-8 (" + firstLine(e.getMessage()) + ")", e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Jackson guesses UTF-16 or UTF-32 from a byte-order mark or from NUL bytes among the first four,
   * and then reports "Invalid UTF-32 character" for a damaged UTF-8 file, or reads a UTF-16 file
   * that the format says must be UTF-8. Neither can start a UTF-8 JSON text, so such a start is
   * refused here, as invalid UTF-8 on line 1.
   */
  private static InputStream utf8Only(InputStream in, String file) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 4);
    byte[] head = new byte[4];
    int n = 0;
    for (int r; n < 4 && (r = p.read(head, n, 4 - n)) > 0; ) {
      n += r;
    }
    p.unread(head, 0, n);
    boolean nul = false;
    for (int i = 0; i < n; i++) {
      nul |= head[i] == 0;
    }
    boolean utf16Mark =
        n >= 2
            && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    if (nul || utf16Mark) {
      throw new BadInputException(
          file
              + ":1: the file is not valid UTF-8 (it starts like UTF-16 or UTF-32 text, or with a"
              + " NUL byte; save it as UTF-8)");
    }
    return p;
  }

  private void readArray(JsonParser p, String file, String shown, int page, IssueSink sink)
      throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new BadInputException(
            file + ":" + p.currentLocation().getLineNr() + ": the JSON ends inside an array");
      }
      JsonLocation at = p.currentTokenLocation();
      String location =
          shown
              + ":"
              + at.getLineNr()
              + ":"
              + at.getColumnNr()
              + " (array "
              + page
              + ", item "
              + (index + 1)
              + ")";
      if (t != JsonToken.START_OBJECT) {
        throw new BadInputException(
            location + ": expected an issue object, found " + describe(p, t));
      }
      IssueFields fields = new IssueFields(options, file, location);
      readFields(p, fields, file);
      emit(fields, location, sink);
      index++;
    }
  }

  private static void readFields(JsonParser p, IssueFields fields, String file) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      fields.field(name, p);
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BadInputException(
          file + ":" + p.currentLocation().getLineNr() + ": the JSON ends inside an object");
    }
  }

  /**
   * A top-level object is either a wrapper ({"metadata": …, "items": [ … ]}, {"issues": [ … ]}),
   * whose array is streamed, or one issue (JSONL and objects one after another).
   */
  private void readTopObject(JsonParser p, String file, IssueSink sink) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    String location = file + ":" + at.getLineNr();
    IssueFields fields = new IssueFields(options, file, location);
    boolean wrapper = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ((name.equals("items") || name.equals("issues")) && value == JsonToken.START_ARRAY) {
        wrapper = true;
        readArray(p, file, file + " (" + name + ")", 1, sink);
      } else if (wrapper || name.equals("metadata")) {
        p.skipChildren();
      } else {
        fields.field(name, p);
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BadInputException(
          file + ":" + p.currentLocation().getLineNr() + ": the JSON ends inside an object");
    }
    if (!wrapper) {
      emit(fields, location, sink);
    }
  }

  private static void emit(IssueFields fields, String location, IssueSink sink) {
    ImportedIssue issue = fields.build();
    if (issue == null) {
      sink.pullRequestSkipped(location);
    } else {
      sink.issue(issue);
    }
  }

  /** Whether {@code line} is exactly one complete JSON object (JSONL detection). */
  static boolean isOneObject(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /** A value where an issue (or an array of them) belongs, as people name it. */
  private static String describe(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> "a string \"" + IssueValues.abbreviate(p.getText()) + "\"";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          "the number " + IssueValues.abbreviate(p.getText());
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      default -> String.valueOf(t.asString());
    };
  }

  /**
   * The message for a parser failure, at the failure's location or, for a limit (which Jackson
   * reports without one), where the parser stopped.
   */
  static BadInputException malformed(String file, JsonProcessingException e, JsonParser parser) {
    JsonLocation loc = e.getLocation();
    if (loc == null && parser != null) {
      loc = parser.currentTokenLocation();
    }
    String where =
        loc == null || loc.getLineNr() < 1
            ? file
            : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    String what = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      // Jackson names its own setting ("from `StreamReadConstraints...`"); people need the limit
      return new BadInputException(
          where
              + ": input exceeds a documented limit: "
              + firstLine(what).replaceAll(", from `[^`]*`", ""),
          e);
    }
    if (what != null && what.contains("Invalid UTF-8")) {
      return new BadInputException(
          where + ": the file is not valid UTF-8 (" + firstLine(what) + ")", e);
    }
    return new BadInputException(where + ": malformed JSON: " + withoutSource(firstLine(what)), e);
  }

  /**
   * Jackson's message with its own description of the source left out: "start marker at [Source:
   * REDACTED (...); line: 1, column: 2]" becomes "start marker at line 1, column 2" (the file is
   * named at the front of the message already).
   */
  static String withoutSource(String message) {
    return message.replaceAll(
        "\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
