package org.labellens.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical form of a JSON document, so that equal content hashes equally whatever its layout.
 *
 * <p>Object members are sorted by key (UTF-16 code units, as RFC 8785 does), there is no whitespace
 * between tokens, strings escape only {@code "}, {@code \} and control characters ({@code \b \t \n
 * \f \r}, others as {@code \}{@code u00xx}), everything else is written as UTF-8. Numbers are
 * written as exact decimals without exponent or trailing zeros ({@code 1.0}, {@code 1.00} and
 * {@code 1e0} are all {@code 1}). This follows RFC 8785 (JCS) except for the number format, which
 * is exact decimal rather than ECMAScript's shortest double, so no floating-point rounding is
 * involved.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  /** The canonical text of {@code node}. Read numbers as BigDecimal to keep them exact. */
  public static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString();
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static void append(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          keys.add(it.next());
        }
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          appendString(keys.get(i), out);
          out.append(':');
          append(node.get(keys.get(i)), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          append(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> appendString(node.textValue(), out);
      case NUMBER -> out.append(number(node.decimalValue()));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
    }
  }

  static String number(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= 0
        ? stripped.toBigIntegerExact().toString()
        : stripped.toPlainString();
  }

  private static void appendString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
