package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.testing.Cli;
import org.labellens.testing.TestIssues;

class ImportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String db;
  private final List<Issue> issues = TestIssues.make(60, 11);

  @BeforeEach
  void init() {
    db = dir.resolve("p.db").toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
  }

  private String snapshot() {
    Cli.Result r = Cli.run("issues", "--db", db, "--format", "jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  private JsonNode importJson(String... files) throws Exception {
    String[] args = new String[files.length + 5];
    args[0] = "import";
    System.arraycopy(files, 0, args, 1, files.length);
    args[files.length + 1] = "--db";
    args[files.length + 2] = db;
    args[files.length + 3] = "--format";
    args[files.length + 4] = "json";
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  @Test
  void importCountsNewThenUnchangedThenUpdated() throws Exception {
    Path file = TestIssues.write(dir, "dump.jsonl", TestIssues.jsonl(issues));
    JsonNode first = importJson(file.toString());
    assertThat(first.get("new").asInt()).isEqualTo(60);
    assertThat(first.get("unchanged").asInt()).isZero();
    assertThat(first.get("by_framework").get("vLLM").asInt()).isEqualTo(15);
    assertThat(first.get("by_framework").get("other-server").asInt()).isEqualTo(15);

    JsonNode again = importJson(file.toString());
    assertThat(again.get("new").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(60);

    List<Issue> edited = new java.util.ArrayList<>(issues);
    Issue i = edited.get(3);
    edited.set(
        3,
        new Issue(
            i.repo(),
            i.number(),
            i.framework(),
            i.title() + " (edited)",
            i.body(),
            i.labels(),
            i.state(),
            i.createdAt(),
            i.closedAt(),
            i.url(),
            i.author(),
            i.comments()));
    JsonNode third =
        importJson(TestIssues.write(dir, "edited.jsonl", TestIssues.jsonl(edited)).toString());
    assertThat(third.get("updated").asInt()).isEqualTo(1);
    assertThat(third.get("unchanged").asInt()).isEqualTo(59);
  }

  private List<String> hashes() throws Exception {
    return hashes(Path.of(db));
  }

  private static List<String> hashes(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT content_hash FROM issue ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static int userVersion(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.getInt(1);
    }
  }

  private static Issue withBody(Issue i, String body) {
    return new Issue(
        i.repo(),
        i.number(),
        i.framework(),
        i.title(),
        body,
        i.labels(),
        i.state(),
        i.createdAt(),
        i.closedAt(),
        i.url(),
        i.author(),
        i.comments());
  }

  /**
   * A project as earlier builds left it: schema version 3, its content hashes in the three forms
   * builds have stored ("u8:" and "m3:" 128-bit hashes, SHA-256). The next command upgrades it to
   * version 4 after writing a backup, clearing the forms that are not SHA-256; the next import
   * finds unchanged issues unchanged, changed bodies updated, and leaves one hash form.
   */
  @Test
  void aVersionThreeProjectWithEveryEarlierHashFormUpgradesAndReimportsAsUnchanged()
      throws Exception {
    Path rest = TestIssues.write(dir, "rest.json", TestIssues.restPages(issues, 25));
    assertThat(importJson(rest.toString()).get("new").asInt()).isEqualTo(60);
    List<String> current = hashes();
    assertThat(current).hasSize(60).allMatch(h -> h.matches("[0-9a-f]{64}"));
    String stored = snapshot();

    // play the earlier builds: rows in turn get a u8: hash, an m3: hash and the SHA-256 hash
    List<String> old = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        PreparedStatement ps =
            c.prepareStatement("UPDATE issue SET content_hash = ? WHERE id = ?")) {
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT id FROM issue ORDER BY id")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      for (int k = 0; k < ids.size(); k++) {
        String h =
            switch (k % 3) {
              case 0 -> "u8:" + current.get(k).substring(0, 32);
              case 1 -> "m3:" + current.get(k).substring(32);
              default -> current.get(k);
            };
        old.add(h);
        ps.setString(1, h);
        ps.setLong(2, ids.get(k));
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      s.execute("PRAGMA user_version = 3");
    }

    // any command upgrades it, after a backup of the version-3 file
    assertThat(snapshot()).isEqualTo(stored);
    assertThat(userVersion(Path.of(db))).isEqualTo(org.labellens.store.Schema.packaged().version());
    List<Path> backups;
    try (var files = Files.list(dir)) {
      backups =
          files.filter(f -> f.getFileName().toString().matches("p\\.db\\.v3-.*\\.bak")).toList();
    }
    assertThat(backups).hasSize(1);
    assertThat(userVersion(backups.get(0))).isEqualTo(3);
    assertThat(hashes(backups.get(0))).isEqualTo(old);
    List<String> upgraded = hashes();
    for (int k = 0; k < upgraded.size(); k++) {
      assertThat(upgraded.get(k)).as("row %d", k).isEqualTo(k % 3 == 2 ? current.get(k) : "");
    }

    // an import with two changed bodies: one issue whose hash was cleared, one that kept its hash
    List<Issue> edited = new ArrayList<>(issues);
    int cleared = indexOfRow(0);
    int kept = indexOfRow(2);
    edited.set(cleared, withBody(issues.get(cleared), issues.get(cleared).body() + " more"));
    edited.set(kept, withBody(issues.get(kept), "another body"));
    Path changed = TestIssues.write(dir, "changed.jsonl", TestIssues.jsonl(edited));
    JsonNode first = importJson(changed.toString());
    assertThat(first.get("updated").asInt()).isEqualTo(2);
    assertThat(first.get("unchanged").asInt()).isEqualTo(58);
    assertThat(hashes()).allMatch(h -> h.matches("[0-9a-f]{64}"));

    // and the original file again: those two change back, everything else is unchanged
    JsonNode back = importJson(rest.toString());
    assertThat(back.get("updated").asInt()).isEqualTo(2);
    assertThat(back.get("unchanged").asInt()).isEqualTo(58);
    assertThat(hashes()).isEqualTo(current);
    assertThat(snapshot()).isEqualTo(stored);
    assertThat(importJson(rest.toString()).get("unchanged").asInt()).isEqualTo(60);
  }

  /** The index in {@link #issues} of the issue stored in row {@code k} (rows in id order). */
  private int indexOfRow(int k) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT repo, number FROM issue ORDER BY id LIMIT 1 OFFSET " + k)) {
      assertThat(rs.next()).isTrue();
      String repo = rs.getString(1);
      int number = rs.getInt(2);
      for (int i = 0; i < issues.size(); i++) {
        if (issues.get(i).repo().equals(repo) && issues.get(i).number() == number) {
          return i;
        }
      }
    }
    throw new AssertionError("row " + k + " is none of the issues");
  }

  @Test
  void allFormatsImportToTheSameProjectContent() throws Exception {
    Path rest = TestIssues.write(dir, "rest.json", TestIssues.restPages(issues, 25));
    JsonNode restResult = importJson(rest.toString());
    assertThat(restResult.get("pull_requests_skipped").asInt()).isEqualTo(3);
    String expected = snapshot();
    assertThat(expected.lines()).hasSize(60);
    for (String[] f :
        new String[][] {
          {"gh.json", TestIssues.gh(issues)},
          {"dump.jsonl", TestIssues.jsonl(issues)},
          {"dump.csv", TestIssues.csv(issues)}
        }) {
      Path otherDb = dir.resolve("other-" + f[0] + ".db");
      assertThat(Cli.run("init", "--db", otherDb.toString()).code()).isZero();
      Path file = TestIssues.write(dir, f[0], f[1]);
      Cli.Result r = Cli.run("import", file.toString(), "--db", otherDb.toString());
      assertThat(r.code()).as(r.err()).isZero();
      Cli.Result listed = Cli.run("issues", "--db", otherDb.toString(), "--format", "jsonl");
      assertThat(listed.out()).as(f[0]).isEqualTo(expected);
    }
  }

  @Test
  void titlesAndBodiesComeBackByteForByte() throws Exception {
    importJson(TestIssues.write(dir, "dump.jsonl", TestIssues.jsonl(issues)).toString());
    List<JsonNode> rows =
        snapshot()
            .lines()
            .map(
                l -> {
                  try {
                    return JSON.readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    for (Issue i : issues) {
      JsonNode row =
          rows.stream()
              .filter(
                  r ->
                      r.get("repo").asText().equals(i.repo())
                          && r.get("number").asInt() == i.number())
              .findFirst()
              .orElseThrow();
      assertThat(row.get("title").asText().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(i.title().getBytes(StandardCharsets.UTF_8));
      assertThat(row.get("body").asText().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(i.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void assertRefusedAndUnchanged(String name, byte[] content, String... expected)
      throws Exception {
    Path good = TestIssues.write(dir, "good.jsonl", TestIssues.jsonl(issues.subList(0, 10)));
    importJson(good.toString());
    String before = snapshot();
    Path bad = dir.resolve(name);
    Files.write(bad, content);
    Path more = TestIssues.write(dir, "more.jsonl", TestIssues.jsonl(issues.subList(10, 20)));
    // a good file first, then the bad one: the good one must not be written either
    Cli.Result r = Cli.run("import", more.toString(), bad.toString(), "--db", db);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.errorLine()).startsWith("error: ").contains(name);
    for (String e : expected) {
      assertThat(r.errorLine()).contains(e);
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void truncatedJsonIsRefusedAndChangesNothing() throws Exception {
    String json = TestIssues.restPages(issues.subList(20, 30), 100);
    assertRefusedAndUnchanged(
        "cut.json",
        json.substring(0, json.length() - 40).getBytes(StandardCharsets.UTF_8),
        "cut.json:");
  }

  @Test
  void anUnfinishedObjectIsNamedByWhereItStartsWithoutTheParsersSourceDescription()
      throws Exception {
    Path cut = dir.resolve("open.json");
    Files.writeString(cut, "[{\"number\": 1,\n \"title\": \"a\"");
    Cli.Result r = Cli.run("import", cut.toString(), "--db", db);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .startsWith("error: " + cut + ":2:")
        .contains("malformed JSON")
        .contains("start marker at line 1, column 2")
        .doesNotContain("Source:")
        .doesNotContain("REDACTED");
  }

  @Test
  void jsonlNumberNotANumberIsRefusedAndChangesNothing() throws Exception {
    String lines =
        TestIssues.jsonl(issues.subList(20, 23))
            + "{\"repo\": \"a/b\", \"number\": \"12x\", \"title\": \"t\"}\n";
    assertRefusedAndUnchanged(
        "bad.jsonl", lines.getBytes(StandardCharsets.UTF_8), "bad.jsonl:4", "number");
  }

  @Test
  void csvWithUnbalancedQuoteIsRefusedAndChangesNothing() throws Exception {
    String csv = "repo,number,title,body\na/b,1,ok,fine\na/b,2,\"oops,body\na/b,3,x,y\n";
    assertRefusedAndUnchanged(
        "bad.csv", csv.getBytes(StandardCharsets.UTF_8), "bad.csv:3", "unbalanced quote");
  }

  @Test
  void fileThatIsNotUtf8IsRefusedAndChangesNothing() throws Exception {
    byte[] latin1 =
        "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t\"}\n{\"repo\": \"a/b\", \"number\": 2, \"title\": \"na\u00efve\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertRefusedAndUnchanged("latin1.jsonl", latin1, "latin1.jsonl:2", "UTF-8");
  }

  @Test
  void aSingleIssueIsCountedInTheSingular() throws Exception {
    Path file = TestIssues.write(dir, "one.jsonl", TestIssues.jsonl(issues.subList(0, 1)));
    Cli.Result r = Cli.run("import", file.toString(), "--db", db);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("1 issue: 1 new, 0 updated, 0 unchanged; 0 pull requests");
    Cli.Result listed = Cli.run("issues", "--db", db);
    assertThat(listed.out().strip()).endsWith("\n1 issue");
  }

  @Test
  void aDirectoryIsRefusedAsADirectoryWithTheFilesToGiveInstead() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("dumps"));
    Cli.Result r = Cli.run("import", folder.toString(), "--db", db);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine())
        .startsWith("error: " + folder)
        .contains("is a directory")
        .contains(folder.resolve("*.jsonl").toString())
        .doesNotContain("no such file");
    Cli.Result decisions = Cli.run("annotations", "import", "--db", db, folder.toString());
    assertThat(decisions.code()).isEqualTo(1);
    assertThat(decisions.errorLine())
        .startsWith("error: " + folder)
        .contains("is a directory")
        .contains(folder.resolve("*.jsonl").toString());
  }

  @Test
  void aBinaryFileIsRefusedAsBinaryWithTheAcceptedFormats() throws Exception {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0
    };
    assertRefusedAndUnchanged(
        "chart.png", png, "chart.png:1", "binary file", "JSONL", "CSV", "gh issue list");
    byte[] gz = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xCB, 0x48};
    assertRefusedAndUnchanged("dump.jsonl.gz", gz, "dump.jsonl.gz:1", "binary file");
  }

  @Test
  void outsideLabelsBecomeARunFromAFieldOrAPredictionsFile() throws Exception {
    String lines =
        "{\"repo\": \"a/b\", \"number\": 1, \"title\": \"t1\", \"cls\": [\"gpu\", \"memory\"]}\n"
            + "{\"repo\": \"a/b\", \"number\": 2, \"title\": \"t2\", \"cls\": []}\n";
    Path file = TestIssues.write(dir, "p.jsonl", lines);
    Cli.Result r =
        Cli.run(
            "import",
            file.toString(),
            "--db",
            db,
            "--label-field",
            "cls",
            "--run",
            "outside",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("predicted_issues").asInt()).isEqualTo(2);
    Cli.Result listed = Cli.run("issues", "--db", db, "--run", "outside", "--format", "jsonl");
    List<JsonNode> rows =
        listed
            .out()
            .lines()
            .map(
                l -> {
                  try {
                    return JSON.readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(rows.get(0).get("predicted").get("category").toString())
        .isEqualTo("[\"gpu\",\"memory\"]");
    assertThat(rows.get(0).get("primary").asText()).isEqualTo("gpu");
    assertThat(rows.get(1).get("predicted").get("category").size()).isZero();
    assertThat(rows.get(1).get("primary").asText()).isEqualTo("other");

    Path predictions =
        TestIssues.write(dir, "pred.csv", "repo,number,label\na/b,1,crash\na/b,2,api\na/b,2,gpu\n");
    Cli.Result p = Cli.run("import", predictions.toString(), "--db", db, "--run", "csv-run");
    assertThat(p.code()).as(p.err()).isZero();
    Cli.Result where =
        Cli.run(
            "issues",
            "--db",
            db,
            "--run",
            "csv-run",
            "--where",
            "predicted = gpu",
            "--format",
            "csv");
    assertThat(where.out().lines().skip(1)).singleElement().asString().startsWith("a/b,2,");

    Path unknown = TestIssues.write(dir, "pred2.csv", "repo,number,label\na/b,99,crash\n");
    Cli.Result u = Cli.run("import", unknown.toString(), "--db", db, "--run", "csv-run2");
    assertThat(u.code()).isEqualTo(1);
    assertThat(u.errorLine()).contains("pred2.csv:2").contains("a/b#99");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Cli.Result r = Cli.run("import", "--db", db);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errorLine()).startsWith("error: ");
    Cli.Result f = Cli.run("issues", "--db", db, "--format", "yaml");
    assertThat(f.code()).isEqualTo(2);
    assertThat(f.errorLine()).startsWith("error: ").contains("--format");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : List.of("init", "import", "issues", "demo", "gui")) {
      Cli.Result r = Cli.run(cmd, "--help");
      assertThat(r.code()).as(cmd).isZero();
      assertThat(r.out()).contains("Usage: labellens " + cmd);
    }
  }

  @Test
  void searchFindsIssuesByBodyWords() throws Exception {
    importJson(TestIssues.write(dir, "dump.jsonl", TestIssues.jsonl(issues)).toString());
    Cli.Result r =
        Cli.run(
            "issues", "--db", db, "--where", "text ~ \"tried to allocate\"", "--format", "jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    long expected =
        issues.stream()
            .filter(i -> (i.title() + " " + i.body()).contains("tried to allocate"))
            .count();
    assertThat(r.out().lines().count()).isEqualTo(expected).isPositive();
    Cli.Result injection =
        Cli.run("issues", "--db", db, "--where", "title ~ \"'; DROP TABLE issue; --\"");
    assertThat(injection.code()).isZero();
    assertThat(snapshot().lines()).hasSize(60);
  }
}
