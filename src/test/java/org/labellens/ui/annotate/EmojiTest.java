package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Without an emoji font, an emoji is a placeholder that names it, not an empty box. */
class EmojiTest {
  @Test
  void anEmojiIsNamedAndTheTextAroundItKept() {
    assertThat(Emoji.named("### 🐛 Describe the bug")).isEqualTo("### ⟨bug⟩ Describe the bug");
    assertThat(Emoji.named("ok ✅️ done")).isEqualTo("ok ⟨white heavy check mark⟩ done");
    assertThat(Emoji.named("plain text, ⟨U+202E⟩ markers, 中文"))
        .isEqualTo("plain text, ⟨U+202E⟩ markers, 中文");
  }
}
