package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.testing.Cli;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.TestIssues;

/**
 * Nothing an issue's author or a hostile file writes can hang a run or fill the memory: taxonomy
 * patterns run in linear time under a per-issue work bound, files read whole are bounded whatever
 * they are (pipes and devices too), and refusals are in the product's words. Each case goes through
 * the command line and checks the exit code, the message and that the project is as it was.
 */
class BoundedWorkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String db;

  private static Issue issue(int number, String title, String body) {
    return new Issue(
        "vllm-project/vllm",
        number,
        "",
        title,
        body,
        List.of(),
        "open",
        "2025-01-0" + number + "T00:00:00Z",
        null,
        "https://github.com/vllm-project/vllm/issues/" + number,
        "someone",
        0);
  }

  @BeforeEach
  void init() throws Exception {
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
    List<Issue> issues =
        List.of(
            issue(1, "Forty", "a".repeat(40)),
            issue(2, "Twenty and b", "a".repeat(20) + "b"),
            issue(3, "Plain", "nothing to see"));
    Path file = TestIssues.write(dir, "issues.jsonl", TestIssues.jsonl(issues));
    Cli.Result imported = Cli.run("import", file.toString(), "--db", db);
    assertThat(imported.code()).as(imported.err()).isZero();
  }

  private static String taxonomy(String patterns) {
    return """
        {"name": "hostile", "version": "1",
         "dimensions": [
           {"id": "category", "kind": "set", "match": {"mode": "word"},
            "labels": [
              {"id": "hostile", "rules": [{"patterns": [%s]}]},
              {"id": "plain", "rules": [{"keywords": ["nothing"]}]}]}]}
        """
        .formatted(patterns);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private String digest() {
    return ProjectDigest.of(Path.of(db));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a safety net only: the run takes milliseconds
  void aCatastrophicBacktrackingPatternFinishesWithTheRightCounts() throws Exception {
    Path t = file("t.json", taxonomy("\"(.*a){20}b\""));

    Cli.Result r = Cli.run("classify", "--db", db, "--taxonomy", t.toString(), "--format", "json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode vllm = JSON.readTree(r.out()).get("by_framework").get("vLLM");
    assertThat(vllm.get("issues").asInt()).isEqualTo(3);
    // only #2 has twenty a's followed by b; forty a's alone never match
    assertThat(vllm.get("hostile").asInt()).isEqualTo(1);
    assertThat(vllm.get("plain").asInt()).isEqualTo(1);
  }

  @Test
  void aBackreferenceIsRefusedAtLoadNamingTheFilePathPatternAndReason() throws Exception {
    Path t = file("t.json", taxonomy("\"x\", \"(a+)\\\\1\""));
    String before = digest();

    Cli.Result r = Cli.run("classify", "--db", db, "--taxonomy", t.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: taxonomy " + t)
        .contains(
            "$.dimensions[0].labels[0].rules[0].patterns[1]: pattern /(a+)\\1/ uses a"
                + " backreference (\\1), which the linear-time pattern engine does not support");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void lookaroundIsRefusedAtLoad() throws Exception {
    Path t = file("t.json", taxonomy("\"(?<!not )crash\""));
    String before = digest();

    Cli.Result r = Cli.run("classify", "--db", db, "--taxonomy", t.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pattern /(?<!not )crash/ uses negative lookbehind");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void anIssueOverThePatternWorkBoundStopsTheRunNamingTheIssueAndTheRule() throws Exception {
    Path t = file("t.json", taxonomy("\"(.*a){20}b\""));
    String before = digest();
    String old = System.getProperty("labellens.limit.patternWork");
    Cli.Result r;
    try {
      // the program of this pattern has about a hundred instructions: forty characters exceed it
      System.setProperty("labellens.limit.patternWork", "2000");
      r = Cli.run("classify", "--db", db, "--taxonomy", t.toString());
    } finally {
      if (old == null) {
        System.clearProperty("labellens.limit.patternWork");
      } else {
        System.setProperty("labellens.limit.patternWork", old);
      }
    }

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .startsWith("error: issue vllm-project/vllm#1: the pattern /(.*a){20}b/ of label 'hostile'")
        .contains("over the limit of 2000 steps")
        .contains("-Dlabellens.limit.patternWork=")
        .endsWith("nothing was saved");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void aTaxonomyFromADeviceIsRefusedAtTheSizeLimit() {
    assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
    String before = digest();

    Cli.Result r = Cli.run("classify", "--db", db, "--taxonomy", "/dev/zero");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo(
            "error: taxonomy /dev/zero: the file is larger than the limit of 16777216 bytes"
                + " (raise it with -Dlabellens.limit.taxonomyBytes=67108864, e.g. in"
                + " LABELLENS_JAVA_OPTS)");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void anExchangeFileFromADeviceIsRefusedAtTheLineLimit() {
    assumeTrue(Files.isReadable(Path.of("/dev/zero")), "no /dev/zero here");
    String before = digest();

    Cli.Result r = Cli.run("annotations", "import", "--db", db, "/dev/zero");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo(
            "error: /dev/zero:1: the line is longer than the limit of 4194304 characters (raise"
                + " it with -Dlabellens.limit.exchangeLineChars=16777216, e.g. in"
                + " LABELLENS_JAVA_OPTS)");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void anExchangeFileFromAPipeIsBoundedAsItArrives() throws Exception {
    Path fifo = dir.resolve("decisions.jsonl");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0, "no mkfifo here");
    String before = digest();
    String old = System.getProperty("labellens.limit.exchangeFileChars");
    Thread writer =
        new Thread(
            () -> {
              // blank lines for ever: every line is short, the whole is not
              byte[] lines = "\n".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
              try (var out = Files.newOutputStream(fifo)) {
                while (true) {
                  out.write(lines);
                }
              } catch (Exception e) {
                // the reader stopped: the pipe is closed
              }
            });
    writer.setDaemon(true);
    writer.start();
    Cli.Result r;
    try {
      System.setProperty("labellens.limit.exchangeFileChars", "1000000");
      r = Cli.run("annotations", "import", "--db", db, fifo.toString());
    } finally {
      if (old == null) {
        System.clearProperty("labellens.limit.exchangeFileChars");
      } else {
        System.setProperty("labellens.limit.exchangeFileChars", old);
      }
    }
    writer.join(10_000);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo(
            "error: "
                + fifo
                + ": the file is larger than the limit of 1000000 characters (raise it with"
                + " -Dlabellens.limit.exchangeFileChars=4000000, e.g. in LABELLENS_JAVA_OPTS)");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void notANumberInAnExchangeFileIsNamedWithItsField() throws Exception {
    Path f =
        file(
            "ann.jsonl",
            "{\"repo\":\"vllm-project/vllm\",\"number\":1,\"sample\":\"s\",\"annotator\":\"ann\","
                + "\"dimension\":\"category\",\"value\":\"bug\",\"phase\":\"blind\","
                + "\"seconds\":NaN,\"at\":\"2025-01-01T00:00:00Z\"}\n");
    Path g = file("inf.jsonl", Files.readString(f).replace("NaN", "-Infinity"));
    String before = digest();

    Cli.Result nan = Cli.run("annotations", "import", "--db", db, f.toString());
    Cli.Result inf = Cli.run("annotations", "import", "--db", db, g.toString());

    assertThat(nan.code()).isEqualTo(1);
    assertThat(nan.errorLine())
        .startsWith("error: " + f + ":1: field \"seconds\": NaN is not a number")
        .doesNotContain("ALLOW_NON_NUMERIC", "JsonReadFeature", "`");
    assertThat(inf.code()).isEqualTo(1);
    assertThat(inf.errorLine())
        .startsWith("error: " + g + ":1: field \"seconds\": -Infinity is not a number");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void tooManyWhereTermsAreRefusedBeforeAnyQuery() {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < 1100; i++) {
      terms.add("label != x" + i);
    }
    String before = digest();

    Cli.Result r = Cli.run("issues", "--db", db, "--where", String.join(" and ", terms));
    Cli.Result most =
        Cli.run("issues", "--db", db, "--where", String.join(" and ", terms.subList(0, 200)));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo("error: the --where expression is too long (1100 terms; at most 200)");
    assertThat(most.code()).as(most.err()).isZero();
    assertThat(most.out()).contains("vllm-project/vllm#1");
    assertThat(digest()).isEqualTo(before);
  }

  @Test
  void ratingsWithThousandsOfDistinctLabelsAreRefusedEarly() throws Exception {
    StringBuilder csv = new StringBuilder("item,rater,label\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("i").append(i / 2).append(",r").append(i % 2).append(",L").append(i).append('\n');
    }
    Path ratings = file("ratings.csv", csv.toString());

    Cli.Result r = Cli.run("agreement", "--ratings", ratings.toString(), "--bootstrap", "0");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .isEqualTo(
            "error: "
                + ratings
                + ":1002: column 'label': 1001 distinct labels exceed the limit of 1000 distinct"
                + " labels (raise it with -Dlabellens.limit.ratingsLabels=4000, e.g. in"
                + " LABELLENS_JAVA_OPTS); is the label column the right one?");
  }

  @Test
  void theOutOfMemoryAdviceIsMoreThanWhatRanOut() {
    assertThat(CliMain.suggestedHeapGb(256L << 20)).isEqualTo(1);
    assertThat(CliMain.suggestedHeapGb(1L << 30)).isEqualTo(2);
    // the heap that ran out at 3.8 GB: twice that, rounded up to a whole gigabyte
    assertThat(CliMain.suggestedHeapGb(3_800L << 20)).isEqualTo(8);
  }
}
