package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.labellens.core.JsonText;
import org.labellens.core.ShownText;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.TestIssues;

/**
 * Titles, bodies, labels and outside labels made of random mixes of terminal escape sequences
 * (screen clear, window title, OSC 52 clipboard writes, OSC 8 links), C0 and C1 controls, DEL and
 * bidirectional overrides, taken through every printing command: nothing a terminal would obey
 * reaches stdout or stderr, JSON output still reads back as the stored text, and {@code --raw}
 * gives the stored characters intact.
 */
class ShownTextPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> HOSTILE =
      List.of(
          "\u001b[2J",
          "\u001b[H",
          "\u001b]0;owned\u0007",
          "\u001b]52;c;ZWNobyBoaQ==\u0007",
          "\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\",
          "\u009b31m",
          "\u0085",
          "\u009d",
          "\u007f",
          "\u0000",
          "\u0007",
          "\b",
          "\r",
          "\u202e",
          "\u202a",
          "\u2066",
          "\u2069",
          "\u200f",
          "\u200e",
          "\u061c",
          "\u200b",
          "\ufeff",
          "\udb40\udc41",
          "gpu",
          "exe.txt",
          " ",
          "é",
          "表");

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(HOSTILE)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(parts -> "x" + String.join("", parts))
        .filter(s -> !ShownText.clean(s));
  }

  /** No character {@link ShownText} escapes, anywhere in what a command printed. */
  private static void shownSafely(String what, Cli.Result r) {
    String all = r.out() + r.err();
    for (int i = 0; i < all.length(); ) {
      int cp = all.codePointAt(i);
      boolean lone = cp <= 0xFFFF && Character.isSurrogate((char) cp);
      assertThat(ShownText.escaped(cp) || lone)
          .as(what + ": U+%04X at %d in %s", cp, i, all)
          .isFalse();
      i += Character.charCount(cp);
    }
  }

  @Property(tries = 6, seed = "20261208", edgeCases = EdgeCasesMode.NONE)
  void noCommandPrintsAControlCharacterFromStoredText(
      @ForAll("hostile") String title,
      @ForAll("hostile") String body,
      @ForAll("hostile") String label,
      @ForAll("hostile") String outside)
      throws Exception {
    Path dir = FastTempDir.create("shown");
    try {
      String db = dir.resolve("p.db").toString();
      assertThat(Cli.run("init", "--db", db).code()).isZero();
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i <= 12; i++) {
        sb.append("{\"repo\": \"a/b\", \"number\": ")
            .append(i)
            .append(", \"title\": ")
            .append(JsonText.string(title + i))
            .append(", \"body\": ")
            .append(JsonText.string(body))
            .append(", \"user\": ")
            .append(JsonText.string(title))
            .append(", \"labels\": ")
            .append(JsonText.stringArray(List.of(label, "bug")))
            .append(", \"cls\": ")
            .append(JsonText.stringArray(List.of(i % 2 == 0 ? outside : "gpu")))
            .append("}\n");
      }
      Path file = TestIssues.write(dir, "h.jsonl", sb.toString());
      List<String[]> commands = new ArrayList<>();
      commands.add(
          new String[] {"import", file.toString(), "--label-field", "cls", "--run", "out"});
      commands.add(new String[] {"classify", "--run", "kw"});
      commands.add(
          new String[] {
            "sample",
            "--name",
            "s",
            "--size",
            "12",
            "--run",
            "out",
            "--strata",
            "predicted",
            "--annotators",
            "x,y",
            "--overlap",
            "1"
          });
      commands.add(new String[] {"simulate", "--sample", "s", "--annotator", "x", "--seed", "1"});
      commands.add(new String[] {"simulate", "--sample", "s", "--annotator", "y", "--seed", "2"});
      for (String format : List.of("table", "csv", "jsonl", "json")) {
        commands.add(new String[] {"issues", "--format", format});
        commands.add(new String[] {"issues", "--run", "out", "--format", format});
      }
      commands.add(new String[] {"issues", "--run", "kw"});
      commands.add(new String[] {"samples"});
      commands.add(new String[] {"samples", "--format", "json"});
      commands.add(new String[] {"runs"});
      commands.add(new String[] {"agreement", "--sample", "s", "--bootstrap", "0"});
      commands.add(new String[] {"validate", "--sample", "s", "--run", "out", "--bootstrap", "0"});
      commands.add(new String[] {"adjudicate", "--sample", "s"});
      commands.add(new String[] {"adjudicate", "--sample", "s", "--issue", "a/b#2"});
      commands.add(new String[] {"adjudicate", "--sample", "s", "--issue", title});
      commands.add(new String[] {"issues", "--run", outside});
      commands.add(new String[] {"runs", "delete", outside});
      commands.add(new String[] {"import", dir.resolve(title.replace("\u0000", "")).toString()});
      commands.add(new String[] {"sample", "--name", "s2", "--size", "2", "--run", label});
      for (String[] command : commands) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--db", db));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        String what = String.join(" ", command);
        assertThat(r.code()).as(what + ": " + r.err()).isIn(0, 1);
        shownSafely(what, r);
      }

      // JSON output reads back as the stored text: the escapes are JSON's own
      Cli.Result jsonl = Cli.run("issues", "--db", db, "--format", "jsonl");
      JsonNode first = JSON.readTree(jsonl.out().lines().findFirst().orElseThrow());
      assertThat(first.get("title").asText()).isEqualTo(title + "1");
      assertThat(first.get("body").asText()).isEqualTo(body);
      assertThat(first.get("labels").get(0).asText()).isEqualTo(label);

      // --raw: the stored characters, intact
      Cli.Result raw = Cli.run("issues", "--db", db, "--raw");
      assertThat(raw.code()).isZero();
      assertThat(raw.out()).contains(title + "1");
      Cli.Result rawOut = Cli.run("issues", "--db", db, "--run", "out", "--format", "csv", "--raw");
      assertThat(rawOut.out()).contains(outside);
    } finally {
      FastTempDir.delete(dir);
    }
  }
}
