package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import org.labellens.core.BadInputException;

/**
 * Streams JSONL: one issue object per line, in REST or {@code gh} field style. Blank lines are
 * skipped.
 */
final class JsonlIssueReader {
  private final IssueObjectMapper mapper;

  JsonlIssueReader(ReadOptions options) {
    this.mapper = new IssueObjectMapper(options);
  }

  void read(InputStream in, String file, IssueSink sink) {
    int lineNo = 0;
    try (BufferedReader r = StrictUtf8.reader(in)) {
      String line;
      boolean any = false;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1) {
          line = StrictUtf8.stripBom(line);
        }
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > Limits.MAX_STRING_CHARS) {
          throw new BadInputException(
              file
                  + ":"
                  + lineNo
                  + ": the line is longer than the limit of "
                  + Limits.MAX_STRING_CHARS
                  + " characters");
        }
        any = true;
        String location = file + ":" + lineNo;
        JsonNode node;
        try {
          node = JsonIssueReader.STRICT_TREE_READER.readValue(line);
        } catch (JsonProcessingException e) {
          throw lineError(location, e);
        }
        if (IssueObjectMapper.isPullRequest(node)) {
          sink.pullRequestSkipped(location);
        } else {
          sink.issue(mapper.map(node, location));
        }
      }
      if (!any) {
        throw new BadInputException(file + ": the file holds no issues (it is empty)");
      }
    } catch (CharacterCodingException e) {
      throw new BadInputException(
          file + ":" + (lineNo + 1) + ": the file is not valid UTF-8 (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static BadInputException lineError(String location, JsonProcessingException e) {
    var loc = e.getLocation();
    String col = loc == null ? "" : ":" + loc.getColumnNr();
    BadInputException inner = JsonIssueReader.malformed("", e);
    String what = inner.getMessage().replaceFirst("^[^ ]*: ", "");
    return new BadInputException(location + col + ": " + what, e);
  }
}
