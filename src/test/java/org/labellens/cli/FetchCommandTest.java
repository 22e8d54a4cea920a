package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.testing.ChildJvm;
import org.labellens.testing.Cli;
import org.labellens.testing.FakeGithub;

/** {@code labellens fetch} as a person runs it, against a local server answering like GitHub. */
class FetchCommandTest {
  private static final String REPO = "vllm-project/vllm";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private FakeGithub server;

  @BeforeEach
  void start() {
    server =
        new FakeGithub()
            .repo(REPO, getClass().getResourceAsStream("/org/labellens/fetch/vllm-issues.json"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String init(String name) {
    String db = dir.resolve(name).toString();
    assertThat(Cli.run("init", "--db", db).code()).isZero();
    return db;
  }

  @Test
  void fetchShowsEachPageAndSummarisesLikeImport() throws Exception {
    String db = init("p.db");
    Cli.Result r = Cli.run("fetch", REPO, "--db", db, "--api-url", server.url());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("14 issues: 14 new, 0 updated, 0 unchanged; 5 pull requests skipped\n")
        .contains("  vLLM             14\n")
        .contains("vllm-project/vllm: 14 new, 0 updated, 0 unchanged");
    assertThat(r.err()).contains("vllm-project/vllm: page 1/4: 2 new, 0 updated, 0 unchanged");
    Cli.Result again =
        Cli.run("fetch", REPO, "--db", db, "--api-url", server.url() + "/", "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode json = JSON.readTree(again.out());
    assertThat(json.get("new").asInt()).isZero();
    assertThat(json.get("updated").asInt()).isZero();
    assertThat(json.get("requests").asInt()).isEqualTo(json.get("not_modified").asInt());
    // the fetched issues are the project's issues, listed like imported ones
    Cli.Result listed = Cli.run("issues", "--db", db, "--format", "jsonl");
    assertThat(listed.out().lines()).hasSize(14);
  }

  @Test
  void aMissingRepositoryIsAnErrorNamingItAndExitsOne() {
    String db = init("p.db");
    Cli.Result r = Cli.run("fetch", "nobody/nothing", "--db", db, "--api-url", server.url());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errorLine()).contains("error: nobody/nothing: not found at " + server.url());
    Cli.Result bad = Cli.run("fetch", REPO, "--db", db, "--api-url", "ftp://example.org");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.errorLine()).contains("--api-url 'ftp://example.org' is not an http(s) URL");
  }

  /**
   * A fetch killed (SIGKILL) while it waits for a page, and run again, ends with the project an
   * uninterrupted fetch makes; the second run starts at the page the first never got.
   */
  @Test
  void aKilledFetchRunAgainGivesTheSameProject() throws Exception {
    String whole = init("whole.db");
    assertThat(Cli.run("fetch", REPO, "--db", whole, "--api-url", server.url()).code()).isZero();
    String killed = init("killed.db");
    server.fault("page=3", FakeGithub.Fault.HANG);
    try (ChildJvm child =
        ChildJvm.start("fetch", REPO, "--db", killed, "--api-url", server.url())) {
      assertThat(server.awaitHang(120)).as(child.err()).isTrue();
      child.kill();
      child.endsWithin(10_000);
    }
    assertThat(rows(killed)).hasSizeBetween(1, 13);
    server.clearLog();
    Cli.Result again = Cli.run("fetch", REPO, "--db", killed, "--api-url", server.url());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("resuming the fetch interrupted at page 3");
    assertThat(again.out())
        .startsWith("14 issues: 14 new, 0 updated, 0 unchanged; 5 pull requests skipped");
    assertThat(server.log().get(0).pathAndQuery()).contains("page=3");
    assertThat(rows(killed)).isEqualTo(rows(whole));
  }

  private static List<String> rows(String db) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT repo, number, framework, title, body, labels, state, created_at,"
                    + " closed_at, url, author, comments, content_hash FROM issue"
                    + " ORDER BY number")) {
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 13; i++) {
          sb.append(rs.getString(i)).append('|');
        }
        rows.add(sb.toString());
      }
    }
    return rows;
  }
}
