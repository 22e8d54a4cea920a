package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labellens.service.BodyModel.Block;
import org.labellens.service.BodyModel.Flow;
import org.labellens.service.BodyModel.Note;
import org.labellens.service.BodyModel.Pasted;
import org.labellens.service.BodyModel.Run;

/**
 * The window's text against the reporter's, on real issue bodies (see real-bodies.README.md): in
 * the source view every character, in the rendered view every letter and digit in order, nothing
 * added but markers; log lines, wildcards in brackets, strikethrough, task lists and tables as
 * GitHub shows them.
 */
class RealBodiesShownFaithfullyTest {
  /** Runs that the window adds (list bullets, task boxes, cell separators, control markers). */
  private static final Set<String> ADDED = Set.of("md-marker", BodyModel.CONTROL_MARKER);

  record RealBody(String name, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RealBody> bodies() throws IOException {
    List<RealBody> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RealBodiesShownFaithfullyTest.class.getResourceAsStream("real-bodies.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode n = json.readTree(line);
        out.add(
            new RealBody(
                n.get("repo").asText() + "#" + n.get("number").asInt(), n.get("body").asText()));
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(12);
    return out.stream();
  }

  static RealBody body(String name) throws IOException {
    return bodies().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void theSourceViewShowsEveryCharacterOfTheBody(RealBody real) {
    BodyModel source = BodyModel.source(real.body(), List.of());
    List<String> blocks = new ArrayList<>();
    for (Block b : source.blocks()) {
      blocks.add(text(((Flow) b).runs(), false));
    }
    assertThat(String.join("\n", blocks)).isEqualTo(real.body());
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void theRenderedViewLosesAndAddsNoLetterOrDigit(RealBody real) {
    String shown = lettersAndDigits(shownText(BodyModel.build(real.body(), List.of(), List.of())));
    String source = lettersAndDigits(withoutMarkup(real.body()));
    assertThat(shown).isEqualTo(source);
  }

  @Test
  void wildcardsInBracketsAndLogLinesStayAsWritten() throws IOException {
    String shown =
        shownText(BodyModel.build(body("vllm-project/vllm#5828").body(), List.of(), List.of()));
    assertThat(shown)
        .contains("allowed_origins=['*'], allowed_methods=['*'], allowed_headers=['*']")
        .contains(
            "vLLM API server version 0.5.0.post1\r\nINFO 06-25 15:26:04 api_server.py:178] args:");
  }

  @Test
  void logLinesAreShownWithoutEmphasis() throws IOException {
    BodyModel m = BodyModel.build(body("vllm-project/vllm#5828").body(), List.of(), List.of());
    Flow log =
        m.blocks().stream()
            .filter(b -> b instanceof Flow f && f.styleClasses().contains("log-lines"))
            .map(b -> (Flow) b)
            .filter(f -> text(f.runs(), true).contains("allowed_origins"))
            .findFirst()
            .orElseThrow();
    assertThat(log.runs()).allMatch(r -> !r.style().equals("md-em"));
  }

  @Test
  void strikethroughIsStruckThrough() throws IOException {
    List<Run> runs =
        runs(BodyModel.build(body("vllm-project/vllm#1346").body(), List.of(), List.of()));
    assertThat(runs).anyMatch(r -> r.style().equals(BodyModel.STRIKE) && !r.text().isBlank());
    assertThat(runs)
        .anyMatch(r -> r.style().equals(BodyModel.STRIKE) && r.text().equals("Oct. 15th (Sun)"));
    assertThat(text(runs, true)).doesNotContain("~~");
  }

  @Test
  void taskListItemsShowTheirBoxes() throws IOException {
    List<Run> runs =
        runs(BodyModel.build(body("ggml-org/llama.cpp#239").body(), List.of(), List.of()));
    assertThat(runs)
        .anyMatch(
            r ->
                r.style().equals("md-marker")
                    && (r.text().startsWith("☑") || r.text().startsWith("☐")));
    assertThat(text(runs, true)).doesNotContain("- [x]").doesNotContain("- [ ]");
  }

  @Test
  void tablesAreRowsOfCells() throws IOException {
    BodyModel m = BodyModel.build(body("ggml-org/llama.cpp#834").body(), List.of(), List.of());
    assertThat(m.blocks())
        .anyMatch(b -> b instanceof Flow f && f.styleClasses().contains("md-table-row"));
    assertThat(shownText(m)).doesNotContain("|---").doesNotContain("| ---");
  }

  @Test
  void aWildcardBetweenQuotesInProseIsNotEmphasis() {
    BodyModel m =
        BodyModel.build("Set origins=['*'] and methods=['*'] please.", List.of(), List.of());
    assertThat(shownText(m).strip()).isEqualTo("Set origins=['*'] and methods=['*'] please.");
    assertThat(runs(m)).noneMatch(r -> r.style().equals("md-em"));
  }

  @Test
  void emphasisBetweenWordsStaysEmphasis() {
    BodyModel m = BodyModel.build("this is *really* slow", List.of(), List.of());
    assertThat(runs(m)).anyMatch(r -> r.style().equals("md-em") && r.text().equals("really"));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static final Pattern FENCE_LINE = Pattern.compile("(?m)^[ \\t]*(```|~~~)[^\\n]*$");
  private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*(\\s+\"[^\"]*\")?\\)");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[A-Za-z]+);");
  private static final Pattern DETAILS = Pattern.compile("(?i)</?(details|summary)\\s*>");
  private static final Pattern ORDERED = Pattern.compile("(?m)^[ \\t]*\\d{1,9}[.)](?=[ \\t])");
  private static final Pattern TASK_BOX = Pattern.compile("(?m)^([ \\t]*[-*+][ \\t]+)\\[[xX ]\\]");

  /** The body without what Markdown reads as markup and the window does not show as text. */
  private static String withoutMarkup(String body) {
    String s = IMAGE.matcher(body).replaceAll("");
    s = FENCE_LINE.matcher(s).replaceAll("");
    s = LINK_TARGET.matcher(s).replaceAll("]");
    s = ENTITY.matcher(s).replaceAll("");
    s = DETAILS.matcher(s).replaceAll("");
    s = ORDERED.matcher(s).replaceAll("");
    return TASK_BOX.matcher(s).replaceAll("$1");
  }

  private static String lettersAndDigits(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static List<Run> runs(BodyModel m) {
    List<Run> out = new ArrayList<>();
    for (Block b : m.blocks()) {
      if (b instanceof Flow f) {
        out.addAll(f.runs());
      } else if (b instanceof Pasted p) {
        out.addAll(p.runs());
      }
    }
    return out;
  }

  /** What the window shows as the body's text, without the runs it adds. */
  private static String shownText(BodyModel m) {
    StringBuilder sb = new StringBuilder();
    for (Block b : m.blocks()) {
      if (b instanceof Flow f) {
        sb.append(text(f.runs(), true));
      } else if (b instanceof Pasted p) {
        sb.append(text(p.runs(), true));
      } else if (b instanceof Note n && !n.text().equals("(no description)")) {
        sb.append(n.text());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String text(List<Run> runs, boolean withoutAdded) {
    StringBuilder sb = new StringBuilder();
    for (Run r : runs) {
      if (!withoutAdded || !ADDED.contains(r.style())) {
        sb.append(r.text());
      }
    }
    return sb.toString();
  }
}
