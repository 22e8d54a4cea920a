package org.labellens.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.labellens.core.BadInputException;
import org.labellens.core.Counts;
import org.labellens.core.JsonText;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.IssueComment;
import org.labellens.core.model.IssueKey;
import org.labellens.io.GithubClient;
import org.labellens.io.GithubPage;
import org.labellens.io.ImportedIssue;
import org.labellens.store.FetchStateStore;
import org.labellens.store.IssueStore;
import org.labellens.store.Repositories;

/**
 * Collects issues straight from the GitHub REST API into the project
 * (docs/decisions/0018-fetch.md): a repository's issue listing ({@code state=all}, 100 a page,
 * oldest update first, following the {@code Link} header) or a search, pull requests skipped, each
 * page stored in one transaction through the import's own rules, so that an interrupted fetch
 * resumes at the page it stopped at and a later fetch asks only for what was updated since
 * (conditionally, with the pages' ETags).
 */
public final class FetchService {
  private final Repositories repos;
  private final GithubClient.Clock clock;

  public FetchService(Repositories repos) {
    this(repos, GithubClient.Clock.SYSTEM);
  }

  /** With the clock and waits given (tests wait without sleeping). */
  public FetchService(Repositories repos, GithubClient.Clock clock) {
    this.repos = repos;
    this.clock = clock;
  }

  /**
   * Fetches every repository of {@code request}.
   *
   * @param progress what is being done now, rewritten in place (countdowns included)
   * @param log lines worth keeping: each page, each wait begun, what the person must know
   */
  public FetchResult fetch(
      FetchRequest request, Progress progress, Consumer<String> log, Cancellation cancellation) {
    if (request.repos().isEmpty()) {
      throw new BadInputException("fetch: no repository given (OWNER/NAME)");
    }
    List<String> repoNames = new ArrayList<>();
    for (String repo : request.repos()) {
      String r = Frameworks.canonicalRepo(repo.strip());
      if (!Frameworks.isValidRepo(r)) {
        throw new BadInputException("'" + repo + "' is not an OWNER/NAME repository name");
      }
      repoNames.add(r);
    }
    String state = request.state().toLowerCase(Locale.ROOT);
    if (!List.of("all", "open", "closed").contains(state)) {
      throw new BadInputException("--state '" + request.state() + "': give all, open or closed");
    }
    String since = request.since() == null ? null : parseSince(request.since());
    if (request.query() != null && request.query().isBlank()) {
      throw new BadInputException("--query is empty");
    }
    List<String> notes = new ArrayList<>();
    Listener listener = new Listener(progress, log);
    GithubClient client =
        new GithubClient(request.apiUrl(), request.token().token(), clock, listener);
    if (request.token().present()) {
      log.accept(
          "using the token from "
              + request.token().from()
              + " (sent to "
              + host(client)
              + " only)");
    } else {
      String note =
          "no GitHub token (GH_TOKEN, GITHUB_TOKEN or gh auth token): asking without one, within"
              + " GitHub's limit for unauthenticated requests (60 an hour)";
      log.accept("note: " + note);
    }
    String startedAt = Instant.now().toString();
    Map<String, Integer> byFramework = new TreeMap<>();
    List<FetchResult.SourceResult> results = new ArrayList<>();
    int[] comments = {0};
    for (String repo : repoNames) {
      results.add(
          new SourceRun(client, request, repo, state, since, listener, cancellation, notes)
              .run(byFramework, comments));
    }
    List<String> targets = new ArrayList<>();
    for (String repo : repoNames) {
      targets.add(
          client.base()
              + (request.query() == null
                  ? "/repos/" + repo + "/issues"
                  : "/search/issues (" + repo + ")"));
    }
    FetchResult result =
        new FetchResult(
            List.copyOf(results),
            byFramework,
            client.requests(),
            client.conditionalRequests(),
            client.notModifiedResponses(),
            comments[0],
            List.copyOf(notes));
    repos.write(
        tx -> {
          repos
              .importBatches()
              .record(
                  tx,
                  startedAt,
                  JsonText.stringArray(targets),
                  "github-api",
                  result.newIssues(),
                  result.updated(),
                  result.unchanged(),
                  result.pullRequestsSkipped());
          return null;
        });
    return result;
  }

  private static String host(GithubClient client) {
    return java.net.URI.create(client.base()).getHost();
  }

  /** {@code --since}: a date (midnight UTC) or an ISO-8601 time, as UTC. */
  static String parseSince(String text) {
    String t = text.strip();
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t).toInstant().toString();
      } catch (DateTimeParseException e2) {
        throw new BadInputException(
            "--since '" + text + "' is not a date (2024-01-31) or an ISO-8601 time");
      }
    }
  }

  private static String later(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return Instant.parse(a).isAfter(Instant.parse(b)) ? a : b;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Turns the client's waits into the countdown and the log. */
  private static final class Listener implements GithubClient.Listener {
    private final Progress progress;
    private final Consumer<String> log;
    private String current;

    Listener(Progress progress, Consumer<String> log) {
      this.progress = progress;
      this.log = log;
    }

    @Override
    public void waiting(String why, long secondsLeft) {
      if (!why.equals(current)) {
        current = why;
        log.accept(why + ": waiting " + secondsLeft + " s");
      }
      progress.update(why + ": waiting, " + secondsLeft + " s left", -1, -1);
      if (secondsLeft <= 1) {
        current = null;
      }
    }
  }

  /** One repository's (or search's) fetch: passes of pages until nothing newer comes back. */
  private final class SourceRun {
    private final GithubClient client;
    private final FetchRequest request;
    private final String repo;
    private final String state;
    private final String since;
    private final Listener listener;
    private final Cancellation cancellation;
    private final List<String> notes;
    private final Map<String, String> counts = new TreeMap<>();
    private final Map<IssueKey, IssueStore.Outcome> seen = new HashMap<>();

    SourceRun(
        GithubClient client,
        FetchRequest request,
        String repo,
        String state,
        String since,
        Listener listener,
        Cancellation cancellation,
        List<String> notes) {
      this.client = client;
      this.request = request;
      this.repo = repo;
      this.state = state;
      this.since = since;
      this.listener = listener;
      this.cancellation = cancellation;
      this.notes = notes;
    }

    private boolean search() {
      return request.query() != null;
    }

    private String filters() {
      Map<String, String> f = new TreeMap<>();
      f.put("state", state);
      f.put("labels", JsonText.stringArray(request.labels()));
      if (search()) {
        f.put("query", request.query());
      }
      f.put("comments", Boolean.toString(request.comments()));
      return JsonText.stringObject(f);
    }

    /** The first page of a pass asking for issues updated since {@code from} (null: all). */
    private String firstUrl(String from) {
      StringBuilder url = new StringBuilder(client.base());
      if (!search()) {
        url.append("/repos/").append(repo).append("/issues?state=").append(state);
        if (!request.labels().isEmpty()) {
          url.append("&labels=").append(encode(String.join(",", request.labels())));
        }
        url.append("&sort=updated&direction=desc&per_page=100");
        if (from != null) {
          url.append("&since=").append(encode(from));
        }
        return url.toString();
      }
      StringBuilder q = new StringBuilder("repo:" + repo + " is:issue");
      if (!state.equals("all")) {
        q.append(" state:").append(state);
      }
      for (String label : request.labels()) {
        q.append(" label:\"").append(label.replace("\"", "")).append('"');
      }
      if (from != null) {
        q.append(" updated:>=").append(from);
      }
      q.append(' ').append(request.query().strip());
      return url.append("/search/issues?q=")
          .append(encode(q.toString()))
          .append("&sort=updated&order=asc&per_page=100")
          .toString();
    }

    private int count(String key) {
      return Integer.parseInt(counts.getOrDefault(key, "0"));
    }

    private void add(String key, long n) {
      counts.put(key, Long.toString(Long.parseLong(counts.getOrDefault(key, "0")) + n));
    }

    FetchResult.SourceResult run(Map<String, Integer> byFramework, int[] commentsStored) {
      String kind = search() ? "search" : "repo";
      FetchStateStore.Source source =
          repos.write(tx -> repos.fetchState().source(tx, client.base(), kind, repo, filters()));
      String url;
      String maxUpdated;
      boolean resumed = source.passUnderWay();
      if (resumed) {
        counts.putAll(JsonText.parseStringObject(source.passCounts()));
        url = source.passNextUrl();
        maxUpdated = source.passMaxUpdated();
        listener.log.accept(
            repo + ": resuming the fetch interrupted at page " + (count("pages") + 1));
      } else {
        String passSince = later(source.since(), since);
        if (passSince != null) {
          counts.put("since", passSince);
        }
        counts.put("catchUp", "0");
        url = firstUrl(passSince);
        maxUpdated = null;
        if (source.since() != null) {
          listener.log.accept(repo + ": asking for issues updated since " + passSince);
        }
      }
      Map<String, Integer> frameworks = new TreeMap<>();
      for (Map.Entry<String, String> e : counts.entrySet()) {
        if (e.getKey().startsWith("fw:")) {
          frameworks.put(e.getKey().substring(3), Integer.parseInt(e.getValue()));
        }
      }
      while (true) {
        cancellation.check();
        String pageUrl = url;
        Optional<FetchStateStore.Page> known =
            repos.read(tx -> repos.fetchState().page(tx, source.id(), pageUrl));
        GithubClient.Response response =
            client.get(pageUrl, known.map(FetchStateStore.Page::etag).orElse(null), repo);
        boolean catchUp = "1".equals(counts.get("catchUp"));
        String passSince = counts.get("since");
        String next;
        int[] outcome = new int[3];
        add("pages", 1);
        add("passPages", 1);
        if (response.notModified() && known.isPresent()) {
          next = known.get().nextUrl();
          if (!catchUp) {
            outcome[2] = known.get().items();
            add("unchanged", outcome[2]);
          }
          if (search()) {
            add("passItems", known.get().items());
          }
          String n = next;
          String m = maxUpdated;
          repos.write(
              tx -> {
                repos.fetchState().passProgress(tx, source.id(), n, null, m, json(frameworks));
                return null;
              });
        } else {
          next = response.nextUrl();
          GithubPage.Issues page = GithubPage.issues(response.body(), pageUrl);
          if (search()) {
            if (!catchUp && !counts.containsKey("searchTotal")) {
              counts.put("searchTotal", Long.toString(page.totalCount()));
            }
            if (!counts.containsKey("passTotal")) {
              counts.put("passTotal", Long.toString(page.totalCount()));
            }
            add("passItems", page.issues().size() + page.pullRequests());
          }
          Map<Long, List<IssueComment>> fetchedComments = new HashMap<>();
          List<String[]> commentPages = new ArrayList<>();
          if (request.comments()) {
            for (ImportedIssue imported : page.issues()) {
              Integer n = imported.issue().comments();
              if (n != null && n == 0) {
                continue;
              }
              comments(imported, source.id(), commentPages)
                  .ifPresent(list -> fetchedComments.put((long) imported.issue().number(), list));
            }
          }
          String now = Instant.now().toString();
          String n = next;
          String m = later(maxUpdated, page.maxUpdated());
          maxUpdated = m;
          int stored =
              repos.writeBulk(
                  tx -> {
                    int commentsWritten = 0;
                    for (ImportService.Stored s :
                        ImportService.storeIssues(repos, tx, page.issues(), now)) {
                      int number = s.imported().issue().number();
                      String updatedAt = page.updatedAt().get(number);
                      repos.fetchState().fetched(tx, s.id(), pageUrl, now, updatedAt);
                      if (request.comments()) {
                        Integer c = s.imported().issue().comments();
                        List<IssueComment> list = fetchedComments.get((long) number);
                        if (list != null || (c != null && c == 0)) {
                          List<IssueComment> given = list == null ? List.of() : list;
                          repos.comments().replace(tx, s.id(), given);
                          commentsWritten += given.size();
                        }
                      }
                      boolean repeat =
                          catchUp
                              && passSince != null
                              && updatedAt != null
                              && !Instant.parse(updatedAt).isAfter(Instant.parse(passSince));
                      if (repeat) {
                        continue;
                      }
                      // an issue met twice in one fetch (edited while it ran) is counted once:
                      // new stays new, unchanged then changed is updated
                      IssueKey key = s.imported().issue().key();
                      IssueStore.Outcome before = seen.get(key);
                      if (before != null) {
                        if (before == IssueStore.Outcome.UNCHANGED
                            && s.outcome() == IssueStore.Outcome.UPDATED) {
                          seen.put(key, IssueStore.Outcome.UPDATED);
                          add("unchanged", -1);
                          outcome[1]++;
                        }
                        continue;
                      }
                      seen.put(key, s.outcome());
                      switch (s.outcome()) {
                        case NEW -> outcome[0]++;
                        case UPDATED -> outcome[1]++;
                        case UNCHANGED -> outcome[2]++;
                      }
                      frameworks.merge(s.imported().issue().framework(), 1, Integer::sum);
                    }
                    for (String[] cp : commentPages) {
                      repos
                          .fetchState()
                          .putPage(
                              tx, source.id(), cp[0], cp[1], null, Integer.parseInt(cp[2]), now);
                    }
                    if (response.etag() != null) {
                      repos
                          .fetchState()
                          .putPage(
                              tx,
                              source.id(),
                              pageUrl,
                              response.etag(),
                              n,
                              page.issues().size(),
                              now);
                    } else {
                      repos.fetchState().dropPage(tx, source.id(), pageUrl);
                    }
                    add("new", outcome[0]);
                    add("updated", outcome[1]);
                    add("unchanged", outcome[2]);
                    if (!catchUp) {
                      add("pullRequests", page.pullRequests());
                    }
                    repos.fetchState().passProgress(tx, source.id(), n, null, m, json(frameworks));
                    return commentsWritten;
                  });
          commentsStored[0] += stored;
        }
        int pages = count("passPages");
        String of = response.lastPage() > 0 ? "/" + response.lastPage() : "";
        String line =
            String.format(
                Locale.ROOT,
                "%s: page %d%s%s: %d new, %d updated, %d unchanged",
                repo,
                pages,
                of,
                response.notModified() ? " (not modified)" : "",
                outcome[0],
                outcome[1],
                outcome[2]);
        listener.log.accept(line);
        listener.progress.update(
            repo
                + ": page "
                + pages
                + of
                + ", "
                + Counts.of(count("new") + count("updated") + count("unchanged"), "issue"),
            pages,
            response.lastPage() > 0 ? response.lastPage() : -1);
        if (next != null) {
          url = next;
          continue;
        }
        if (search()
            && Long.parseLong(counts.getOrDefault("passItems", "0"))
                < Long.parseLong(counts.getOrDefault("passTotal", "0"))) {
          counts.put("capped", "1");
        }
        String newSince = later(passSince, maxUpdated);
        if (Objects.equals(newSince, passSince)) {
          String done = newSince;
          repos.write(
              tx -> {
                repos.fetchState().passDone(tx, source.id(), done, Instant.now().toString());
                return null;
              });
          break;
        }
        // a further pass from the newest update seen: issues updated while this pass ran, and a
        // search's results beyond GitHub's 1,000
        counts.put("since", newSince);
        counts.put("catchUp", "1");
        listener.log.accept(
            repo
                + ": checking for issues updated since "
                + newSince
                + (search()
                    ? " (while the fetch ran, or beyond the search's 1,000)"
                    : " (while the fetch ran)"));
        counts.remove("passTotal");
        counts.remove("passPages");
        counts.remove("passItems");
        maxUpdated = null;
        url = firstUrl(newSince);
        String u = url;
        repos.write(
            tx -> {
              repos.fetchState().passProgress(tx, source.id(), u, null, null, json(frameworks));
              return null;
            });
      }
      frameworks.forEach((fw, k) -> byFramework.merge(fw, k, Integer::sum));
      long searchTotal = search() ? Long.parseLong(counts.getOrDefault("searchTotal", "-1")) : -1;
      if (search() && counts.containsKey("capped")) {
        long passTotal = Long.parseLong(counts.getOrDefault("passTotal", "0"));
        long passItems = Long.parseLong(counts.getOrDefault("passItems", "0"));
        String note =
            repo
                + ": the search matched "
                + Counts.of(searchTotal, "issue")
                + "; GitHub's search returns at most the first 1,000 results of a query,"
                + " so fetch asked again from the newest update seen"
                + (passTotal > passItems
                    ? "; "
                        + (passTotal - passItems)
                        + " could still not be fetched (narrow the query, e.g. with --since)"
                    : "; all were fetched");
        notes.add(note);
        listener.log.accept("note: " + note);
      }
      return new FetchResult.SourceResult(
          search() ? repo + " (search)" : repo,
          count("new"),
          count("updated"),
          count("unchanged"),
          count("pullRequests"),
          searchTotal,
          search() ? Long.parseLong(counts.getOrDefault("passItems", "0")) : -1,
          resumed);
    }

    /** The pass's counts (and frameworks) as stored with its progress. */
    private String json(Map<String, Integer> frameworks) {
      Map<String, String> all = new LinkedHashMap<>();
      counts.forEach(
          (k, v) -> {
            if (!k.startsWith("fw:")) {
              all.put(k, v);
            }
          });
      frameworks.forEach((fw, n) -> all.put("fw:" + fw, Integer.toString(n)));
      return JsonText.stringObject(all);
    }

    /**
     * An issue's comments, all pages; empty when GitHub says they are unchanged (304). The first
     * page's ETag is added to {@code pages} (url, etag, count) to be stored with the issue.
     */
    private Optional<List<IssueComment>> comments(
        ImportedIssue imported, long sourceId, List<String[]> pages) {
      String url =
          client.base()
              + "/repos/"
              + imported.issue().repo()
              + "/issues/"
              + imported.issue().number()
              + "/comments?per_page=100";
      Optional<FetchStateStore.Page> known =
          repos.read(tx -> repos.fetchState().page(tx, sourceId, url));
      String subject = imported.issue().repo() + "#" + imported.issue().number();
      GithubClient.Response first =
          client.get(url, known.map(FetchStateStore.Page::etag).orElse(null), subject);
      if (first.notModified() && known.isPresent()) {
        return Optional.empty();
      }
      List<IssueComment> all = new ArrayList<>(GithubPage.comments(first.body(), url));
      String next = first.nextUrl();
      while (next != null) {
        cancellation.check();
        GithubClient.Response r = client.get(next, null, subject);
        all.addAll(GithubPage.comments(r.body(), next));
        next = r.nextUrl();
      }
      if (first.etag() != null) {
        pages.add(new String[] {url, first.etag(), Integer.toString(all.size())});
      }
      return Optional.of(all);
    }
  }
}
