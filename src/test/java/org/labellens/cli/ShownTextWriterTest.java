package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labellens.core.ShownText;
import org.labellens.io.JsonOutput;
import org.labellens.testing.Cli;

/** The filter every printed character passes through, and its {@code --raw} bypass. */
class ShownTextWriterTest {
  private static String shown(String... writes) {
    StringWriter sink = new StringWriter();
    ShownTextWriter.Shown w = ShownTextWriter.wrap(new PrintWriter(sink), false);
    for (String s : writes) {
      w.write(s);
    }
    w.finish();
    return sink.toString();
  }

  @Test
  void controlAndBidiCharactersBecomeVisibleEscapes() {
    assertThat(shown("a\u001b[2Jb")).isEqualTo("a\\u001b[2Jb");
    assertThat(shown("\u001b]52;c;eA==\u0007")).isEqualTo("\\u001b]52;c;eA==\\u0007");
    assertThat(shown("\u009b\u0085\u007f\u0000")).isEqualTo("\\u009b\\u0085\\u007f\\u0000");
    assertThat(shown("abc\u202eexe.txt\u2066\u2069\u200e\u200f\u061c"))
        .isEqualTo("abc\\u202eexe.txt\\u2066\\u2069\\u200e\\u200f\\u061c");
    assertThat(shown("tag\udb40\udc41")).isEqualTo("tag\\udb40\\udc41");
  }

  @Test
  void ordinaryTextTabsLineEndsAndJoinersPassUnchanged() {
    String text = "naïve 表 😀 👨\u200d👩\u200d👧 a\tb\nc\r\nd";
    assertThat(shown(text)).isEqualTo(text);
  }

  @Test
  void aCharacterSplitAcrossWritesIsJudgedWhole() {
    assertThat(shown("a\r", "\nb")).isEqualTo("a\r\nb");
    assertThat(shown("a\r", "b")).isEqualTo("a\\u000db");
    assertThat(shown("a\r")).isEqualTo("a\\u000d");
    assertThat(shown("\ud83d", "\ude00")).isEqualTo("😀");
    assertThat(shown("\udb40", "\udc41")).isEqualTo("\\udb40\\udc41");
    assertThat(shown("x\ud83d")).isEqualTo("x\\ud83d");
  }

  @Test
  void escapedJsonIsTheSameJson() throws Exception {
    String title = "t\u001b[31m\u009b\u202e\u0085\u2066x";
    String json = JsonOutput.line(Map.of("title", title));
    String printed = shown(json);
    assertThat(ShownText.clean(printed)).isTrue();
    assertThat(new ObjectMapper().readTree(printed).get("title").asText()).isEqualTo(title);
  }

  @Test
  void errorMessagesQuotingUserTextAreEscapedUnlessRaw() {
    Cli.Result r = Cli.run("runs", "delete", "x\u001b]0;t\u0007", "--db", "/nonexistent/p.db");
    assertThat(r.code()).isEqualTo(1);
    assertThat(ShownText.clean(r.err())).as(r.err()).isTrue();
    Cli.Result shown = Cli.run("samples", "--db", "/nonexistent/\u202exdb.p");
    assertThat(shown.err()).startsWith("error: /nonexistent/\\u202exdb.p: no such project");
    Cli.Result raw = Cli.run("samples", "--raw", "--db", "/nonexistent/\u202exdb.p");
    assertThat(raw.err()).startsWith("error: /nonexistent/\u202exdb.p: no such project");
  }

  @Test
  void rawIsReadOnlyBeforeTheEndOfOptions() {
    assertThat(CliMain.rawRequested(new String[] {"issues", "--raw"})).isTrue();
    assertThat(CliMain.rawRequested(new String[] {"--raw", "issues"})).isTrue();
    assertThat(CliMain.rawRequested(new String[] {"issues", "--", "--raw"})).isFalse();
    assertThat(CliMain.rawRequested(new String[] {"issues"})).isFalse();
  }
}
