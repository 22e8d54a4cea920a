package org.labellens.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The small JSON text the store keeps in text columns: a string, or an array of strings. Written
 * and read here without a JSON library so that {@code core} and {@code store} stay dependency-free.
 */
public final class JsonText {
  /**
   * Text that is not the JSON these methods write. The store keeps only what {@link #stringArray}
   * and friends wrote, so from the store this means the project file was damaged.
   */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public Malformed(String message) {
      super(message);
    }
  }

  private JsonText() {}

  /** {@code ["a","b"]} with JSON string escaping. */
  public static String stringArray(List<String> values) {
    StringBuilder sb = new StringBuilder(16 + values.size() * 12).append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendString(sb, values.get(i));
    }
    return sb.append(']').toString();
  }

  /** {@code {"k":"v",…}}: a flat object of strings, in the map's order. */
  public static String stringObject(Map<String, String> values) {
    StringBuilder sb = new StringBuilder(16 + values.size() * 24).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      appendString(sb, e.getKey());
      sb.append(':');
      appendString(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  /** Parses what {@link #stringObject} wrote (any flat JSON object of strings), keeping order. */
  public static Map<String, String> parseStringObject(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    readElements(
        json,
        '{',
        '}',
        c -> {
          String key = c.string();
          c.skipWs();
          c.expect(':');
          c.skipWs();
          out.put(key, c.string());
        },
        "not a flat JSON object of strings: ");
    return out;
  }

  /** A JSON string literal. */
  public static String string(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2);
    appendString(sb, value);
    return sb.toString();
  }

  public static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Parses what {@link #stringArray} wrote (any JSON array of strings); null or blank -> empty. */
  public static List<String> parseStringArray(String json) {
    List<String> out = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    readElements(json, '[', ']', c -> out.add(c.string()), "not a JSON string array: ");
    return out;
  }

  /**
   * Reads the comma-separated elements between {@code open} and {@code close}, each with {@code
   * element}; anything else between two elements is malformed, said with {@code malformed} and the
   * text.
   */
  private static void readElements(
      String json, char open, char close, Consumer<Cursor> element, String malformed) {
    Cursor c = new Cursor(json);
    c.skipWs();
    c.expect(open);
    c.skipWs();
    if (c.peek() == close) {
      return;
    }
    while (true) {
      c.skipWs();
      element.accept(c);
      c.skipWs();
      char next = c.next();
      if (next == close) {
        return;
      }
      if (next != ',') {
        throw new Malformed(malformed + json);
      }
    }
  }

  /**
   * Parses a JSON string literal or an array of strings into a list (a string gives one element).
   */
  public static List<String> parseStringOrArray(String json) {
    String t = json.strip();
    if (t.startsWith("[")) {
      return parseStringArray(t);
    }
    return List.of(parseString(t));
  }

  /** Parses one JSON string literal. */
  public static String parseString(String json) {
    Cursor c = new Cursor(json.strip());
    return c.string();
  }

  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    char peek() {
      if (i >= s.length()) {
        throw new Malformed("unexpected end of JSON text: " + s);
      }
      return s.charAt(i);
    }

    char next() {
      char c = peek();
      i++;
      return c;
    }

    void skipWs() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    void expect(char c) {
      if (next() != c) {
        throw new Malformed("expected '" + c + "' in JSON text: " + s);
      }
    }

    String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new Malformed("unexpected end of JSON text: " + s);
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException notHex) {
              throw new Malformed("bad \\u escape in JSON text: " + s);
            }
            i += 4;
          }
          default -> throw new Malformed("bad escape in JSON text: " + s);
        }
      }
    }
  }
}
