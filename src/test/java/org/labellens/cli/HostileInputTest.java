package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.core.JsonText;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;

/**
 * A corpus of the nasty input real dumps contain, each case written by the test and taken through
 * the command line: {@code import}, then {@code issues --format jsonl}. Text that is valid is
 * stored and given back exactly (compared as strings, that is byte for byte in UTF-8); anything
 * else is refused with one {@code error:} line naming the file and the line, exit 1, and the
 * project unchanged.
 */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private String db;

  @BeforeEach
  void init() throws Exception {
    dir = FastTempDir.create("hostile");
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
  }

  @AfterEach
  void remove() throws Exception {
    FastTempDir.delete(dir);
  }

  // ---- helpers

  private Path file(String name, String content) throws Exception {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private Cli.Result imported(Path file, String... options) {
    List<String> args = new ArrayList<>(List.of("import", file.toString(), "--db", db));
    args.addAll(List.of(options));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private List<JsonNode> listed() throws Exception {
    Cli.Result r = Cli.run("issues", "--db", db, "--format", "jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (!line.isEmpty()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }

  private JsonNode only() throws Exception {
    List<JsonNode> rows = listed();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  /** Refused: exit 1, one error line with the file name and each fragment, project unchanged. */
  private String refused(Path file, String... fragments) {
    return refusedWith(file, new String[0], fragments);
  }

  private String refusedWith(Path file, String[] options, String... fragments) {
    String before = ProjectDigest.of(Path.of(db));
    List<String> args = new ArrayList<>(List.of("import", file.toString(), "--db", db));
    args.addAll(List.of(options));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.errorLine()).startsWith("error: " + file);
    for (String f : fragments) {
      assertThat(r.errorLine()).contains(f);
    }
    assertThat(r.errorLine()).doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
    assertThat(ProjectDigest.of(Path.of(db))).isEqualTo(before);
    return r.errorLine();
  }

  private static String jsonl(String title, String body) {
    return "{\"repo\": \"a/b\", \"number\": 1, \"title\": "
        + JsonText.string(title)
        + ", \"body\": "
        + JsonText.string(body)
        + "}\n";
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- NUL

  /**
   * NUL is a character like any other in UTF-8 text: a raw NUL in CSV and an escaped one in JSON
   * are stored and given back unchanged (in JSONL output as the escape {@code \u0000}).
   */
  @Test
  void nulCharactersAreStoredAndGivenBackExactly() throws Exception {
    imported(file("nul.csv", "repo,number,title,body\na/b,1,t\u0000x,\"b\u0000\u0000y\"\n"));
    JsonNode row = only();
    assertThat(row.get("title").asText()).isEqualTo("t\u0000x");
    assertThat(row.get("body").asText()).isEqualTo("b\u0000\u0000y");

    imported(
        file(
            "nul.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\\u0000x\","
                + " \"body\": \"\\u0000\", \"labels\": [\"a\\u0000b\"]}\n"));
    JsonNode again = only();
    assertThat(again.get("body").asText()).isEqualTo("\u0000");
    assertThat(again.get("labels").get(0).asText()).isEqualTo("a\u0000b");

    // on a terminal the NUL is shown as an escape; --raw gives the stored bytes
    Cli.Result csv = Cli.run("issues", "--db", db, "--format", "csv");
    assertThat(csv.out()).contains("t\\u0000x").doesNotContain("\u0000");
    Cli.Result raw = Cli.run("issues", "--db", db, "--format", "csv", "--raw");
    assertThat(raw.out()).contains("t\u0000x");
  }

  /** JSON forbids raw control characters inside strings: a raw NUL there is refused. */
  @Test
  void rawNulInsideAJsonStringIsRefusedWithItsPosition() throws Exception {
    Path f = file("raw-nul.jsonl", "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\u0000\"}\n");
    refused(f, "raw-nul.jsonl:1:", "code 0");
  }

  // ---- invalid UTF-8

  @Test
  void invalidUtf8IsRefusedWithTheLineInEveryFormat() throws Exception {
    byte[][] bad = {
      {(byte) 0xFF}, // never valid
      {(byte) 0x80}, // continuation byte alone
      {(byte) 0xC3}, // sequence cut short
      {(byte) 0xC0, (byte) 0x80}, // overlong NUL
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate (CESU-8)
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
      "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1) // Latin-1
    };
    int n = 0;
    for (byte[] b : bad) {
      n++;
      byte[] csv = concat(utf8("repo,number,title\na/b,1,ok\na/b,2,x"), b, utf8("y\n"));
      refused(file("bad" + n + ".csv", csv), "bad" + n + ".csv:3", "UTF-8");
      byte[] jsonl =
          concat(
              utf8("{\"repo\": \"a/b\", \"number\": 1, \"title\": \"ok\"}\n"),
              utf8("{\"repo\": \"a/b\", \"number\": 2, \"title\": \"x"),
              b,
              utf8("y\"}\n"));
      refused(file("bad" + n + ".jsonl", jsonl), "bad" + n + ".jsonl:2", "UTF-8");
      refusedWith(
          file("bad" + n + "-explicit.jsonl", jsonl),
          new String[] {"--from", "jsonl"},
          "bad" + n + "-explicit.jsonl:2",
          "UTF-8");
      byte[] rest =
          concat(
              utf8("[\n{\"repo\": \"a/b\", \"number\": 1, \"title\": \"ok\"},\n"),
              utf8("{\"repo\": \"a/b\", \"number\": 2, \"body\": \"x"),
              b,
              utf8("\", \"title\": \"t\"}\n]\n"));
      refused(file("bad" + n + ".json", rest), "bad" + n + ".json:3", "UTF-8");
    }
  }

  /**
   * A JSON escape can name half of a surrogate pair alone; no UTF-8 text can hold it, so storing it
   * would replace it silently. It is refused, naming the field.
   */
  @Test
  void loneSurrogateEscapesAreRefusedNamingTheField() throws Exception {
    refused(
        file(
            "lone.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"body\": \"x\\ud800y\"}\n"),
        "lone.jsonl:1:",
        "'body'",
        "surrogate");
    refused(
        file(
            "lone-label.json",
            "[{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"labels\": [{\"name\": \"\\udc00\"}]}]"),
        "lone-label.json:1:",
        "'labels[0].name'");
    refused(
        file(
            "reversed.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"\\udc00\\ud800\"}\n"),
        "'title'");
  }

  // ---- text that must survive exactly

  @Test
  void rightToLeftEmojiSurrogatePairsAndCombiningMarksComeBackExactly() throws Exception {
    String title = "Crash 💥 when מודל loads — عربى";
    String body =
        "RTL: עברית ثم العربية\u200F mixed LTR\u200E\n"
            + "Emoji: 🚀🔥👩‍💻 (ZWJ) 🇩🇪 (flag) 👍🏽 (skin tone)\n"
            + "Astral: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 \uD83D\uDE00\n"
            + "Combining: e\u0301 n\u0303 (decomposed) vs é ñ (composed)\n"
            + "Controls: \u202Eoverride\u202C zero\u200Bwidth \uFEFF inner BOM\n"
            + "Line separators: \u2028 \u2029 \u0085 end";
    List<String> labels = List.of("🐛 bug", "חשוב", "perf/⚡");
    String line =
        "{\"repo\": \"a/b\", \"number\": 1, \"title\": "
            + JsonText.string(title)
            + ", \"body\": "
            + JsonText.string(body)
            + ", \"labels\": "
            + JsonText.stringArray(labels)
            + "}\n";
    imported(file("text.jsonl", line));
    JsonNode row = only();
    assertThat(utf8(row.get("title").asText())).isEqualTo(utf8(title));
    assertThat(utf8(row.get("body").asText())).isEqualTo(utf8(body));
    assertThat(row.get("labels").get(0).asText()).isEqualTo("🐛 bug");
    assertThat(row.get("labels").get(2).asText()).isEqualTo("perf/⚡");

    String csv =
        "repo,number,title,body,labels\r\na/b,1,\""
            + title
            + "\",\""
            + body.replace("\"", "\"\"")
            + "\",\""
            + String.join(";", labels)
            + "\"\r\n";
    Cli.Result again = imported(file("text.csv", csv), "--format", "json");
    assertThat(JSON.readTree(again.out()).get("unchanged").asInt()).isEqualTo(1);
  }

  /** HTML and script in bodies are text: stored and given back as written, never interpreted. */
  @Test
  void htmlAndScriptTagsAreStoredAsText() throws Exception {
    String body =
        "<script>alert(document.cookie)</script>\n<img src=x onerror=alert(1)>\n"
            + "<!-- comment --> &amp; &lt;b&gt; <b>bold</b> <iframe src=\"javascript:alert(1)\">"
            + "</iframe>\n</textarea><style>*{display:none}</style>";
    imported(file("html.jsonl", jsonl("<b>title</b> & <i>more</i>", body)));
    JsonNode row = only();
    assertThat(row.get("body").asText()).isEqualTo(body);
    assertThat(row.get("title").asText()).isEqualTo("<b>title</b> & <i>more</i>");
    Cli.Result table = Cli.run("issues", "--db", db);
    assertThat(table.out()).contains("<b>title</b> & <i>more</i>");
  }

  // ---- byte-order marks and line ends

  @Test
  void byteOrderMarksAreSkippedAtTheStartOfEveryFormat() throws Exception {
    String bom = "\uFEFF";
    imported(file("bom.json", bom + "[{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\"}]"));
    imported(file("bom.jsonl", bom + "{\"repo\": \"a/b\", \"number\": 2, \"title\": \"t\"}\n"));
    imported(file("bom.csv", bom + "repo,number,title\na/b,3,t\n"));
    imported(
        file(
            "bom-gh.json",
            bom
                + "[{\"number\": 4, \"title\": \"t\", \"url\": \"https://github.com/a/b/issues/4\"}]"),
        "--from",
        "gh");
    assertThat(listed()).hasSize(4);
    // a mark anywhere else is text in a CSV field, and not JSON at all
    refused(
        file(
            "bom-inside.jsonl",
            "{\"repo\": \"a/b\", \"number\": 5, \"title\": \"t\"}\n"
                + bom
                + "{\"repo\": \"a/b\", \"number\": 6, \"title\": \"t\"}\n"),
        "bom-inside.jsonl:2");
  }

  @Test
  void crlfLineEndsAreAcceptedAndLineBreaksInsideTextAreKept() throws Exception {
    imported(
        file(
            "crlf.csv",
            "repo,number,title,body\r\na/b,1,one,\"first\r\nsecond\rthird\nfourth\"\r\na/b,2,two,x\r\n"));
    imported(
        file(
            "crlf.jsonl",
            "{\"repo\": \"a/b\", \"number\": 3, \"title\": \"t\", \"body\": \"a\\r\\nb\"}\r\n\r\n"
                + "{\"repo\": \"a/b\", \"number\": 4, \"title\": \"t\"}\r\n"));
    List<JsonNode> rows = listed();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("body").asText()).isEqualTo("first\r\nsecond\rthird\nfourth");
    assertThat(rows.get(2).get("body").asText()).isEqualTo("a\r\nb");
    // a bare CR ends a CSV record too, and the line count stays right after it
    refused(file("cr.csv", "repo,number,title\ra/b,1,x\ra/b,zero,y\r"), "cr.csv:3", "'number'");
  }

  // ---- lengths

  @Test
  @Tag("slow")
  void extremelyLongLinesAreRead() throws Exception {
    String longBody = "x".repeat(9_000_000) + "🚀"; // a first line longer than detection looks
    imported(file("long.jsonl", jsonl("long", longBody)));
    assertThat(only().get("body").asText()).isEqualTo(longBody);
    String longTitle = "t".repeat(1_000_000);
    imported(file("long.csv", "repo,number,title\na/b,1," + longTitle + "\n"));
    assertThat(only().get("title").asText()).isEqualTo(longTitle);
  }

  // ---- numbers

  @Test
  @Tag("slow")
  void numbersThatAreNotPositiveWholeIssueNumbersAreRefused() throws Exception {
    String[] bad = {
      "0", "-1", "1.0", "1e3", "2147483648", "99999999999999999999", "\"7\"", "true", "null", "[1]"
    };
    int n = 0;
    for (String number : bad) {
      n++;
      Path f =
          file(
              "n" + n + ".jsonl",
              "{\"repo\": \"a/b\", \"number\": " + number + ", \"title\": \"t\"}\n");
      refused(f, "n" + n + ".jsonl:1:", "'number'");
    }
    refused(
        file(
            "n-long.jsonl",
            "{\"repo\": \"a/b\", \"number\": " + "9".repeat(1001) + ", \"title\": \"t\"}\n"),
        "n-long.jsonl:1:",
        "documented limit",
        "(1000)");
    for (String number : List.of("0", "-1", "2147483648", "1.5", "12x", " ")) {
      n++;
      refused(
          file("n" + n + ".csv", "repo,number,title\na/b," + number + ",t\n"),
          "n" + n + ".csv:2",
          "'number'");
    }
    imported(file("max.jsonl", "{\"repo\": \"a/b\", \"number\": 2147483647, \"title\": \"t\"}\n"));
    assertThat(only().get("number").asLong()).isEqualTo(2147483647L);
  }

  // ---- structure

  @Test
  void duplicateKeysAndColumnsAreRefused() throws Exception {
    refused(
        file(
            "dup.jsonl",
            "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"a\", \"title\": \"b\"}\n"),
        "dup.jsonl:1:",
        "Duplicate field 'title'");
    refused(
        file("dup.csv", "repo,number,title,Title\na/b,1,a,b\n"),
        "dup.csv:1",
        "'title' appears twice");
  }

  @Test
  void aTopLevelScalarIsRefusedSayingWhatWasFound() throws Exception {
    refused(file("number.json", "42\n"), "number.json:1", "found the number 42");
    refused(file("string.json", "\"issues\"\n"), "string.json:1", "found a string \"issues\"");
    refused(file("true.json", "true"), "true.json:1", "found true");
    refused(file("null.jsonl", "null\n"), "null.jsonl:1", "found null");
    refused(
        file("items.json", "[1, 2]"),
        "items.json:1:2",
        "expected an issue object, found the number 1");
  }

  @Test
  void emptyArraysImportNothingWhileEmptyFilesAreRefused() throws Exception {
    Cli.Result r = imported(file("empty.json", "[]"), "--format", "json");
    assertThat(JSON.readTree(r.out()).get("new").asInt()).isZero();
    imported(file("pages.json", "[]\n[]\n{\"items\": []}"));
    assertThat(listed()).isEmpty();
    refused(file("nothing.json", ""), "empty");
    refused(file("blank.jsonl", " \n\r\n\t"), "empty");
    refused(file("nothing.csv", ""), "empty");
  }

  @Test
  void deepNestingIsRefusedAsADocumentedLimit() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    refused(
        file(
            "deep.json",
            "[{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\", \"x\": " + deep + "}]"),
        "deep.json:1:",
        "documented limit",
        "nesting depth");
    refused(
        file("deep-object.jsonl", "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n"),
        "deep-object.jsonl:1:",
        "nesting depth");
    refused(file("deep-top.json", deep), "deep-top.json:1:2", "found an array");
  }

  // ---- regressions found by the fuzzers

  /** The CSV reader read past the end once more when the last record had no line break. */
  @Test
  void csvWithoutAFinalLineBreakIsRead() throws Exception {
    imported(file("no-eol.csv", "repo,number,title\na/b,1,\"last, quoted\""));
    assertThat(only().get("title").asText()).isEqualTo("last, quoted");
    imported(file("no-eol-predictions.csv", "repo,number,label\na/b,1,gpu"), "--run", "outside");
    refused(
        file("quote.csv", "repo,number,title\na/b,2,\"never closed"),
        "quote.csv:2",
        "unbalanced quote");
  }

  /** An empty column name in a predictions header made the reader index past the record. */
  @Test
  void predictionsHeaderWithAnEmptyColumnIsReadByPosition() throws Exception {
    imported(file("issues.jsonl", "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\"}\n"));
    refusedWith(
        file("gap.csv", "label,,number,repo\ngpu,1,a/b\n"),
        new String[] {"--run", "outside"},
        "gap.csv:2",
        "3 fields, the header has 4");
    imported(file("gap-ok.csv", "label,,number,repo\ngpu,,1,a/b\n"), "--run", "outside");
  }

  /** A predictions file with a header and no rows was refused without naming the file. */
  @Test
  void aPredictionsFileWithoutRowsIsNamed() throws Exception {
    refusedWith(
        file("header-only.csv", "repo,number,label\n"),
        new String[] {"--run", "outside"},
        "header-only.csv: no outside labels for --run outside");
  }

  /**
   * Jackson guesses UTF-16 or UTF-32 from a byte-order mark or NUL bytes at the start: a damaged
   * file was reported as "Invalid UTF-32 character", and a UTF-16 file was read although the format
   * is UTF-8. Both are refused as not UTF-8, on line 1.
   */
  @Test
  void jsonThatStartsLikeUtf16OrUtf32IsRefusedAsNotUtf8() throws Exception {
    byte[] utf16 =
        "[{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\"}]".getBytes(StandardCharsets.UTF_16);
    refusedWith(
        file("utf16.json", utf16), new String[] {"--from", "github"}, "utf16.json:1:", "UTF-8");
    refused(
        file("nul-start.json", concat(new byte[] {0, 0, 0}, utf8("[{\"n\": 1}]"))),
        "nul-start.json:1",
        "UTF-8");
    refusedWith(
        file("nul-start.jsonl", concat(new byte[] {'{', 0}, utf8("\"n\": 1}\n"))),
        new String[] {"--from", "jsonl"},
        "nul-start.jsonl:1:",
        "UTF-8");
  }

  /** A value quoted in a message is shortened and kept on one line. */
  @Test
  void valuesQuotedInMessagesStayShortAndOnOneLine() throws Exception {
    String column = "\"" + "a long\nheader name, ".repeat(40) + "\"";
    String message =
        refused(
            file("dup-long.csv", "repo,number,title," + column + "," + column + "\n"),
            "dup-long.csv:1");
    assertThat(message).hasSizeLessThan(300).contains("a long\\nheader");
    String repo =
        refused(
            file("repo-break.csv", "repo,number,title\n\"vllm\n-project/vllm\",1,t\n"),
            "repo-break.csv:2",
            "'repo'");
    assertThat(repo).contains("'vllm\\n-project/vllm'");
  }

  /** A .json file that does not start like JSON was read as CSV, with a message about columns. */
  @Test
  void aJsonFileThatDoesNotStartLikeJsonIsReportedAsJson() throws Exception {
    refused(file("broken.json", "issues: []"), "broken.json:1:", "malformed JSON");
  }
}
