package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.testing.TestIssues;

class IssueFileReaderTest {
  @TempDir Path dir;

  private final IssueFileReader reader = new IssueFileReader(ReadOptions.DEFAULT);

  /** Collects what a reader finds. */
  private static final class Collected implements IssueSink {
    final List<ImportedIssue> issues = new ArrayList<>();
    int pullRequests;

    @Override
    public void issue(ImportedIssue issue) {
      issues.add(issue);
    }

    @Override
    public void pullRequestSkipped(String location) {
      pullRequests++;
    }

    List<Issue> plain() {
      return issues.stream().map(ImportedIssue::issue).toList();
    }
  }

  private Collected read(String name, String content) throws Exception {
    return read(reader, name, content);
  }

  private Collected read(IssueFileReader r, String name, String content) throws Exception {
    Path file = TestIssues.write(dir, name, content);
    Collected c = new Collected();
    r.read(file, IssueFormat.AUTO, c);
    return c;
  }

  @Test
  void everyFormatGivesBackTheSameIssues() throws Exception {
    List<Issue> issues = TestIssues.make(40, 7);
    Collected rest = read("rest.json", TestIssues.restPages(issues, 15));
    Collected gh = read("gh.json", TestIssues.gh(issues));
    Collected jsonl = read("dump.jsonl", TestIssues.jsonl(issues));
    Collected csv = read("dump.csv", TestIssues.csv(issues));
    assertThat(rest.plain()).isEqualTo(issues);
    assertThat(gh.plain()).isEqualTo(issues);
    assertThat(jsonl.plain()).isEqualTo(issues);
    assertThat(csv.plain()).isEqualTo(issues);
    assertThat(rest.pullRequests).isEqualTo(3);
  }

  /**
   * Title and body are read as the strings the parser gives; a long body (held by the parser in
   * several pieces) comes back whole, and half a surrogate pair anywhere in it, a valid pair next
   * to it or not, is refused with its exact character position.
   */
  @Test
  void longBodiesComeBackWholeAndAHalfSurrogateAnywhereIsRefusedWithItsPosition() throws Exception {
    for (int length : new int[] {10, 70_000, 200_000}) {
      String body = "é😀x".repeat(length / 4) + "中";
      Collected c =
          read(
              "long" + length + ".jsonl",
              "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"body\": \"" + body + "\"}\n");
      assertThat(c.plain().get(0).body()).isEqualTo(body);
      for (String half : new String[] {"\\ud800", "\\udc00"}) {
        String prefix = "😀é".repeat(length / 3);
        String json =
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"body\": \""
                + prefix
                + half
                + "x😀\"}\n";
        assertThatThrownBy(() -> read("half" + length + ".jsonl", json))
            .isInstanceOf(BadInputException.class)
            .hasMessageContaining("half" + length + ".jsonl:1:")
            .hasMessageContaining("field 'body': character " + (prefix.length() + 1) + " is half")
            .hasMessageContaining(half.substring(1));
      }
    }
  }

  @Test
  void detectsEachFormatFromItsContent() throws Exception {
    List<Issue> issues = TestIssues.make(3, 1);
    assertThat(reader.detect(TestIssues.write(dir, "a", TestIssues.restPages(issues, 2))))
        .isEqualTo(IssueFormat.GITHUB);
    assertThat(reader.detect(TestIssues.write(dir, "b", TestIssues.jsonl(issues))))
        .isEqualTo(IssueFormat.JSONL);
    assertThat(reader.detect(TestIssues.write(dir, "c", TestIssues.csv(issues))))
        .isEqualTo(IssueFormat.CSV);
    assertThat(reader.detect(TestIssues.write(dir, "d", "{\n \"items\": []\n}")))
        .isEqualTo(IssueFormat.GITHUB);
  }

  @Test
  void readsTheStudyScraperWrapperAndSkipsItsMetadata() throws Exception {
    String json =
        "{\"metadata\": {\"total_items\": 2, \"file_version\": \"2.0\"}, \"items\": ["
            + "{\"number\": 5, \"title\": \"t\", \"body\": null, \"html_url\": \"https://github.com/vllm-project/vllm/issues/5\","
            + " \"labels\": [\"bug\"], \"state\": \"open\"},"
            + "{\"number\": 6, \"title\": \"pr\", \"html_url\": \"https://github.com/vllm-project/vllm/pull/6\", \"pull_request\": {}}]}";
    Collected c = read("wrapped.json", json);
    assertThat(c.plain())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.repo()).isEqualTo("vllm-project/vllm");
              assertThat(i.framework()).isEqualTo("vLLM");
              assertThat(i.body()).isEmpty();
              assertThat(i.labels()).containsExactly("bug");
            });
    assertThat(c.pullRequests).isEqualTo(1);
  }

  @Test
  void renamedRepositoryMapsToItsCurrentName() throws Exception {
    Collected c =
        read(
            "old.jsonl",
            "{\"number\": 1, \"title\": \"t\", \"html_url\": \"https://github.com/ggerganov/llama.cpp/issues/1\"}\n");
    assertThat(c.plain().get(0).repo()).isEqualTo("ggml-org/llama.cpp");
    assertThat(c.plain().get(0).framework()).isEqualTo("llama.cpp");
  }

  @Test
  void repoAndFrameworkOptionsOverride() throws Exception {
    IssueFileReader r = new IssueFileReader(new ReadOptions("acme/engine", "Engine", null));
    Collected c = read(r, "x.csv", "number,title\n3,hello\n");
    assertThat(c.plain().get(0).repo()).isEqualTo("acme/engine");
    assertThat(c.plain().get(0).framework()).isEqualTo("Engine");
    assertThat(c.plain().get(0).url()).isEqualTo("https://github.com/acme/engine/issues/3");
  }

  @Test
  void byteOrderMarkAndCrlfAreAccepted() throws Exception {
    Collected c = read("bom.csv", "\uFEFFrepo,number,title\r\na/b,1,\"x, y\"\r\n");
    assertThat(c.plain().get(0).title()).isEqualTo("x, y");
    Collected j =
        read(
            "bom.jsonl",
            "\uFEFF{\"repo\": \"a/b\", \"number\": 2, \"title\": \"t\"}\r\n{\"repo\": \"a/b\", \"number\": 3, \"title\": \"u\"}\r\n");
    assertThat(j.plain()).hasSize(2);
  }

  @Test
  void outsideLabelsComeFromTheNamedField() throws Exception {
    IssueFileReader r = new IssueFileReader(new ReadOptions(null, null, "predicted"));
    Collected c =
        read(
            r,
            "p.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"predicted\": [\"gpu\", \"api\"]}\n"
                + "{\"repo\": \"a/b\", \"number\": 2, \"title\": \"t\", \"predicted\": \"crash\"}\n"
                + "{\"repo\": \"a/b\", \"number\": 3, \"title\": \"t\"}\n");
    assertThat(c.issues.get(0).outsideLabels()).containsExactly("gpu", "api");
    assertThat(c.issues.get(1).outsideLabels()).containsExactly("crash");
    assertThat(c.issues.get(2).outsideLabels()).isEmpty();
  }

  @Test
  void truncatedJsonNamesFileAndLine() {
    String json = TestIssues.restPages(TestIssues.make(3, 2), 10);
    String truncated = json.substring(0, json.length() / 2);
    assertThatThrownBy(() -> read("cut.json", truncated))
        .isInstanceOf(BadInputException.class)
        .hasMessageMatching("(?s).*cut\\.json:\\d+.*");
  }

  @Test
  void jsonlNumberThatIsNotANumberNamesLineAndField() {
    String content =
        "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"ok\"}\n"
            + "{\"repo\": \"a/b\", \"number\": \"seven\", \"title\": \"bad\"}\n";
    assertThatThrownBy(() -> read("n.jsonl", content))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("n.jsonl:2")
        .hasMessageContaining("'number'")
        .hasMessageContaining("seven");
  }

  @Test
  void csvWithAnUnbalancedQuoteNamesTheLine() {
    String content = "repo,number,title\na/b,1,fine\na/b,2,\"never closed\na/b,3,x\n";
    assertThatThrownBy(() -> read("q.csv", content))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("q.csv:3")
        .hasMessageContaining("unbalanced quote");
  }

  @Test
  void invalidUtf8IsRefusedWithFileAndLine() throws Exception {
    byte[] bad =
        "repo,number,title\na/b,1,ok\na/b,2,caf\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, bad);
    assertThatThrownBy(() -> reader.read(csv, IssueFormat.AUTO, new Collected()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("latin1.csv:3")
        .hasMessageContaining("UTF-8");
    byte[] badJson =
        "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"caf\u00e9\"}\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path jsonl = dir.resolve("latin1.jsonl");
    Files.write(jsonl, badJson);
    assertThatThrownBy(() -> reader.read(jsonl, IssueFormat.JSONL, new Collected()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("latin1.jsonl:1")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void missingFieldsAreNamed() {
    assertThatThrownBy(() -> read("t.jsonl", "{\"repo\": \"a/b\", \"number\": 1}\n"))
        .hasMessageContaining("t.jsonl:1")
        .hasMessageContaining("'title' is missing");
    assertThatThrownBy(() -> read("r.jsonl", "{\"number\": 1, \"title\": \"x\"}\n"))
        .hasMessageContaining("'repo'")
        .hasMessageContaining("--repo");
    assertThatThrownBy(() -> read("h.csv", "repo,title\na/b,x\n"))
        .hasMessageContaining("h.csv:1")
        .hasMessageContaining("'number'");
    assertThatThrownBy(() -> read("w.csv", "repo,number,title\na/b,1\n"))
        .hasMessageContaining("w.csv:2")
        .hasMessageContaining("2 fields");
  }

  @Test
  void deepNestingIsRefusedAsALimitNotACrash() {
    String deep = "[" + "{\"a\": [".repeat(5_000) + "]}".repeat(5_000) + "]";
    assertThatThrownBy(() -> read("deep.json", deep))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("deep.json");
  }

  @Test
  void emptyFilesAreRefused() {
    assertThatThrownBy(() -> read("e.json", "  \n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> read("e.csv", ""))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void timestampsAreNormalisedToUtc() throws Exception {
    Collected c =
        read(
            "t.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"x\", \"created_at\": \"2024-07-08T04:40:38+02:00\"}\n");
    assertThat(c.plain().get(0).createdAt()).isEqualTo("2024-07-08T02:40:38Z");
    assertThatThrownBy(
            () ->
                read(
                    "t2.jsonl",
                    "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"x\", \"created_at\": \"yesterday\"}\n"))
        .hasMessageContaining("'created_at'");
  }
}
