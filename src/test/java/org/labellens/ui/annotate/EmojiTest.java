package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without an emoji font, an emoji is a placeholder that names it, not an empty box. */
class EmojiTest {
  @Test
  void anEmojiIsNamedAndTheTextAroundItKept() {
    assertThat(Emoji.named("### 🐛 Describe the bug")).isEqualTo("### ⟨bug⟩ Describe the bug");
    assertThat(Emoji.named("ok ✅️ done")).isEqualTo("ok ⟨white heavy check mark⟩ done");
    // symbols a text font draws stay as written: a task list's boxes, a warning sign, a check
    assertThat(Emoji.named("☐ flaky ☑ reproduced ⚠ careful ✓ ★"))
        .isEqualTo("☐ flaky ☑ reproduced ⚠ careful ✓ ★");
    assertThat(Emoji.named("⚡ fast ⭐ star"))
        .isEqualTo("⟨high voltage sign⟩ fast ⟨white medium star⟩ star");
    assertThat(Emoji.named("plain text, ⟨U+202E⟩ markers, 中文"))
        .isEqualTo("plain text, ⟨U+202E⟩ markers, 中文");
  }
}
