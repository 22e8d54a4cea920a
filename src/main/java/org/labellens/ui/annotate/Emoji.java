package org.labellens.ui.annotate;

import java.util.Locale;
import javafx.scene.text.Font;

/**
 * Emoji where the platform has no font to draw them: without one JavaFX draws an empty box, and the
 * reader cannot tell a 🐛 from a 🚀. Then each emoji is shown as a visible placeholder naming it,
 * {@code ⟨bug⟩}; with an emoji font (e.g. {@code fonts-noto-color-emoji}) the text is left as it
 * is.
 */
final class Emoji {
  private static volatile Boolean fontInstalled;

  private Emoji() {}

  /** Whether an emoji-capable font is installed (looked up once). */
  static boolean fontInstalled() {
    Boolean known = fontInstalled;
    if (known == null) {
      known =
          Font.getFamilies().stream()
              .map(f -> f.toLowerCase(Locale.ROOT))
              .anyMatch(f -> f.contains("emoji") || f.contains("symbola"));
      fontInstalled = known;
    }
    return known;
  }

  /** {@code text} as the window shows it: emoji named when no font can draw them. */
  static String shown(String text) {
    return fontInstalled() ? text : named(text);
  }

  /**
   * The characters below U+1F000 that are shown as emoji by default (Unicode's Emoji_Presentation
   * property, emoji-data.txt), as ranges of first and last code point. The other symbols of those
   * blocks (☐ ☑ ⚠ ✓ ★ …) are ordinary text that the text font draws, so they stay as written.
   */
  private static final int[] PRESENTED_AS_EMOJI = {
    0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
    0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
    0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
    0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
    0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
    0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55
  };

  /**
   * Whether {@code cp} is drawn from an emoji font: pictographs, emoticons, transport, flags (from
   * U+1F000), and the older symbols shown as emoji by default.
   */
  static boolean isEmoji(int cp) {
    if (cp >= 0x1F000 && cp <= 0x1FAFF) {
      return true;
    }
    for (int i = 0; i < PRESENTED_AS_EMOJI.length; i += 2) {
      if (cp >= PRESENTED_AS_EMOJI[i] && cp <= PRESENTED_AS_EMOJI[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** {@code text} with each emoji replaced by {@code ⟨its name⟩}; variation selectors dropped. */
  static String named(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      boolean emoji = isEmoji(cp);
      boolean selector = cp == 0xFE0F || cp == 0x200D;
      if ((emoji || selector) && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (emoji) {
        String name = Character.getName(cp);
        sb.append('⟨')
            .append(
                name == null
                    ? String.format(Locale.ROOT, "U+%04X", cp)
                    : name.toLowerCase(Locale.ROOT))
            .append('⟩');
      } else if (!selector && sb != null) {
        sb.appendCodePoint(cp);
      }
      i += n;
    }
    return sb == null ? text : sb.toString();
  }
}
