package org.labellens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.ShownText;
import org.labellens.io.JsonOutput;
import org.labellens.service.Cancellation;
import org.labellens.service.FetchRequest;
import org.labellens.service.FetchResult;
import org.labellens.service.GithubToken;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fetch}: collects issues straight from the GitHub REST API, resumably, incrementally. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the issues of GitHub repositories into the project through the REST API (pull"
          + " requests skipped), page by page, within the rate limits.",
      "An interrupted fetch resumes where it stopped; a later fetch asks only for issues updated"
          + " since, and reports new / updated / unchanged like import.",
      "Token: GH_TOKEN, GITHUB_TOKEN or gh auth token (sent to the API host only, never stored"
          + " or shown). API: --api-url or GITHUB_API_URL (GitHub Enterprise Server)."
    })
final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(arity = "1..*", paramLabel = "OWNER/REPO", description = "Repositories to fetch.")
  List<String> repos;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only issues updated at or after DATE (2024-01-31 or an ISO-8601 time).")
  String since;

  @Option(
      names = "--state",
      defaultValue = "all",
      paramLabel = "STATE",
      description = "all, open or closed (default: ${DEFAULT-VALUE}).")
  String state;

  @Option(
      names = "--label",
      paramLabel = "L",
      description = "Only issues with this label (repeatable: all of them).")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--query",
      paramLabel = "Q",
      description =
          "A GitHub search query (search API; GitHub returns at most 1,000 results per query,"
              + " which fetch reports).")
  String query;

  @Option(names = "--comments", description = "Fetch and store each issue's comments too.")
  boolean comments;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description = "API base URL (default: GITHUB_API_URL, else https://api.github.com).")
  String apiUrl;

  @Option(names = "--format", defaultValue = "table", description = "table or json.")
  String format;

  @Override
  public Integer call() {
    String f = OutputFormat.check(spec, format, List.of("table", "json"));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String api = apiUrl != null ? apiUrl : System.getenv("GITHUB_API_URL");
    GithubToken token = GithubToken.find(System.getenv());
    FetchResult result;
    try (Project p = Project.open(project.db());
        TerminalProgress progress = new TerminalProgress(err)) {
      result =
          p.fetches()
              .fetch(
                  new FetchRequest(repos, since, state, labels, query, comments, api, token),
                  progress,
                  line -> {
                    progress.close();
                    err.println(ShownText.oneLine(line));
                    err.flush();
                  },
                  new Cancellation());
    }
    StoredIssueCounts counts = StoredIssueCounts.of(result);
    if (f.equals("json")) {
      Map<String, Object> json = counts.json();
      List<Map<String, Object>> sources = new ArrayList<>();
      for (FetchResult.SourceResult s : result.sources()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("source", s.target());
        one.put("new", s.newIssues());
        one.put("updated", s.updated());
        one.put("unchanged", s.unchanged());
        one.put("pull_requests_skipped", s.pullRequestsSkipped());
        if (s.searchTotal() >= 0) {
          one.put("search_total", s.searchTotal());
        }
        one.put("resumed", s.resumed());
        sources.add(one);
      }
      json.put("sources", sources);
      json.put("comments_stored", result.comments());
      json.put("requests", result.requests());
      json.put("conditional_requests", result.conditionalRequests());
      json.put("not_modified", result.notModified());
      json.put("notes", result.notes());
      out.println(JsonOutput.pretty(json));
    } else {
      counts.print(out);
      for (FetchResult.SourceResult s : result.sources()) {
        out.printf(
            "  %s: %d new, %d updated, %d unchanged%s%n",
            ShownText.oneLine(s.target()),
            s.newIssues(),
            s.updated(),
            s.unchanged(),
            s.resumed() ? " (resumed)" : "");
      }
      if (result.comments() > 0) {
        out.printf("%s stored%n", Counts.of(result.comments(), "comment"));
      }
      out.printf(
          "%s (%d conditional, %d not modified)%n",
          Counts.of(result.requests(), "request"),
          result.conditionalRequests(),
          result.notModified());
      for (String note : result.notes()) {
        out.println("note: " + ShownText.oneLine(note));
      }
    }
    return 0;
  }
}
