package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.ShownText;
import org.labellens.service.BodyModel.Flow;
import org.labellens.service.BodyModel.Highlight;
import org.labellens.service.BodyModel.Kind;
import org.labellens.service.BodyModel.Pasted;
import org.labellens.service.BodyModel.Run;
import org.labellens.service.BodyModel.Zone;

/**
 * The issue body in the window: a right-to-left override, an escape sequence or an invisible
 * character is shown as a small styled marker, never passed to the text layout, in prose and in
 * pasted code alike; keyword highlights are unaffected.
 */
class BodyControlMarkersTest {
  private static List<Run> runs(BodyModel m) {
    List<Run> all = new ArrayList<>();
    for (BodyModel.Block b : m.blocks()) {
      if (b instanceof Flow f) {
        all.addAll(f.runs());
      } else if (b instanceof Pasted p) {
        all.addAll(p.runs());
      }
    }
    return all;
  }

  @Test
  void anOverrideInProseIsAMarkerAndTheTextAroundItStaysInOrder() {
    String body = "crash in gnp\u202eexe.txt after \u001b[2J load";
    int at = body.indexOf("crash");
    BodyModel m =
        BodyModel.build(
            body,
            List.of(new Zone(Kind.PROSE, 0, body.length())),
            List.of(new Highlight(at, at + 5, "cat-0", "crash")));
    List<Run> runs = runs(m);
    for (Run r : runs) {
      assertThat(r.text().codePoints().noneMatch(ShownText::marked)).as(r.text()).isTrue();
    }
    List<String> markers =
        runs.stream()
            .filter(r -> r.style().equals(BodyModel.CONTROL_MARKER))
            .map(Run::text)
            .toList();
    assertThat(markers).containsExactly("⟨U+202E⟩", "⟨U+001B⟩");
    String shown = String.join("", runs.stream().map(Run::text).toList());
    assertThat(shown).isEqualTo("crash in gnp⟨U+202E⟩exe.txt after ⟨U+001B⟩[2J load");
    assertThat(runs.stream().filter(r -> r.highlight() != null).map(Run::text))
        .containsExactly("crash");
  }

  @Test
  void pastedCodeMarksControlsToo() {
    String body = "```\nlog \u2066line\u2069 \u0085end\n```\n";
    BodyModel m = BodyModel.build(body, List.of(new Zone(Kind.CODE, 0, body.length())), List.of());
    String shown = String.join("", runs(m).stream().map(Run::text).toList());
    assertThat(shown).contains("log ⟨U+2066⟩line⟨U+2069⟩ ⟨U+0085⟩end");
  }

  @Test
  void aCleanBodyIsLeftAsItWas() {
    String body = "RTL עברית, emoji 👨\u200d👩\u200d👧 and a\ttab";
    BodyModel m = BodyModel.build(body, List.of(new Zone(Kind.PROSE, 0, body.length())), List.of());
    assertThat(runs(m).stream().map(Run::style)).doesNotContain(BodyModel.CONTROL_MARKER);
    assertThat(String.join("", runs(m).stream().map(Run::text).toList())).isEqualTo(body);
  }

  @Test
  void windowTextReplacesWhatATerminalEscapes() {
    assertThat(ShownText.forWindow("a\u202eb\u200fc\udb40\udc41"))
        .isEqualTo("a⟨U+202E⟩b⟨U+200F⟩c⟨U+E0041⟩");
    assertThat(ShownText.forWindow("line\r\nnext\ttab")).isEqualTo("line\r\nnext\ttab");
    assertThat(ShownText.escape("a\u202eb\u001b")).isEqualTo("a\\u202eb\\u001b");
    assertThat(ShownText.oneLine("a\nb\tc")).isEqualTo("a\\u000ab\\u0009c");
  }
}
