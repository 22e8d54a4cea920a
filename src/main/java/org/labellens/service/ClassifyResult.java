package org.labellens.service;

import java.util.List;
import java.util.Map;

/**
 * What a classifier run did: the distribution of its predictions per framework.
 *
 * @param run the run's name
 * @param taxonomy {@code name@version} of the taxonomy used
 * @param taxonomyHash SHA-256 of the taxonomy's canonical JSON
 * @param source where the taxonomy came from ({@code builtin:NAME} or a file path)
 * @param total issues classified
 * @param categories the category labels in taxonomy order, then the fallback ({@code other}: issues
 *     with no category)
 * @param byFramework per framework (sorted by name): {@code issues}, then the number of issues
 *     carrying each category (and {@code other}); an issue with several categories counts in each
 * @param all the same over all frameworks
 */
public record ClassifyResult(
    String run,
    String taxonomy,
    String taxonomyHash,
    String source,
    int total,
    List<String> categories,
    Map<String, Map<String, Integer>> byFramework,
    Map<String, Integer> all) {

  public ClassifyResult {
    categories = List.copyOf(categories);
  }
}
