package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.GithubClient;
import org.labellens.store.Repositories;
import org.labellens.store.StoreProbe;
import org.labellens.testing.FakeGithub;
import org.labellens.testing.FakeGithub.Fault;

/**
 * {@code fetch} against a local server answering like GitHub, with the fixture's real issues and
 * pull requests: the project ends with exactly the source's issues, through rate limits, failures,
 * interruptions and later runs.
 */
class FetchServiceTest {
  static final String REPO = "vllm-project/vllm";
  private static final String FIXTURE = "/org/labellens/fetch/vllm-issues.json";
  private static final String ISSUE_ROWS =
      "SELECT repo, number, framework, title, body, labels, state, created_at, closed_at, url,"
          + " author, comments, content_hash FROM issue ORDER BY repo, number";

  @TempDir Path dir;
  private FakeGithub server;
  private final FakeClock clock = new FakeClock();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<String> shown = Collections.synchronizedList(new ArrayList<>());

  /** Time that passes only when slept, and the sleeps asked for. */
  static final class FakeClock implements GithubClient.Clock {
    Instant now = Instant.now();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized Instant now() {
      return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
      sleeps.add(d);
      now = now.plus(d);
    }

    long sleptSeconds() {
      return sleeps.stream().mapToLong(Duration::toMillis).sum() / 1000;
    }
  }

  @BeforeEach
  void start() {
    server = new FakeGithub().repo(REPO, fixture());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static InputStream fixture() {
    return FetchServiceTest.class.getResourceAsStream(FIXTURE);
  }

  private Project project(String name) {
    return Project.create(dir.resolve(name + ".db"));
  }

  private FetchRequest request(boolean comments) {
    return new FetchRequest(
        List.of(REPO), null, "all", List.of(), null, comments, server.url(), GithubToken.NONE);
  }

  private FetchResult fetch(Project p, FetchRequest request) {
    return fetch(p, request, new Cancellation());
  }

  private FetchResult fetch(Project p, FetchRequest request, Cancellation cancellation) {
    return new FetchService(new Repositories(p.database()), clock)
        .fetch(request, (m, d, t) -> shown.add(m), log::add, cancellation);
  }

  private static List<String> issueRows(Project p) {
    return StoreProbe.rows(p.database(), ISSUE_ROWS);
  }

  /** The same fixture imported as a file: what the project must hold. */
  private List<String> importedRows() throws Exception {
    Path file = dir.resolve("vllm-issues.json");
    try (InputStream in = fixture()) {
      Files.copy(in, file);
    }
    try (Project p = project("imported")) {
      ImportResult r =
          p.imports()
              .importFiles(
                  List.of(file),
                  new ImportRequest(null, null, IssueFormat.AUTO, null, null),
                  Progress.NONE,
                  new Cancellation());
      assertThat(r.newIssues()).isEqualTo(14);
      assertThat(r.pullRequestsSkipped()).isEqualTo(5);
      return issueRows(p);
    }
  }

  @Test
  void fetchedIssuesAreExactlyTheSourcesIssuesAsAnImportOfTheSameJson() throws Exception {
    List<String> expected = importedRows();
    try (Project p = project("fetched")) {
      FetchResult r = fetch(p, request(false));
      assertThat(issueRows(p)).containsExactlyElementsOf(expected);
      assertThat(r.newIssues()).isEqualTo(14);
      assertThat(r.updated()).isZero();
      assertThat(r.unchanged()).isZero();
      assertThat(r.pullRequestsSkipped()).isEqualTo(5);
      assertThat(r.byFramework()).containsEntry("vLLM", 14);
      // every issue knows where and when it was fetched
      assertThat(
              StoreProbe.count(
                  p.database(),
                  "SELECT count(*) FROM issue_source WHERE source_url LIKE '"
                      + server.url()
                      + "/repos/vllm-project/vllm/issues?%' AND fetched_at <> ''"
                      + " AND remote_updated_at IS NOT NULL"))
          .isEqualTo(14);
      assertThat(
              StoreProbe.rows(
                  p.database(),
                  "SELECT new_count, updated_count, unchanged_count, pull_requests_skipped, format"
                      + " FROM import_batch"))
          .containsExactly("14|0|0|5|github-api|");
    }
    // pages of 5: Link followed to the end; no pull request stored
    assertThat(server.log().stream().filter(r -> r.pathAndQuery().contains("page=4"))).hasSize(1);
  }

  @Test
  void rateLimitsAndFailuresAreWaitedOutWithACountdownAndChangeNothing() throws Exception {
    List<String> expected = importedRows();
    server.fault("page=2", Fault.SECONDARY_403);
    server.fault("page=3", Fault.TOO_MANY_429);
    server.fault("page=4", Fault.BAD_GATEWAY_502);
    // the JDK client retries a dropped GET once by itself: two drops reach fetch's own retry
    server.fault("page=2", Fault.DROP);
    server.fault("page=2", Fault.DROP);
    try (Project p = project("fetched")) {
      FetchResult r = fetch(p, request(false));
      assertThat(issueRows(p)).containsExactlyElementsOf(expected);
      assertThat(r.newIssues()).isEqualTo(14);
    }
    // a minute for the secondary limit, Retry-After's second, doubling pauses for the 502 and the
    // drop
    assertThat(clock.sleeps).contains(Duration.ofSeconds(1));
    assertThat(clock.sleptSeconds()).isBetween(60L + 1 + 1 + 1, 60L + 1 + 1 + 2 + 2);
    assertThat(shown).anyMatch(m -> m.contains("secondary rate limit") && m.contains("60 s left"));
    assertThat(shown).anyMatch(m -> m.contains("secondary rate limit") && m.contains(" 1 s left"));
    assertThat(shown).anyMatch(m -> m.contains("Retry-After"));
    assertThat(shown).anyMatch(m -> m.contains("HTTP 502"));
    assertThat(shown).anyMatch(m -> m.contains("connection failed"));
    assertThat(log).anyMatch(l -> l.contains("secondary rate limit") && l.contains("waiting 60 s"));
    assertThat(server.log().stream().map(FakeGithub.Request::status)).contains(403, 429, 502, -1);
  }

  /**
   * Issues edited while a pass runs move in the listing (it is sorted by update): an edited issue
   * of a page already fetched, and one of a page not yet fetched, and a new issue; none is missed,
   * and each ends with its newest text.
   */
  @Test
  void issuesEditedOrAddedWhileAPassRunsAreAllFetched() throws Exception {
    List<Integer> numbers =
        server.items(REPO).stream()
            .filter(n -> !n.has("pull_request"))
            .sorted(
                java.util.Comparator.comparing(
                    (com.fasterxml.jackson.databind.node.ObjectNode n) ->
                        n.path("updated_at").asText()))
            .map(n -> n.path("number").asInt())
            .toList();
    int newest = numbers.get(numbers.size() - 1);
    int oldest = numbers.get(0);
    server.whenAsked(
        "page=2",
        () -> {
          server.edit(REPO, newest, "2031-01-01T00:00:00Z", n -> n.put("title", "edited A"));
          server.edit(REPO, oldest, "2031-01-01T00:00:01Z", n -> n.put("title", "edited B"));
          var added = server.items(REPO).get(0).deepCopy();
          added.put("number", 5000);
          added.put("title", "opened while fetching");
          added.put("updated_at", "2031-01-01T00:00:02Z");
          server.items(REPO).add(added);
        });
    try (Project p = project("fetched")) {
      FetchResult r = fetch(p, request(false));
      assertThat(StoreProbe.count(p.database(), "SELECT count(*) FROM issue")).isEqualTo(15);
      assertThat(
              StoreProbe.rows(
                  p.database(),
                  "SELECT title FROM issue WHERE number IN ("
                      + newest
                      + ", "
                      + oldest
                      + ", 5000)"
                      + " ORDER BY updated_at, number"))
          .containsExactlyInAnyOrder("edited A|", "edited B|", "opened while fetching|");
      assertThat(r.newIssues()).isEqualTo(15);
      assertThat(r.updated()).isZero();
      assertThat(r.total()).isEqualTo(15);
    }
  }

  @Test
  void aUsedUpLimitWaitsUntilItsReset() {
    server.fault("page=1", Fault.LIMIT_USED_UP);
    try (Project p = project("fetched")) {
      clock.now = Instant.now();
      fetch(p, request(false));
      assertThat(issueRows(p)).hasSize(14);
    }
    // the server resets 30 s after the used-up answer (its own clock)
    assertThat(clock.sleptSeconds()).isBetween(28L, 32L);
    assertThat(log).anyMatch(l -> l.contains("rate limit used up"));
  }

  @Test
  void aSecondRunWithNothingChangedMakesOnlyConditionalRequests() {
    server.comments(REPO, 42, comments(3));
    try (Project p = project("fetched")) {
      fetch(p, request(true));
      List<String> before = issueRows(p);
      List<String> comments =
          StoreProbe.rows(p.database(), "SELECT * FROM issue_comment ORDER BY 1, 3");
      server.clearLog();
      FetchResult second = fetch(p, request(true));
      assertThat(server.log()).isNotEmpty();
      assertThat(server.log()).allMatch(FakeGithub.Request::conditional);
      assertThat(server.log()).allMatch(r -> r.status() == 304);
      assertThat(second.newIssues()).isZero();
      assertThat(second.updated()).isZero();
      assertThat(second.unchanged()).isPositive();
      assertThat(second.notModified()).isEqualTo(server.log().size());
      assertThat(issueRows(p)).isEqualTo(before);
      assertThat(StoreProbe.rows(p.database(), "SELECT * FROM issue_comment ORDER BY 1, 3"))
          .isEqualTo(comments);
    }
  }

  @Test
  void aLaterRunAsksOnlyForUpdatesAndCountsThemLikeAnImport() {
    try (Project p = project("fetched")) {
      fetch(p, request(false));
      server.edit(REPO, 44, "2030-01-01T00:00:00Z", n -> n.put("title", "A new title"));
      server.clearLog();
      FetchResult later = fetch(p, request(false));
      assertThat(later.updated()).isEqualTo(1);
      assertThat(later.newIssues()).isZero();
      assertThat(server.log()).allMatch(r -> r.pathAndQuery().contains("since="));
      assertThat(StoreProbe.rows(p.database(), "SELECT title FROM issue WHERE number = 44"))
          .containsExactly("A new title|");
      assertThat(
              StoreProbe.rows(
                  p.database(),
                  "SELECT remote_updated_at FROM issue_source JOIN issue ON issue.id = issue_id"
                      + " WHERE number = 44"))
          .containsExactly("2030-01-01T00:00:00Z|");
    }
  }

  @Test
  void anInterruptedFetchResumesWhereItStoppedAndEndsWithTheSameProject() throws Exception {
    List<String> expected;
    List<String> expectedComments;
    server.comments(REPO, 42, comments(2));
    server.comments(REPO, 291, comments(1));
    try (Project p = project("whole")) {
      fetch(p, request(true));
      expected = issueRows(p);
      expectedComments = commentRows(p);
    }
    try (Project p = project("interrupted")) {
      // mid-page: the page is read, an issue's comments fail, nothing of that page is stored
      server.fault("issues/291/comments", Fault.ECHO_AUTHORIZATION_403);
      assertThatThrownBy(() -> fetch(p, request(true))).isInstanceOf(BadInputException.class);
      int stored = StoreProbe.count(p.database(), "SELECT count(*) FROM issue");
      assertThat(stored).isBetween(1, 13);
      // a Ctrl-C between pages
      Cancellation cancel = new Cancellation();
      log.clear();
      assertThatThrownBy(
              () ->
                  new FetchService(new Repositories(p.database()), clock)
                      .fetch(
                          request(true),
                          Progress.NONE,
                          line -> {
                            log.add(line);
                            if (line.contains(": page ")) {
                              cancel.cancel();
                            }
                          },
                          cancel))
          .isInstanceOf(CancellationException.class);
      assertThat(log).anyMatch(l -> l.contains("resuming"));
      server.clearLog();
      FetchResult resumed = fetch(p, request(true));
      assertThat(resumed.sources().get(0).resumed()).isTrue();
      // the pass's counts cover its pages before the interruption too
      assertThat(resumed.newIssues()).isEqualTo(14);
      assertThat(resumed.pullRequestsSkipped()).isEqualTo(5);
      assertThat(server.log().get(0).pathAndQuery()).contains("page=");
      assertThat(issueRows(p)).isEqualTo(expected);
      assertThat(commentRows(p)).isEqualTo(expectedComments);
    }
  }

  @Test
  void commentsAreStoredInGitHubsOrderAndReplacedWhenTheyChange() {
    server.comments(REPO, 42, comments(3));
    try (Project p = project("fetched")) {
      FetchResult r = fetch(p, request(true));
      assertThat(r.comments()).isEqualTo(3);
      assertThat(commentRows(p))
          .containsExactly(
              "42|1|someone-1|comment 1 with “quotes” and\r\nlines|",
              "42|2|someone-2|comment 2 with “quotes” and\r\nlines|",
              "42|3|someone-3|comment 3 with “quotes” and\r\nlines|");
      ArrayNode fewer = comments(3);
      fewer.remove(1);
      server.comments(REPO, 42, fewer);
      server.edit(REPO, 42, "2030-01-01T00:00:00Z", n -> n.put("comments", 2));
      fetch(p, request(true));
      assertThat(commentRows(p))
          .containsExactly(
              "42|1|someone-1|comment 1 with “quotes” and\r\nlines|",
              "42|2|someone-3|comment 3 with “quotes” and\r\nlines|");
    }
  }

  @Test
  void unauthorizedAndNotFoundStopWithAnErrorNamingTheRepository() {
    server.requireToken("right-token");
    try (Project p = project("fetched")) {
      FetchRequest wrong =
          new FetchRequest(
              List.of(REPO),
              null,
              "all",
              List.of(),
              null,
              false,
              server.url(),
              new GithubToken("wrong-token", "GH_TOKEN"));
      assertThatThrownBy(() -> fetch(p, wrong))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(REPO)
          .hasMessageContaining("401")
          .hasMessageContaining("Bad credentials")
          .hasMessageNotContaining("wrong-token");
      FetchRequest missing =
          new FetchRequest(
              List.of("no-such/repo"),
              null,
              "all",
              List.of(),
              null,
              false,
              server.url(),
              new GithubToken("right-token", "GH_TOKEN"));
      assertThatThrownBy(() -> fetch(p, missing))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("no-such/repo: not found")
          .hasMessageContaining("404");
      assertThat(StoreProbe.count(p.database(), "SELECT count(*) FROM issue")).isZero();
    }
  }

  @Test
  void theTokenAppearsInNoOutputLogErrorOrDatabase() throws Exception {
    String token = "ghp_SECRETtoken0123456789abcdefABCDEF";
    server.requireToken(token);
    server.comments(REPO, 42, comments(2));
    Path file = dir.resolve("fetched.db");
    List<String> everything = new ArrayList<>();
    FetchRequest request =
        new FetchRequest(
            List.of(REPO),
            null,
            "all",
            List.of(),
            null,
            true,
            server.url(),
            new GithubToken(token, "GH_TOKEN"));
    try (Project p = project("fetched")) {
      FetchResult r = fetch(p, request);
      everything.add(r.toString());
      server.fault("issues?", Fault.ECHO_AUTHORIZATION_403);
      server.edit(REPO, 44, "2030-01-01T00:00:00Z", n -> n.put("title", "changed"));
      try {
        fetch(p, request);
      } catch (BadInputException e) {
        everything.add(e.getMessage());
        everything.add(String.valueOf(e.getCause()));
      }
      everything.add(request.toString());
      everything.add(request.token().toString());
    }
    everything.addAll(log);
    everything.addAll(shown);
    assertThat(everything).anyMatch(s -> s.contains("Forbidden for Bearer [token]"));
    assertThat(everything).noneMatch(s -> s.contains(token));
    // sent, to the API host
    assertThat(server.log()).allMatch(r -> ("Bearer " + token).equals(r.authorization()));
    for (Path f : List.of(file, dir.resolve("fetched.db-wal"))) {
      if (Files.exists(f)) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(token);
      }
    }
  }

  @Test
  void aSearchReportsGitHubsLimitOnResultsAndFetchesTheRestFromTheNewestUpdate() {
    server.searchCap(4);
    try (Project p = project("fetched")) {
      FetchRequest search =
          new FetchRequest(
              List.of(REPO), null, "all", List.of(), "", false, server.url(), GithubToken.NONE);
      assertThatThrownBy(() -> fetch(p, search)).hasMessageContaining("--query is empty");
      FetchRequest all =
          new FetchRequest(
              List.of(REPO), null, "all", List.of(), "the", false, server.url(), GithubToken.NONE);
      FetchResult r = fetch(p, all);
      long matching =
          server.items(REPO).stream()
              .filter(n -> !n.has("pull_request"))
              .filter(
                  n ->
                      (n.path("title").asText() + " " + n.path("body").asText())
                          .toLowerCase(java.util.Locale.ROOT)
                          .contains("the"))
              .count();
      assertThat(matching).isGreaterThan(4);
      assertThat(r.sources().get(0).searchTotal()).isEqualTo(matching);
      assertThat(r.newIssues()).isEqualTo((int) matching);
      assertThat(StoreProbe.count(p.database(), "SELECT count(*) FROM issue"))
          .isEqualTo((int) matching);
      assertThat(r.notes()).anyMatch(n -> n.contains("matched " + matching) && n.contains("1,000"));
    }
    assertThat(server.log()).allMatch(r -> r.pathAndQuery().startsWith("/search/issues?q="));
  }

  @Test
  void labelsAndStateNarrowTheListing() {
    try (Project p = project("fetched")) {
      FetchRequest open =
          new FetchRequest(
              List.of(REPO), null, "open", List.of(), null, false, server.url(), GithubToken.NONE);
      FetchResult r = fetch(p, open);
      long expected =
          server.items(REPO).stream()
              .filter(n -> !n.has("pull_request") && n.path("state").asText().equals("open"))
              .count();
      assertThat((long) r.newIssues()).isEqualTo(expected);
      assertThat(StoreProbe.count(p.database(), "SELECT count(*) FROM issue WHERE state <> 'open'"))
          .isZero();
      assertThat(server.log().get(0).pathAndQuery()).contains("state=open");
    }
  }

  @Test
  void badSinceStateAndRepositoryAreRefusedBeforeAnyRequest() {
    try (Project p = project("fetched")) {
      assertThatThrownBy(
              () ->
                  fetch(
                      p,
                      new FetchRequest(
                          List.of(REPO),
                          "last week",
                          "all",
                          List.of(),
                          null,
                          false,
                          server.url(),
                          null)))
          .hasMessageContaining("--since 'last week'");
      assertThatThrownBy(
              () ->
                  fetch(
                      p,
                      new FetchRequest(
                          List.of(REPO),
                          null,
                          "merged",
                          List.of(),
                          null,
                          false,
                          server.url(),
                          null)))
          .hasMessageContaining("--state 'merged'");
      assertThatThrownBy(
              () ->
                  fetch(
                      p,
                      new FetchRequest(
                          List.of("just-a-name"),
                          null,
                          "all",
                          List.of(),
                          null,
                          false,
                          server.url(),
                          null)))
          .hasMessageContaining("OWNER/NAME");
    }
    assertThat(server.log()).isEmpty();
  }

  @Test
  void sinceAsksForIssuesUpdatedFromThatDay() {
    try (Project p = project("fetched")) {
      FetchResult r =
          fetch(
              p,
              new FetchRequest(
                  List.of(REPO), "2024-01-01", "all", List.of(), null, false, server.url(), null));
      long expected =
          server.items(REPO).stream()
              .filter(n -> !n.has("pull_request"))
              .filter(n -> n.path("updated_at").asText().compareTo("2024-01-01") >= 0)
              .count();
      assertThat((long) r.newIssues()).isEqualTo(expected);
      assertThat(server.log().get(0).pathAndQuery()).contains("since=2024-01-01T00%3A00%3A00Z");
    }
  }

  private static List<String> commentRows(Project p) {
    return StoreProbe.rows(
        p.database(),
        "SELECT i.number, c.position, c.author, c.body FROM issue_comment c"
            + " JOIN issue i ON i.id = c.issue_id ORDER BY i.number, c.position");
  }

  static ArrayNode comments(int n) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode list = json.createArrayNode();
    for (int i = 1; i <= n; i++) {
      var c = list.addObject();
      c.put("id", 500 + i);
      c.put("html_url", "https://github.com/vllm-project/vllm/issues/42#issuecomment-" + (500 + i));
      c.putObject("user").put("login", "someone-" + i);
      c.put("created_at", "2024-05-0" + i + "T10:00:00Z");
      c.put("updated_at", "2024-05-0" + i + "T10:00:00Z");
      c.put("body", "comment " + i + " with “quotes” and\r\nlines");
    }
    return list;
  }

  static Consumer<String> ignore() {
    return s -> {};
  }
}
