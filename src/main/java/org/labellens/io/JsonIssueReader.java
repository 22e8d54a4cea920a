package org.labellens.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import org.labellens.core.BadInputException;

/**
 * Streams GitHub issue JSON: a REST array, several arrays one after another (what paginated
 * downloads produce), a wrapper object holding the array under {@code items} or {@code issues}, or
 * objects one after another. Each issue object is read alone, so memory does not grow with the
 * file.
 */
final class JsonIssueReader {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Limits.MAX_STRING_CHARS)
                  .maxNestingDepth(Limits.MAX_JSON_DEPTH)
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
  static final ObjectReader STRICT_TREE_READER =
      MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final IssueObjectMapper mapper;

  JsonIssueReader(ReadOptions options) {
    this.mapper = new IssueObjectMapper(options);
  }

  void read(InputStream in, String file, IssueSink sink) {
    try (JsonParser p = FACTORY.createParser(in)) {
      int page = 0;
      JsonToken t;
      boolean any = false;
      while ((t = p.nextToken()) != null) {
        any = true;
        if (t == JsonToken.START_ARRAY) {
          page++;
          readArray(p, file, page, sink);
        } else if (t == JsonToken.START_OBJECT) {
          JsonLocation at = p.currentTokenLocation();
          readTopObject(p, file, at, sink);
        } else {
          throw new BadInputException(
              file
                  + ":"
                  + p.currentTokenLocation().getLineNr()
                  + ": expected an array of issues or an object, found "
                  + t.asString());
        }
      }
      if (!any) {
        throw new BadInputException(file + ": the file holds no JSON (it is empty)");
      }
    } catch (JsonProcessingException e) {
      throw malformed(file, e);
    } catch (CharConversionException e) {
      throw new BadInputException(file + ": the file is not valid UTF-8 (" + firstLine(e) + ")", e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private void readArray(JsonParser p, String file, int page, IssueSink sink) throws IOException {
    int index = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new BadInputException(
            file + ":" + p.currentLocation().getLineNr() + ": the JSON ends inside an array");
      }
      JsonLocation at = p.currentTokenLocation();
      String location = location(file, at, page, index);
      if (t != JsonToken.START_OBJECT) {
        throw new BadInputException(location + ": expected an issue object, found " + t.asString());
      }
      JsonNode node = p.readValueAsTree();
      emit(node, location, sink);
      index++;
    }
  }

  private void readTopObject(JsonParser p, String file, JsonLocation at, IssueSink sink)
      throws IOException {
    // Either a wrapper ({"metadata": …, "items": [ … ]} / {"issues": [ … ]}) or one issue object.
    // Read field by field: the wrapper's array is streamed, never held whole.
    com.fasterxml.jackson.databind.node.ObjectNode single = MAPPER.createObjectNode();
    boolean wrapper = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ((name.equals("items") || name.equals("issues")) && value == JsonToken.START_ARRAY) {
        wrapper = true;
        readArray(p, file + " (" + name + ")", 1, sink);
      } else if (wrapper) {
        p.skipChildren();
      } else {
        single.set(name, p.readValueAsTree());
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BadInputException(
          file + ":" + p.currentLocation().getLineNr() + ": the JSON ends inside an object");
    }
    if (!wrapper) {
      emit(single, file + ":" + at.getLineNr(), sink);
    }
  }

  private void emit(JsonNode node, String location, IssueSink sink) {
    if (IssueObjectMapper.isPullRequest(node)) {
      sink.pullRequestSkipped(location);
    } else {
      sink.issue(mapper.map(node, location));
    }
  }

  private static String location(String file, JsonLocation at, int page, int index) {
    return file
        + ":"
        + at.getLineNr()
        + ":"
        + at.getColumnNr()
        + " (array "
        + page
        + ", item "
        + (index + 1)
        + ")";
  }

  static BadInputException malformed(String file, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String where = loc == null ? file : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    String what = e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return new BadInputException(where + ": input exceeds a documented limit: " + what, e);
    }
    if (what != null && what.contains("Invalid UTF-8")) {
      return new BadInputException(
          where + ": the file is not valid UTF-8 (" + firstLine(what) + ")", e);
    }
    return new BadInputException(where + ": malformed JSON: " + firstLine(what), e);
  }

  private static String firstLine(Throwable e) {
    return firstLine(e.getMessage());
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
