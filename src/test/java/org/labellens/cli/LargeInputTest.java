package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.core.JsonText;
import org.labellens.io.Limits;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;

/**
 * Input at the documented limits: a 50 MB body, a hundred thousand issues in one file, and strings
 * just past the 64 Mi character limit.
 */
class LargeInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A line of a real log: ASCII mostly, with quotes, escapes, markup, emoji and Hebrew. */
  private static final String LOG_LINE =
      "2025-01-01 12:00:00 INFO worker 7: allocated 2.00 GiB <script>alert(\"x\")</script> &amp;"
          + " C:\\path \"quoted\"\r\n\ttab 🚀 עברית\n";

  private Path dir;
  private String db;

  @BeforeEach
  void init() throws IOException {
    dir = FastTempDir.create("large");
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
  }

  @AfterEach
  void remove() throws IOException {
    FastTempDir.delete(dir);
  }

  /**
   * The body is written and read back in separate processes with a 512 MB heap, the memory the
   * documentation promises is enough for a 50 MB issue.
   */
  @Test
  @Tag("slow")
  void aFiftyMegabyteBodyComesBackByteForByteWithinABoundedHeap() throws Exception {
    Path file = dir.resolve("big.jsonl");
    MessageDigest expected = MessageDigest.getInstance("SHA-256");
    byte[] line = LOG_LINE.getBytes(StandardCharsets.UTF_8);
    long bytes = 0;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("{\"repo\": \"a/b\", \"number\": 1, \"title\": \"a long log\", \"body\": \"");
      String escaped = JsonText.string(LOG_LINE);
      escaped = escaped.substring(1, escaped.length() - 1);
      while (bytes + line.length <= 50_000_000) {
        w.write(escaped);
        expected.update(line);
        bytes += line.length;
      }
      w.write("\"}\n");
    }
    assertThat(bytes).isGreaterThan(49_900_000);

    Process imported = launch("import", file.toString(), "--db", db);
    assertThat(imported.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(imported.exitValue()).as(errors(imported)).isZero();

    Path out = dir.resolve("out.jsonl");
    Process listed = launchTo(out, "issues", "--db", db, "--format", "jsonl");
    assertThat(listed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(listed.exitValue()).as(errors(listed)).isZero();

    String body = null;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Limits.MAX_STRING_CHARS).build())
            .build();
    try (JsonParser p = factory.createParser(out.toFile())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("body")) {
          p.nextToken();
          body = p.getText();
        }
      }
    }
    assertThat(body).isNotNull();
    byte[] got = body.getBytes(StandardCharsets.UTF_8);
    assertThat((long) got.length).isEqualTo(bytes);
    assertThat(MessageDigest.getInstance("SHA-256").digest(got)).isEqualTo(expected.digest());
  }

  @Test
  @Tag("slow")
  void aHundredThousandTinyIssuesInOneFile() throws Exception {
    Path file = dir.resolve("many.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 1; i <= 100_000; i++) {
        w.write("{\"repo\":\"a/b\",\"number\":" + i + ",\"title\":\"t" + i + "\"}\n");
      }
    }
    Cli.Result r = Cli.run("import", file.toString(), "--db", db, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("new").asInt()).isEqualTo(100_000);
    Cli.Result last =
        Cli.run("issues", "--db", db, "--where", "number > 99995", "--format", "jsonl");
    assertThat(last.out().lines()).hasSize(5);
    assertThat(last.out()).contains("\"title\":\"t100000\"");
  }

  @Test
  @Tag("slow")
  void stringsPastTheDocumentedLimitAreRefusedWithTheirLine() throws Exception {
    int tooLong = Limits.MAX_STRING_CHARS + 1;
    Path json = dir.resolve("too-long.jsonl");
    try (Writer w = Files.newBufferedWriter(json)) {
      w.write("{\"repo\": \"a/b\", \"number\": 1, \"title\": \"fine\"}\n");
      w.write("{\"repo\": \"a/b\", \"number\": 2, \"title\": \"t\", \"body\": \"");
      char[] chunk = "x".repeat(1 << 16).toCharArray();
      for (int left = tooLong; left > 0; left -= chunk.length) {
        w.write(chunk, 0, Math.min(left, chunk.length));
      }
      w.write("\"}\n");
    }
    String before = ProjectDigest.of(Path.of(db));
    Cli.Result r = Cli.run("import", json.toString(), "--db", db);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).startsWith("error: " + json + ":2:").contains("documented limit");
    assertThat(ProjectDigest.of(Path.of(db))).isEqualTo(before);
    Files.delete(json);

    Path csv = dir.resolve("too-long.csv");
    try (Writer w = Files.newBufferedWriter(csv)) {
      w.write("repo,number,title,body\na/b,1,fine,short\na/b,2,t,");
      char[] chunk = "y".repeat(1 << 16).toCharArray();
      for (int left = tooLong; left > 0; left -= chunk.length) {
        w.write(chunk, 0, Math.min(left, chunk.length));
      }
      w.write("\n");
    }
    Cli.Result c = Cli.run("import", csv.toString(), "--db", db);
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.errorLine()).startsWith("error: " + csv + ":3:").contains("limit");
    assertThat(ProjectDigest.of(Path.of(db))).isEqualTo(before);
  }

  private static Process launch(String... args) throws IOException {
    return command(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static Process launchTo(Path out, String... args) throws IOException {
    return command(args).redirectOutput(out.toFile()).start();
  }

  private static ProcessBuilder command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.labellens.Launcher");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE);
  }

  private static String errors(Process p) throws IOException {
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
