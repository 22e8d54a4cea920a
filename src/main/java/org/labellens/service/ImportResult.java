package org.labellens.service;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code byFramework} counts every issue read (new, updated or unchanged).
 *
 * @param run the outside classifier run written, or null
 * @param predictedIssues how many issues the outside run covers
 */
public record ImportResult(
    int newIssues,
    int updated,
    int unchanged,
    int pullRequestsSkipped,
    Map<String, Integer> byFramework,
    List<String> formats,
    String run,
    int predictedIssues) {

  public int total() {
    return newIssues + updated + unchanged;
  }
}
