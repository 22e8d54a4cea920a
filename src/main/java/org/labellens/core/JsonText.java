package org.labellens.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON text the store keeps in text columns: a string, or an array of strings. Written
 * and read here without a JSON library so that {@code core} and {@code store} stay dependency-free.
 */
public final class JsonText {
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
    Cursor c = new Cursor(json);
    c.skipWs();
    c.expect('{');
    c.skipWs();
    if (c.peek() == '}') {
      return out;
    }
    while (true) {
      c.skipWs();
      String key = c.string();
      c.skipWs();
      c.expect(':');
      c.skipWs();
      out.put(key, c.string());
      c.skipWs();
      char next = c.next();
      if (next == '}') {
        return out;
      }
      if (next != ',') {
        throw new IllegalArgumentException("not a flat JSON object of strings: " + json);
      }
    }
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
    Cursor c = new Cursor(json);
    c.skipWs();
    c.expect('[');
    c.skipWs();
    if (c.peek() == ']') {
      return out;
    }
    while (true) {
      c.skipWs();
      out.add(c.string());
      c.skipWs();
      char next = c.next();
      if (next == ']') {
        return out;
      }
      if (next != ',') {
        throw new IllegalArgumentException("not a JSON string array: " + json);
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
        throw new IllegalArgumentException("unexpected end of JSON text: " + s);
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
        throw new IllegalArgumentException("expected '" + c + "' in JSON text: " + s);
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
              throw new IllegalArgumentException("unexpected end of JSON text: " + s);
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape in JSON text: " + s);
        }
      }
    }
  }
}
