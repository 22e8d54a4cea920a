package org.labellens.service;

import java.util.List;
import java.util.Map;

/**
 * What a fetch did, counted like an import: every issue the API returned in this fetch is new,
 * updated or unchanged (an unchanged page answered 304 Not Modified counts its issues unchanged).
 *
 * @param sources one line per repository (or search)
 * @param byFramework issues counted, by framework
 * @param requests HTTP requests made (every try)
 * @param conditionalRequests requests made with If-None-Match
 * @param notModified responses 304 Not Modified
 * @param notes what the person must know: search results beyond GitHub's 1,000, no token
 */
public record FetchResult(
    List<SourceResult> sources,
    Map<String, Integer> byFramework,
    int requests,
    int conditionalRequests,
    int notModified,
    int comments,
    List<String> notes) {

  /**
   * One repository's (or search's) counts.
   *
   * @param searchTotal a search's total_count, or -1
   * @param searchFetched issues and pull requests a search returned, or -1
   */
  public record SourceResult(
      String target,
      int newIssues,
      int updated,
      int unchanged,
      int pullRequestsSkipped,
      long searchTotal,
      long searchFetched,
      boolean resumed) {
    public int total() {
      return newIssues + updated + unchanged;
    }
  }

  public int newIssues() {
    return sources.stream().mapToInt(SourceResult::newIssues).sum();
  }

  public int updated() {
    return sources.stream().mapToInt(SourceResult::updated).sum();
  }

  public int unchanged() {
    return sources.stream().mapToInt(SourceResult::unchanged).sum();
  }

  public int pullRequestsSkipped() {
    return sources.stream().mapToInt(SourceResult::pullRequestsSkipped).sum();
  }

  public int total() {
    return newIssues() + updated() + unchanged();
  }
}
