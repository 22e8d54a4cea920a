package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.ContentHash;
import org.labellens.core.model.Issue;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.TestIssues;

/** Upserts into empty and non-empty projects, and into projects whose issues have no hash. */
class IssueUpsertTest {
  private static final String NOW = "2025-01-01T00:00:00Z";
  private static final String LATER = "2025-02-01T00:00:00Z";
  private Path dir;
  private Database db;

  @BeforeEach
  void create() throws IOException {
    dir = FastTempDir.create("upsert");
    db = Database.create(dir.resolve("p.db"));
  }

  @AfterEach
  void remove() throws IOException {
    db.close();
    FastTempDir.delete(dir);
  }

  private List<IssueStore.Outcome> upsert(List<Issue> issues, String now) {
    return db.write(
        tx -> {
          List<IssueStore.Outcome> out = new ArrayList<>();
          try (IssueStore.Upserter up = new Repositories(db).issues().upserter(tx, now)) {
            issues.forEach(i -> out.add(up.upsert(i)));
          }
          return out;
        });
  }

  private static Issue retitled(Issue i, String title) {
    return new Issue(
        i.repo(),
        i.number(),
        i.framework(),
        title,
        i.body(),
        i.labels(),
        i.state(),
        i.createdAt(),
        i.closedAt(),
        i.url(),
        i.author(),
        i.comments());
  }

  private List<String> column(String sql) {
    return db.read(
        tx ->
            tx.jdbc(
                c -> {
                  List<String> out = new ArrayList<>();
                  try (Statement s = c.createStatement();
                      ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                      out.add(rs.getString(1));
                    }
                  }
                  return out;
                }));
  }

  @Test
  void intoAnEmptyProjectEveryIssueIsNewAndQueuedAndARepeatedKeyIsMatchedNotDuplicated() {
    List<Issue> issues = TestIssues.make(40, 5);
    List<Issue> input = new ArrayList<>(issues);
    input.add(issues.get(3)); // the same issue again in the same import
    input.add(retitled(issues.get(7), "a new title")); // the same key, changed
    List<IssueStore.Outcome> outcomes = upsert(input, NOW);

    assertThat(outcomes.subList(0, 40)).containsOnly(IssueStore.Outcome.NEW);
    assertThat(outcomes.subList(40, 42))
        .containsExactly(IssueStore.Outcome.UNCHANGED, IssueStore.Outcome.UPDATED);
    assertThat(column("SELECT count(*) FROM issue")).containsExactly("40");
    assertThat(column("SELECT title FROM issue WHERE number = " + issues.get(7).number()))
        .containsExactly("a new title");
    assertThat(column("SELECT issue_id FROM issue_search_pending ORDER BY issue_id"))
        .isEqualTo(column("SELECT id FROM issue ORDER BY id"));
    assertThat(column("SELECT content_hash FROM issue")).allMatch(ContentHash::isHash);
  }

  @Test
  void intoAProjectWithIssuesNewOnesFollowTheLargestIdAndOnlyTheyAreQueued() {
    List<Issue> issues = TestIssues.make(60, 9);
    upsert(issues.subList(0, 30), NOW);
    db.write(
        tx ->
            tx.jdbc(
                c -> {
                  try (Statement s = c.createStatement()) {
                    s.execute("DELETE FROM issue_search_pending");
                    s.execute("DELETE FROM issue WHERE id = 30"); // a gap at the end
                  }
                  return null;
                }));
    List<IssueStore.Outcome> outcomes = upsert(issues, LATER);

    assertThat(outcomes.subList(0, 29)).containsOnly(IssueStore.Outcome.UNCHANGED);
    assertThat(outcomes.subList(29, 60)).containsOnly(IssueStore.Outcome.NEW);
    assertThat(
            column(
                "SELECT min(id) || '-' || max(id) FROM issue WHERE imported_at = '" + LATER + "'"))
        .containsExactly("30-60");
    assertThat(column("SELECT count(*) FROM issue_search_pending WHERE issue_id BETWEEN 30 AND 60"))
        .containsExactly("31");
    assertThat(column("SELECT count(*) FROM issue_search_pending")).containsExactly("31");
  }

  @Test
  void titlesAndBodiesComeBackExactlyAsTheyWereGivenWhateverTheirCharacters() {
    Issue base = TestIssues.make(1, 2).get(0);
    List<String> texts =
        List.of("", "plain", "nul \0 inside\0", "é ü ß — “quotes”", "中文 😀 emoji 𝔘", "\r\n\t");
    List<Issue> issues = new ArrayList<>();
    for (int k = 0; k < texts.size(); k++) {
      Issue i = retitled(base, texts.get(k));
      issues.add(
          new Issue(
              i.repo(),
              i.number() + k,
              i.framework(),
              i.title(),
              texts.get(texts.size() - 1 - k),
              i.labels(),
              i.state(),
              i.createdAt(),
              i.closedAt(),
              i.url(),
              i.author(),
              i.comments()));
    }
    upsert(issues, NOW);
    for (Issue i : issues) {
      assertThat(db.read(tx -> new Repositories(db).issues().find(tx, i.key())).orElseThrow())
          .isEqualTo(i);
    }
    assertThat(column("SELECT DISTINCT typeof(title) || typeof(body) FROM issue"))
        .containsExactly("texttext");
    // changing one of them is seen as an update and stored exactly too
    Issue changed = retitled(issues.get(4), "中文 😀 changed");
    assertThat(upsert(List.of(changed), LATER)).containsExactly(IssueStore.Outcome.UPDATED);
    assertThat(db.read(tx -> new Repositories(db).issues().find(tx, changed.key())).orElseThrow())
        .isEqualTo(changed);
    assertThat(column("SELECT count(*) FROM issue WHERE title = '中文 😀 changed'"))
        .containsExactly("1");
  }

  /** An issue with text of every UTF-8 length, to pin the stored hash on. */
  private static final Issue KNOWN =
      new Issue(
          "vllm-project/vllm",
          4242,
          "vLLM",
          "CUDA error: out of memory 😀",
          "Steps:\n1. run `vllm serve`\r\n2. see — “OOM” 中文 𝔘",
          List.of("bug", "good first issue"),
          "closed",
          "2024-07-08T02:40:38Z",
          null,
          "https://github.com/vllm-project/vllm/issues/4242",
          "someone",
          3);

  private static final Issue EMPTY =
      new Issue(
          "ggml-org/llama.cpp",
          1,
          "llama.cpp",
          "",
          "",
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null);

  /** The content hash restated independently: SHA-256 over the fields' bytes assembled here. */
  private static String sha256(Issue issue) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    StringBuilder labels = new StringBuilder("[");
    for (String l : issue.labels()) {
      labels.append(labels.length() > 1 ? "," : "").append('"').append(l).append('"');
    }
    labels.append(']');
    String[] fields = {
      issue.framework(),
      issue.title(),
      issue.body(),
      labels.toString(),
      issue.state(),
      issue.createdAt(),
      issue.closedAt(),
      issue.url(),
      issue.author(),
      issue.comments() == null ? null : issue.comments().toString()
    };
    for (String f : fields) {
      if (f == null) {
        md.update((byte) 0);
      } else {
        byte[] b = f.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(
            new byte[] {
              (byte) (b.length >>> 24),
              (byte) (b.length >>> 16),
              (byte) (b.length >>> 8),
              (byte) b.length
            });
        md.update(b);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Hashes are stored in projects, so their values are pinned: each is SHA-256 of the documented
   * encoding of the issue's fields, computed outside Java from the same bytes (and what earlier
   * builds that wrote SHA-256 stored for the same issues).
   */
  @Test
  void contentHashesOfKnownIssuesStayTheSame() throws Exception {
    assertThat(IssueStore.contentHash(KNOWN))
        .isEqualTo(sha256(KNOWN))
        .isEqualTo("49938a5fd71e3a3429ed29026fd2a966b90aa7a74057ea4dcf13f240170927c8");
    assertThat(IssueStore.contentHash(EMPTY))
        .isEqualTo(sha256(EMPTY))
        .isEqualTo("9516df42c2093772286449bfc15cc9efbdad27441d7b5d67bfe87f2983d85a52");
  }

  @Test
  void storedHashesAreTheContentHashesOfTheIssues() throws Exception {
    List<Issue> issues = new ArrayList<>(TestIssues.make(20, 4));
    issues.add(KNOWN);
    issues.add(EMPTY);
    upsert(issues, NOW);
    for (Issue i : issues) {
      assertThat(
              column(
                  "SELECT content_hash FROM issue WHERE repo = '"
                      + i.repo()
                      + "' AND number = "
                      + i.number()))
          .containsExactly(sha256(i));
    }
  }

  private void setHashes(List<Issue> issues, List<String> hashes) {
    db.write(
        tx ->
            tx.jdbc(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE issue SET content_hash = ? WHERE repo = ? AND number = ?")) {
                    for (int k = 0; k < issues.size(); k++) {
                      ps.setString(1, hashes.get(k));
                      ps.setString(2, issues.get(k).repo());
                      ps.setInt(3, issues.get(k).number());
                      assertThat(ps.executeUpdate()).isEqualTo(1);
                    }
                  }
                  return null;
                }));
  }

  /**
   * The upgrade to schema version 4 clears hashes of the forms before: such an issue is compared by
   * its stored content, hashed at the next import, and gets its hash then.
   */
  @Test
  void issuesWithoutAHashAreComparedByTheirStoredContent() throws Exception {
    List<Issue> issues = new ArrayList<>(TestIssues.make(30, 21));
    issues.add(KNOWN);
    issues.add(EMPTY);
    upsert(issues, NOW);
    setHashes(issues, issues.stream().map(i -> "").toList());

    List<Issue> again = new ArrayList<>(issues);
    again.set(4, retitled(issues.get(4), issues.get(4).title() + "!"));
    Issue known = again.get(30);
    again.set(
        30,
        new Issue(
            known.repo(),
            known.number(),
            known.framework(),
            known.title(),
            known.body().replace("𝔘", "𝔙"), // one code point inside a pair
            known.labels(),
            known.state(),
            known.createdAt(),
            known.closedAt(),
            known.url(),
            known.author(),
            known.comments()));
    List<IssueStore.Outcome> outcomes = upsert(again, LATER);

    for (int k = 0; k < again.size(); k++) {
      assertThat(outcomes.get(k))
          .as("issue %d", k)
          .isEqualTo(k == 4 || k == 30 ? IssueStore.Outcome.UPDATED : IssueStore.Outcome.UNCHANGED);
    }
    // unchanged issues keep their update time; every issue has its hash again
    assertThat(column("SELECT count(*) FROM issue WHERE updated_at = '" + LATER + "'"))
        .containsExactly("2");
    for (Issue i : again) {
      assertThat(db.read(tx -> new Repositories(db).issues().find(tx, i.key())).orElseThrow())
          .isEqualTo(i);
    }
    List<String> expected = new ArrayList<>();
    for (Issue i : again) {
      expected.add(sha256(i));
    }
    assertThat(column("SELECT content_hash FROM issue ORDER BY id")).isEqualTo(expected);
    assertThat(upsert(again, LATER)).containsOnly(IssueStore.Outcome.UNCHANGED);
  }

  @Test
  void aStoredHashOfNoKnownFormWithChangedContentIsAnUpdate() {
    List<Issue> issues = TestIssues.make(3, 8);
    upsert(issues, NOW);
    setHashes(issues, List.of("u8:db7b50c52e6a8f3ad079b17473df7d1d", "m3:x", "garbage"));
    List<Issue> again = issues.stream().map(i -> retitled(i, i.title() + " (edited)")).toList();
    assertThat(upsert(again, LATER)).containsOnly(IssueStore.Outcome.UPDATED);
    assertThat(upsert(issues, LATER)).containsOnly(IssueStore.Outcome.UPDATED);
    assertThat(upsert(issues, LATER)).containsOnly(IssueStore.Outcome.UNCHANGED);
  }
}
