package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.labellens.service.BodyModel.Flow;
import org.labellens.service.BodyModel.Highlight;
import org.labellens.service.BodyModel.Kind;
import org.labellens.service.BodyModel.Note;
import org.labellens.service.BodyModel.Pasted;
import org.labellens.service.BodyModel.Run;
import org.labellens.service.BodyModel.Zone;

/** The body's display model, built without the toolkit: blocks, runs and highlights. */
class BodyModelTest {

  private static Highlight at(String body, String word, int nth, String style) {
    int i = -1;
    for (int k = 0; k <= nth; k++) {
      i = body.indexOf(word, i + 1);
    }
    return new Highlight(i, i + word.length(), style, word + " tip");
  }

  private static String text(List<Run> runs) {
    return runs.stream().map(Run::text).collect(Collectors.joining());
  }

  private static List<Run> hits(BodyModel m) {
    return m.blocks().stream()
        .flatMap(
            b ->
                b instanceof Flow f
                    ? f.runs().stream()
                    : b instanceof Pasted p ? p.runs().stream() : java.util.stream.Stream.empty())
        .filter(r -> r.highlight() != null)
        .toList();
  }

  @Test
  void everyHighlightCoversExactlyItsCharactersWithItsStyle() {
    String body = "The server ran out of memory.\nThen the GPU hung, and the memory stayed.";
    List<Highlight> hs =
        List.of(
            at(body, "memory", 1, "cat-0"),
            at(body, "memory", 0, "cat-0"),
            at(body, "GPU", 0, "cat-3"),
            at(body, "hung", 0, "keyword-ignored"));
    BodyModel m = BodyModel.build(body, List.of(new Zone(Kind.PROSE, 0, body.length())), hs);

    assertThat(m.blocks()).hasSize(1);
    Flow f = (Flow) m.blocks().get(0);
    // the soft line break becomes a space; every other character is there, in order
    assertThat(text(f.runs())).isEqualTo(body.replace('\n', ' '));
    assertThat(hits(m))
        .extracting(r -> r.text() + "/" + r.highlight().styleClass())
        .containsExactly("memory/cat-0", "GPU/cat-3", "hung/keyword-ignored", "memory/cat-0");
    for (Run r : hits(m)) {
      assertThat(body.substring(r.highlight().start(), r.highlight().end())).isEqualTo(r.text());
    }
  }

  @Test
  void plainTextBetweenHighlightsIsOneRunPerStyle() {
    String body = "one\ntwo\nthree *four* five";
    BodyModel m = BodyModel.build(body, List.of(new Zone(Kind.PROSE, 0, body.length())), List.of());
    Flow f = (Flow) m.blocks().get(0);
    assertThat(f.runs())
        .extracting(r -> r.style() + ":" + r.text())
        .containsExactly("md-text:one two three ", "md-em:four", "md-text: five");
  }

  @Test
  void overlappingHighlightsDoNotRepeatText() {
    String body = "a multiprocessing b";
    int s = body.indexOf("multi");
    List<Highlight> hs =
        List.of(
            new Highlight(s, s + "multiprocessing".length(), "cat-2", "x"),
            new Highlight(s + 5, s + 9, "cat-0", "y"));
    BodyModel m = BodyModel.build(body, List.of(), hs);
    Flow f = (Flow) m.blocks().get(0);
    assertThat(text(f.runs())).isEqualTo(body);
    assertThat(hits(m)).extracting(Run::text).containsExactly("multiprocessing");
  }

  @Test
  void longLogsAreVerbatimCollapsedAndCountTheirHits() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      log.append("line ").append(i).append(i == 7 ? " CUDA out of memory" : "").append('\n');
    }
    String body = "It fails:\n" + log;
    int logStart = body.indexOf("line 0");
    List<Highlight> hs = List.of(at(body, "memory", 0, "cat-0"));
    BodyModel m =
        BodyModel.build(
            body,
            List.of(new Zone(Kind.PROSE, 0, logStart), new Zone(Kind.LOG, logStart, body.length())),
            hs);
    assertThat(m.blocks()).hasSize(2);
    Pasted p = (Pasted) m.blocks().get(1);
    assertThat(p.collapsed()).isTrue();
    assertThat(p.title()).isEqualTo("log / traceback · 21 lines · 1 keyword hits");
    assertThat(text(p.runs())).isEqualTo(body.substring(logStart));
    assertThat(p.runs()).allMatch(r -> r.style().equals("code-text"));
    assertThat(hits(m)).extracting(Run::text).containsExactly("memory");
  }

  @Test
  void fencedCodeShowsItsLinesWithoutTheFences() {
    String body = "Run:\n\n```python\nimport torch\nx = 1\n```\n\nafter";
    BodyModel m = BodyModel.build(body, List.of(), List.of());
    assertThat(m.blocks()).hasSize(3);
    Pasted code = (Pasted) m.blocks().get(1);
    assertThat(code.kind()).isEqualTo(Kind.CODE);
    assertThat(code.collapsed()).isFalse();
    assertThat(text(code.runs())).startsWith("import torch\nx = 1").doesNotContain("`");
  }

  @Test
  void markupAndScriptStayText() {
    String body =
        "<script>alert(1)</script>\n\nSee <b>this</b> and [docs](javascript:alert(2)).\n\n"
            + "![x](https://evil.example/p.png)";
    BodyModel m = BodyModel.build(body, List.of(), List.of());
    List<Run> runs =
        m.blocks().stream()
            .filter(b -> b instanceof Flow)
            .flatMap(b -> ((Flow) b).runs().stream())
            .toList();
    assertThat(runs)
        .anyMatch(r -> r.style().equals("html-text") && r.text().contains("<script>alert(1)"));
    assertThat(runs).anyMatch(r -> r.style().equals("html-text") && r.text().equals("<b>"));
    Run link = runs.stream().filter(r -> r.link() != null).findFirst().orElseThrow();
    assertThat(link.text()).isEqualTo("docs");
    assertThat(link.link()).isEqualTo("javascript:alert(2)");
    assertThat(runs).anyMatch(r -> r.style().equals("md-image") && r.text().equals("[image: x]"));
  }

  @Test
  void listsKeepTheirMarkersAndDepth() {
    String body = "- one\n  - two\n1. first\n";
    BodyModel m = BodyModel.build(body, List.of(), List.of());
    assertThat(m.blocks())
        .extracting(b -> ((Flow) b).indent() + ":" + text(((Flow) b).runs()))
        .containsExactly("1:• one", "2:• two", "1:1. first");
  }

  @Test
  void anEmptyBodySaysSo() {
    BodyModel m = BodyModel.build("  \n", List.of(), List.of());
    assertThat(m.blocks()).containsExactly(new Note("(no description)"));
  }
}
