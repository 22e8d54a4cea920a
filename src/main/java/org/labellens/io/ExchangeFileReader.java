package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotatorNames;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.MadeBy;
import org.labellens.core.annotation.Phase;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.IssueKey;

/**
 * Reads an annotation exchange file ({@code annotations/<annotator>.jsonl}, see
 * annotations/README.md): one decision per line. Strict: an unknown field, a missing required field
 * or a value of the wrong type is an error naming the file, the line and the field. Blank lines are
 * skipped.
 */
public final class ExchangeFileReader {
  /** The fields of a line, in the order the writer puts them. */
  public static final List<String> FIELDS =
      List.of(
          "repo",
          "number",
          "sample",
          "annotator",
          "dimension",
          "value",
          "phase",
          "predicted",
          "unsure",
          "reason",
          "note",
          "seconds",
          "at",
          "taxonomy",
          "made_by");

  private static final Set<String> KNOWN = Set.copyOf(FIELDS);

  /** One JSON value per line, duplicate keys and trailing tokens refused, documented limits. */
  private static final ObjectReader TREE_READER =
      new ObjectMapper(JsonIssueReader.FACTORY)
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ExchangeFileReader() {}

  /** A decision and where it was read. */
  /**
   * A decision, who made it ({@code made_by}; {@code person} when the field is absent, as in files
   * written before it existed) and where it was read.
   */
  public record Line(String location, Decision decision, MadeBy madeBy) {}

  /** Reads every line of {@code file}; throws on the first bad line, naming it. */
  public static List<Line> read(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          name
              + ": is a directory, not a file; give the files in it instead (e.g. "
              + file.resolve("*.jsonl")
              + ")");
    }
    List<Line> lines = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader r = StrictUtf8.reader(Files.newInputStream(file))) {
      BoundedLines in =
          new BoundedLines(r, name, Limits.EXCHANGE_LINE_CHARS, Limits.EXCHANGE_FILE_CHARS);
      String text;
      while ((text = in.next()) != null) {
        lineNo = in.lineNo();
        if (lineNo == 1) {
          text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        if (text.isBlank()) {
          continue;
        }
        String location = name + ":" + lineNo;
        JsonNode node;
        try {
          node = TREE_READER.readValue(text);
        } catch (JsonProcessingException e) {
          throw new BadInputException(location + ": " + malformed(e, text), e);
        }
        lines.add(new Line(location, decision(node, location), madeBy(node, location)));
      }
    } catch (NoSuchFileException e) {
      throw new BadInputException(name + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw new BadInputException(
          name + ":" + (lineNo + 1) + ": the file is not valid UTF-8 (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BadInputException(name + ": cannot read: " + e.getMessage(), e);
    }
    return lines;
  }

  private static final java.util.regex.Pattern NON_NUMBER =
      java.util.regex.Pattern.compile("^Non-standard token '([^']*)'");

  /**
   * What is wrong with a line the JSON parser refused, in the product's words: NaN and Infinity are
   * named with their field as values that are not numbers, without the parser's setting names.
   */
  static String malformed(JsonProcessingException e, String text) {
    String message = JsonIssueReader.firstLine(e.getOriginalMessage());
    java.util.regex.Matcher token = NON_NUMBER.matcher(message);
    if (token.find()) {
      String field = null;
      if (e.getLocation() != null) {
        field = fieldBefore(text, e.getLocation().getColumnNr());
      }
      return (field == null ? "" : "field \"" + field + "\": ")
          + token.group(1)
          + " is not a number (JSON numbers are finite; write a number such as 12.5, or leave"
          + " the field out)";
    }
    return "malformed JSON: " + message;
  }

  /**
   * The name of the field whose value ends before {@code column} (1-based), read backwards: the
   * value's characters, a colon, the quoted name; null when the text is not shaped so.
   */
  private static String fieldBefore(String text, int column) {
    // the parser's column is the one just after the value it refused
    int i = Math.min(text.length(), Math.max(1, column) - 1) - 1;
    while (i >= 0
        && (Character.isLetterOrDigit(text.charAt(i)) || "+-.".indexOf(text.charAt(i)) >= 0)) {
      i--;
    }
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0 || text.charAt(i) != ':') {
      return null;
    }
    i--;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0 || text.charAt(i) != '"') {
      return null;
    }
    int end = i;
    i--;
    while (i >= 0 && (text.charAt(i) != '"' || (i > 0 && text.charAt(i - 1) == '\\'))) {
      i--;
    }
    return i < 0 ? null : text.substring(i + 1, end);
  }

  static Decision decision(JsonNode node, String location) {
    if (!node.isObject()) {
      throw new BadInputException(location + ": expected a decision object, found " + kind(node));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!KNOWN.contains(f)) {
        throw fieldError(
            location, f, "unknown field (the fields are " + String.join(", ", FIELDS) + ")");
      }
    }
    String repo = requiredString(node, "repo", location);
    if (!Frameworks.isValidRepo(Frameworks.canonicalRepo(repo))) {
      throw fieldError(
          location,
          "repo",
          "'" + IssueValues.abbreviate(repo) + "' is not an OWNER/NAME repository name");
    }
    JsonNode number = node.get("number");
    if (number == null || number.isNull()) {
      throw fieldError(location, "number", "missing");
    }
    if (!number.isIntegralNumber() || !number.canConvertToInt() || number.intValue() <= 0) {
      throw fieldError(location, "number", "must be a positive whole number, found " + number);
    }
    String sample = requiredString(node, "sample", location);
    String annotator = requiredString(node, "annotator", location);
    try {
      AnnotatorNames.check(annotator);
    } catch (BadInputException e) {
      throw fieldError(location, "annotator", e.getMessage());
    }
    String dimension = requiredString(node, "dimension", location);
    DecisionValue value = value(node.get("value"), "value", location, true);
    String phaseText = requiredString(node, "phase", location);
    Phase phase =
        Phase.fromKey(phaseText)
            .orElseThrow(
                () ->
                    fieldError(
                        location,
                        "phase",
                        "'"
                            + IssueValues.abbreviate(phaseText)
                            + "' is not 'blind' or 'revealed'"));
    DecisionValue predicted = value(node.get("predicted"), "predicted", location, false);
    boolean unsure = false;
    JsonNode u = node.get("unsure");
    if (u != null && !u.isNull()) {
      if (!u.isBoolean()) {
        throw fieldError(location, "unsure", "must be true or false, found " + u);
      }
      unsure = u.booleanValue();
    }
    Double seconds = null;
    JsonNode s = node.get("seconds");
    if (s != null && !s.isNull()) {
      if (!s.isNumber() || !Double.isFinite(s.doubleValue()) || s.doubleValue() < 0) {
        throw fieldError(location, "seconds", "must be a number of seconds, 0 or more, found " + s);
      }
      seconds = s.doubleValue();
    }
    String atText = requiredString(node, "at", location);
    Instant at;
    try {
      at = DecisionTime.parse(atText);
    } catch (IllegalArgumentException e) {
      throw fieldError(location, "at", e.getMessage());
    }
    return new Decision(
        sample,
        new IssueKey(Frameworks.canonicalRepo(repo), number.intValue()),
        annotator,
        dimension,
        value,
        phase,
        predicted,
        unsure,
        optionalString(node, "reason", location),
        optionalString(node, "note", location),
        seconds,
        at,
        optionalString(node, "taxonomy", location));
  }

  static MadeBy madeBy(JsonNode node, String location) {
    String text = optionalString(node, "made_by", location);
    if (text == null) {
      return MadeBy.PERSON;
    }
    return MadeBy.fromKey(text)
        .orElseThrow(
            () ->
                fieldError(
                    location,
                    "made_by",
                    "'" + IssueValues.abbreviate(text) + "' is not 'person' or 'simulate'"));
  }

  private static DecisionValue value(JsonNode v, String field, String location, boolean required) {
    if (v == null || v.isNull()) {
      if (required) {
        throw fieldError(location, field, "missing");
      }
      return null;
    }
    if (v.isTextual()) {
      return DecisionValue.single(v.textValue());
    }
    if (v.isArray()) {
      List<String> labels = new ArrayList<>();
      for (JsonNode e : v) {
        if (!e.isTextual()) {
          throw fieldError(location, field, "a set must hold label strings only, found " + e);
        }
        labels.add(e.textValue());
      }
      return DecisionValue.set(labels);
    }
    throw fieldError(
        location, field, "must be a label (string) or a set of labels (array), found " + kind(v));
  }

  private static String requiredString(JsonNode node, String field, String location) {
    String s = optionalString(node, field, location);
    if (s == null || s.isEmpty()) {
      throw fieldError(location, field, "missing");
    }
    return s;
  }

  private static String optionalString(JsonNode node, String field, String location) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw fieldError(location, field, "must be a string, found " + kind(v));
    }
    return v.textValue();
  }

  private static BadInputException fieldError(String location, String field, String what) {
    return new BadInputException(location + ": field '" + field + "': " + what);
  }

  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
