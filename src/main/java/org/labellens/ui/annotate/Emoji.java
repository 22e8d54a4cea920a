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

  /** Whether {@code cp} is drawn from an emoji font: pictographs, emoticons, transport, flags. */
  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF && cp != 0x27E8);
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
