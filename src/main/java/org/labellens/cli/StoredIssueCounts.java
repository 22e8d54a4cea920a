package org.labellens.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labellens.core.Counts;
import org.labellens.service.FetchResult;
import org.labellens.service.ImportResult;

/**
 * How {@code import} and {@code fetch} report what they stored: new, updated and unchanged issues,
 * pull requests skipped and issues per framework, as the first keys of the JSON or the first lines
 * of the text.
 */
record StoredIssueCounts(
    int newIssues,
    int updated,
    int unchanged,
    int pullRequestsSkipped,
    Map<String, Integer> byFramework) {

  static StoredIssueCounts of(ImportResult r) {
    return new StoredIssueCounts(
        r.newIssues(), r.updated(), r.unchanged(), r.pullRequestsSkipped(), r.byFramework());
  }

  static StoredIssueCounts of(FetchResult r) {
    return new StoredIssueCounts(
        r.newIssues(), r.updated(), r.unchanged(), r.pullRequestsSkipped(), r.byFramework());
  }

  /** The JSON keys in their documented order; the command adds its own after them. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("new", newIssues);
    json.put("updated", updated);
    json.put("unchanged", unchanged);
    json.put("pull_requests_skipped", pullRequestsSkipped);
    json.put("by_framework", byFramework);
    return json;
  }

  /** The summary line and one line per framework. */
  void print(PrintWriter out) {
    out.printf(
        "%s: %d new, %d updated, %d unchanged; %s skipped%n",
        Counts.of(newIssues + updated + unchanged, "issue"),
        newIssues,
        updated,
        unchanged,
        Counts.of(pullRequestsSkipped, "pull request"));
    byFramework.forEach((fw, n) -> out.printf("  %-12s %6d%n", fw, n));
  }
}
