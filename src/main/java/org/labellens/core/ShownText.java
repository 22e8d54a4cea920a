package org.labellens.core;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Untrusted text (titles, bodies, labels, names, file names) made safe to show: the characters a
 * terminal or a text layout would obey rather than show are replaced by visible escapes. See
 * docs/robustness.md ("Text is shown, never obeyed").
 *
 * <p>Escaped: C0 controls except tab and line feed (a carriage return too, unless it ends a line as
 * part of a CR LF pair), DEL, C1 controls, the bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), and invisible characters that can hide or reorder text (U+200B,
 * U+2028, U+2029, U+2060–U+2064, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB, the tag characters
 * U+E0000–U+E007F) and lone surrogates. Zero-width joiner and non-joiner (U+200C, U+200D) stay:
 * scripts and emoji need them and they cannot move text.
 *
 * <p>An escape is {@code \}{@code uXXXX} (a supplementary character as its two surrogates), the
 * form JSON reads back as the same character: escaping a JSON document leaves it the same JSON.
 */
public final class ShownText {
  private ShownText() {}

  /** Whether {@code c} (a UTF-16 unit or a code point) is shown as an escape. */
  public static boolean escaped(int c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n';
    }
    if (c < 0x7F) {
      return false;
    }
    if (c <= 0x9F) {
      return true; // DEL and C1
    }
    if (c < 0x061C) {
      return false;
    }
    return c == 0x061C
        || c == 0x200B
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x206F)
        || c == 0xFEFF
        || (c >= 0xFFF9 && c <= 0xFFFB)
        || (c >= 0xE0000 && c <= 0xE007F);
  }

  /** Whether the text has nothing {@link #escape} would change. */
  public static boolean clean(String s) {
    return s == null || escape(s) == s;
  }

  /**
   * The text with every escaped character written as {@code \}{@code uXXXX}; tab and line feed stay
   * (use {@link #oneLine} where a field must stay on its line).
   */
  public static String escape(String s) {
    return replaceEach(s, cp -> escaped(cp) || isLoneSurrogate(cp), ShownText::escapes);
  }

  /** {@link #escape}, and line feeds and tabs escaped too: a field that must stay on one line. */
  public static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    String e = escape(s);
    if (e.indexOf('\n') < 0 && e.indexOf('\t') < 0) {
      return e;
    }
    return e.replace("\n", "\\u000a").replace("\t", "\\u0009");
  }

  /** Appends {@code \}{@code uXXXX} for one UTF-16 unit. */
  public static void appendEscape(StringBuilder sb, char c) {
    sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
  }

  /**
   * The visible marker a window shows in place of an invisible character: {@code ⟨U+202E⟩}; a tab
   * or line feed is not marked (the window lays them out).
   */
  public static String marker(int codePoint) {
    return String.format(java.util.Locale.ROOT, "\u27e8U+%04X\u27e9", codePoint);
  }

  /**
   * Whether a window marks {@code codePoint}: what {@link #escaped} names, but not a carriage
   * return (a window breaks lines on it) and not a lone surrogate.
   */
  public static boolean marked(int codePoint) {
    return codePoint != '\r' && escaped(codePoint);
  }

  /**
   * Text for a window: each character {@link #marked} is replaced by its {@link #marker}, so an
   * override cannot reverse what follows it and nothing invisible hides in a title or label; tab,
   * line feed and carriage return stay for the layout.
   */
  public static String forWindow(String s) {
    return replaceEach(s, ShownText::marked, ShownText::marker);
  }

  private static boolean isLoneSurrogate(int codePoint) {
    return codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint);
  }

  /** {@code \}{@code uXXXX} for each UTF-16 unit of the code point. */
  private static String escapes(int codePoint) {
    StringBuilder sb = new StringBuilder(12);
    for (char c : Character.toChars(codePoint)) {
      appendEscape(sb, c);
    }
    return sb.toString();
  }

  /**
   * The text with each code point {@code replaced} accepts written as {@code replacement} gives it;
   * the very same string when there is none, so that a caller can tell nothing changed.
   */
  private static String replaceEach(
      String s, IntPredicate replaced, IntFunction<String> replacement) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      if (replaced.test(cp)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        sb.append(replacement.apply(cp));
      } else if (sb != null) {
        sb.append(s, i, i + n);
      }
      i += n;
    }
    return sb == null ? s : sb.toString();
  }
}
