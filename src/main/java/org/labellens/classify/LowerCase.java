package org.labellens.classify;

/**
 * Lower-casing exactly as the study did it: Python 3's {@code str.lower()}, which applies the full
 * Unicode lower-case mapping (Unicode 14.0 in Python 3.11).
 *
 * <p>Java's {@code String.toLowerCase(Locale.ROOT)} agrees with it on every code point but the 40
 * whose lower-case mapping Unicode 14.0 added (Java 17 has Unicode 13.0); they are listed here. Two
 * mappings are not one-to-one and both matter for matching:
 *
 * <ul>
 *   <li>U+0130 'İ' becomes two characters, 'i' and U+0307 (combining dot above), so "APİ" contains
 *       the keyword "api" after lower-casing;
 *   <li>U+03A3 'Σ' becomes final sigma 'ς' at the end of a word and 'σ' elsewhere, following
 *       Python's rule ({@code handle_capital_sigma}): final when preceded by a cased letter
 *       (skipping case-ignorable characters) and not followed by one.
 * </ul>
 *
 * <p>The study lower-cased title and body separately and then joined them, so the sigma rule looks
 * only within one field. This class is pure and allocation-free on its hot path ({@link #at}).
 */
public final class LowerCase {

  /** Code points whose lower-case mapping arrived in Unicode 14.0 (sorted). */
  private static final int[] UNICODE_14_UPPER = {
    0x2C2F, 0xA7C0, 0xA7D0, 0xA7D6, 0xA7D8, 0x10570, 0x10571, 0x10572, 0x10573, 0x10574, 0x10575,
    0x10576, 0x10577, 0x10578, 0x10579, 0x1057A, 0x1057C, 0x1057D, 0x1057E, 0x1057F, 0x10580,
    0x10581, 0x10582, 0x10583, 0x10584, 0x10585, 0x10586, 0x10587, 0x10588, 0x10589, 0x1058A,
    0x1058C, 0x1058D, 0x1058E, 0x1058F, 0x10590, 0x10591, 0x10592, 0x10594, 0x10595
  };

  private static final int[] UNICODE_14_LOWER = {
    0x2C5F, 0xA7C1, 0xA7D1, 0xA7D7, 0xA7D9, 0x10597, 0x10598, 0x10599, 0x1059A, 0x1059B, 0x1059C,
    0x1059D, 0x1059E, 0x1059F, 0x105A0, 0x105A1, 0x105A3, 0x105A4, 0x105A5, 0x105A6, 0x105A7,
    0x105A8, 0x105A9, 0x105AA, 0x105AB, 0x105AC, 0x105AD, 0x105AE, 0x105AF, 0x105B0, 0x105B1,
    0x105B3, 0x105B4, 0x105B5, 0x105B6, 0x105B7, 0x105B8, 0x105B9, 0x105BB, 0x105BC
  };

  /**
   * Code point ranges whose Cased / Case_Ignorable properties in Unicode 14.0 (Python 3.11) differ
   * from what Java 17's Unicode 13.0 data gives: 'C' cased, 'I' case-ignorable, 'N' neither.
   */
  private static final int[] UNICODE_14_PROPERTY_START = {
    0x888, 0x890, 0x898, 0x8C9, 0xC3C, 0x1734, 0x180F, 0x1AC1, 0x1DFA, 0x2C2F, 0x2C5F, 0xA7C0,
    0xA7D0, 0xA7D3, 0xA7D5, 0xA7F2, 0xFBC2, 0x10570, 0x1057C, 0x1058C, 0x10594, 0x10597, 0x105A3,
    0x105B3, 0x105BB, 0x10780, 0x10787, 0x107B2, 0x10F82, 0x11070, 0x11073, 0x110C2, 0x1AFF0,
    0x1AFF5, 0x1AFFD, 0x1CF00, 0x1CF30, 0x1DF00, 0x1DF0B, 0x1E2AE
  };

  private static final int[] UNICODE_14_PROPERTY_END = {
    0x888, 0x891, 0x89F, 0x8D2, 0xC3C, 0x1734, 0x180F, 0x1ACE, 0x1DFA, 0x2C2F, 0x2C5F, 0xA7C1,
    0xA7D1, 0xA7D3, 0xA7D9, 0xA7F4, 0xFBC2, 0x1057A, 0x1058A, 0x10592, 0x10595, 0x105A1, 0x105B1,
    0x105B9, 0x105BC, 0x10785, 0x107B0, 0x107BA, 0x10F85, 0x11070, 0x11074, 0x110C2, 0x1AFF3,
    0x1AFFB, 0x1AFFE, 0x1CF2D, 0x1CF46, 0x1DF09, 0x1DF1E, 0x1E2AE
  };

  private static final String UNICODE_14_PROPERTY = "IIIIINIIICCCCCCIICCCCCCCCIIIIIIIIIIIICCI";

  private static final char[] ASCII_LOWER = new char[128];

  /**
   * Lower case of BMP chars, filled on first use (0: not yet known; {@link #SPECIAL}: needs more
   * than a lookup). Filling it eagerly would cost tens of milliseconds at every start. Threads may
   * race to fill an entry; they all write the same value.
   */
  private static final char[] BMP_LOWER = new char[Character.MAX_VALUE + 1];

  /** Marks chars needing more than a table lookup: 'İ', 'Σ' and surrogates. */
  private static final char SPECIAL = '\uFFFF';

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_LOWER[c] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
    }
  }

  private LowerCase() {}

  /** The lower-case form of {@code text}, as Python's {@code text.lower()}. */
  public static String of(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 128 || ASCII_LOWER[c] != c) {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 4);
    out.append(text, 0, i);
    while (i < n) {
      long packed = at(text, 0, n, i);
      out.append(first(packed));
      if (count(packed) == 2) {
        out.append(second(packed));
      }
      i += consumed(packed);
    }
    return out.toString();
  }

  /**
   * The lower-case form of the character (or surrogate pair) at {@code i} of {@code text}, whose
   * field spans {@code [from, to)}: packed as first char (bits 0-15), second char (16-31), number
   * of chars produced (32-35: 1 or 2) and number of chars consumed (36-39: 1 or 2).
   */
  public static long at(CharSequence text, int from, int to, int i) {
    char c = text.charAt(i);
    char tabled = BMP_LOWER[c];
    if (tabled == 0) {
      tabled = tabulate(c);
    }
    if (tabled != SPECIAL) {
      return pack(tabled, (char) 0, 1, 1);
    }
    if (c == '\u0130') {
      return pack('i', '\u0307', 2, 1);
    }
    if (c == '\u03A3') {
      return pack(isFinalSigma(text, from, to, i) ? '\u03C2' : '\u03C3', (char) 0, 1, 1);
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < to
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      int lower = lowerCodePoint(Character.toCodePoint(c, text.charAt(i + 1)));
      if (Character.isSupplementaryCodePoint(lower)) {
        return pack(Character.highSurrogate(lower), Character.lowSurrogate(lower), 2, 2);
      }
      return pack((char) lower, (char) 0, 1, 2);
    }
    return pack((char) lowerCodePoint(c), (char) 0, 1, 1);
  }

  private static char tabulate(char c) {
    char value;
    if (c == 0) {
      return 0;
    }
    if (c == 0x130 || c == 0x3A3 || c == SPECIAL || Character.isSurrogate(c)) {
      value = SPECIAL;
    } else {
      int lower = lowerCodePoint(c);
      value = lower == SPECIAL || lower > Character.MAX_VALUE ? SPECIAL : (char) lower;
    }
    BMP_LOWER[c] = value;
    return value;
  }

  /** The lower case of an ASCII character. */
  public static char ascii(char c) {
    return ASCII_LOWER[c];
  }

  public static char first(long packed) {
    return (char) (packed & 0xFFFF);
  }

  public static char second(long packed) {
    return (char) ((packed >>> 16) & 0xFFFF);
  }

  public static int count(long packed) {
    return (int) ((packed >>> 32) & 0xF);
  }

  public static int consumed(long packed) {
    return (int) ((packed >>> 36) & 0xF);
  }

  private static long pack(char first, char second, int count, int consumed) {
    return first | ((long) second << 16) | ((long) count << 32) | ((long) consumed << 36);
  }

  private static int lowerCodePoint(int codePoint) {
    int k = java.util.Arrays.binarySearch(UNICODE_14_UPPER, codePoint);
    return k >= 0 ? UNICODE_14_LOWER[k] : Character.toLowerCase(codePoint);
  }

  /**
   * Python's {@code handle_capital_sigma}: cased, case-ignorable*, Σ, not (case-ignorable*, cased).
   */
  private static boolean isFinalSigma(CharSequence text, int from, int to, int i) {
    int j = i;
    int before = -1;
    while (j > from) {
      int cp = Character.codePointBefore(text, j);
      j -= Character.charCount(cp);
      if (!isCaseIgnorable(cp)) {
        before = cp;
        break;
      }
    }
    if (before < 0 || !isCased(before)) {
      return false;
    }
    j = i + 1;
    while (j < to) {
      int cp = Character.codePointAt(text, j);
      if (!isCaseIgnorable(cp)) {
        return !isCased(cp);
      }
      j += Character.charCount(cp);
    }
    return true;
  }

  private static char unicode14Property(int cp) {
    int k = java.util.Arrays.binarySearch(UNICODE_14_PROPERTY_START, cp);
    if (k < 0) {
      k = -k - 2;
    }
    return k >= 0 && cp <= UNICODE_14_PROPERTY_END[k] ? UNICODE_14_PROPERTY.charAt(k) : 0;
  }

  /** Unicode's Cased property: Lowercase, Uppercase or titlecase letter. */
  static boolean isCased(int cp) {
    char override = unicode14Property(cp);
    if (override != 0) {
      return override == 'C';
    }
    return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /**
   * Unicode's Case_Ignorable property: marks, format characters, modifiers, and the word-break
   * MidLetter, MidNumLet and Single_Quote characters.
   */
  static boolean isCaseIgnorable(int cp) {
    char override = unicode14Property(cp);
    if (override != 0) {
      return override == 'I';
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.FORMAT:
      case Character.MODIFIER_LETTER:
      case Character.MODIFIER_SYMBOL:
        return true;
      default:
        break;
    }
    switch (cp) {
      case 0x27:
      case 0x2E:
      case 0x3A:
      case 0xB7:
      case 0x387:
      case 0x55F:
      case 0x5F4:
      case 0x2018:
      case 0x2019:
      case 0x2024:
      case 0x2027:
      case 0xFE13:
      case 0xFE52:
      case 0xFE55:
      case 0xFF07:
      case 0xFF0E:
      case 0xFF1A:
        return true;
      default:
        return false;
    }
  }
}
