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
import org.labellens.core.model.Issue;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.TestIssues;

/** Upserts into empty and non-empty projects, and projects whose hashes an older build wrote. */
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
          try (IssueStore.Upserter up = IssueStore.upserter(tx, now)) {
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
    assertThat(column("SELECT DISTINCT substr(content_hash, 1, 3) FROM issue"))
        .containsExactly(IssueStore.HASH_PREFIX);
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
      assertThat(db.read(tx -> IssueStore.find(tx, i.key())).orElseThrow()).isEqualTo(i);
    }
    assertThat(column("SELECT DISTINCT typeof(title) || typeof(body) FROM issue"))
        .containsExactly("texttext");
    // changing one of them is seen as an update and stored exactly too
    Issue changed = retitled(issues.get(4), "中文 😀 changed");
    assertThat(upsert(List.of(changed), LATER)).containsExactly(IssueStore.Outcome.UPDATED);
    assertThat(db.read(tx -> IssueStore.find(tx, changed.key())).orElseThrow()).isEqualTo(changed);
    assertThat(column("SELECT count(*) FROM issue WHERE title = '中文 😀 changed'"))
        .containsExactly("1");
  }

  /** An issue with text of every UTF-8 length, to pin the stored hash forms on. */
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

  /**
   * Hashes are stored in projects, so their values are pinned: the current form (computed once by
   * this build), and the {@code m3:} form, whose values here are what the build that wrote it
   * stored for the same issues (so that such projects keep re-importing as unchanged).
   */
  @Test
  void contentHashesOfKnownIssuesStayTheSame() {
    Issue empty =
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
    assertThat(IssueStore.contentHash(KNOWN)).isEqualTo("u8:db7b50c52e6a8f3ad079b17473df7d1d");
    assertThat(IssueStore.contentHash(empty)).isEqualTo("u8:dc89e842914eddc99e4386262604e671");
    assertThat(IssueStore.m3ContentHash(KNOWN)).isEqualTo("m3:105a2d62d9c141f856f9db101f81f3c2");
    assertThat(IssueStore.m3ContentHash(empty)).isEqualTo("m3:77f123aca3dbd2cec62373f8e43317b3");
    // the hash of the stored form is that of the issue
    assertThat(
            IssueStore.contentHash(
                org.labellens.core.model.Utf8Issue.of(KNOWN), new org.labellens.core.Hash128()))
        .isEqualTo(IssueStore.contentHash(KNOWN));
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

  @Test
  void aProjectHoldingM3HashesReimportsAsUnchangedAndDetectsChanges() {
    List<Issue> issues = new ArrayList<>(TestIssues.make(30, 21));
    issues.add(KNOWN);
    upsert(issues, NOW);
    // play the build before: its hashes in place of the new ones
    List<String> m3 = issues.stream().map(IssueStore::m3ContentHash).toList();
    setHashes(issues, m3);
    assertThat(IssueStore.isLegacyHash(m3.get(0))).isFalse();

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
    assertThat(column("SELECT count(*) FROM issue WHERE updated_at = '" + LATER + "'"))
        .containsExactly("2");
    assertThat(column("SELECT DISTINCT substr(content_hash, 1, 3) FROM issue"))
        .containsExactly(IssueStore.HASH_PREFIX);
    for (Issue i : again) {
      assertThat(db.read(tx -> IssueStore.find(tx, i.key())).orElseThrow()).isEqualTo(i);
    }
    assertThat(upsert(again, LATER)).containsOnly(IssueStore.Outcome.UNCHANGED);
  }

  /** The content hash as builds before the 128-bit hash wrote it, restated independently. */
  private static String oldSha256(Issue issue) throws Exception {
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

  @Test
  void aProjectHoldingOldSha256HashesReimportsAsUnchangedAndDetectsChanges() throws Exception {
    List<Issue> issues = TestIssues.make(30, 13);
    upsert(issues, NOW);
    // play the older build: its hashes in place of the new ones
    List<String> old = new ArrayList<>();
    for (Issue i : issues) {
      old.add(oldSha256(i));
    }
    db.write(
        tx ->
            tx.jdbc(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "UPDATE issue SET content_hash = ? WHERE repo = ? AND number = ?")) {
                    for (int k = 0; k < issues.size(); k++) {
                      ps.setString(1, old.get(k));
                      ps.setString(2, issues.get(k).repo());
                      ps.setInt(3, issues.get(k).number());
                      ps.executeUpdate();
                    }
                  }
                  return null;
                }));
    assertThat(IssueStore.isLegacyHash(old.get(0))).isTrue();
    assertThat(IssueStore.legacyContentHash(issues.get(0))).isEqualTo(old.get(0));

    List<Issue> again = new ArrayList<>(issues);
    again.set(4, retitled(issues.get(4), issues.get(4).title() + "!"));
    List<IssueStore.Outcome> outcomes = upsert(again, LATER);

    for (int k = 0; k < again.size(); k++) {
      assertThat(outcomes.get(k))
          .as("issue %d", k)
          .isEqualTo(k == 4 ? IssueStore.Outcome.UPDATED : IssueStore.Outcome.UNCHANGED);
    }
    // unchanged issues keep their update time; every hash is now in the new form
    assertThat(column("SELECT count(*) FROM issue WHERE updated_at = '" + LATER + "'"))
        .containsExactly("1");
    assertThat(column("SELECT DISTINCT substr(content_hash, 1, 3) FROM issue"))
        .containsExactly(IssueStore.HASH_PREFIX);
    assertThat(upsert(again, LATER)).containsOnly(IssueStore.Outcome.UNCHANGED);
  }
}
