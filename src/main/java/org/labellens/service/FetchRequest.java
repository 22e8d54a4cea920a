package org.labellens.service;

import java.util.List;

/**
 * What {@code fetch} is asked to collect.
 *
 * @param repos OWNER/NAME repositories
 * @param since only issues updated at or after this (ISO-8601 date or time), or null
 * @param state all, open or closed
 * @param labels only issues carrying every one of these labels (empty: any)
 * @param query a GitHub search query (the search API, at most 1,000 results per repository), or
 *     null for the repository's issue listing
 * @param comments whether each issue's comments are fetched and stored too
 * @param apiUrl the API base URL, e.g. https://api.github.com
 * @param token the token to send to the API host
 */
public record FetchRequest(
    List<String> repos,
    String since,
    String state,
    List<String> labels,
    String query,
    boolean comments,
    String apiUrl,
    GithubToken token) {
  public static final String DEFAULT_API_URL = "https://api.github.com";

  public FetchRequest {
    repos = List.copyOf(repos);
    labels = List.copyOf(labels);
    state = state == null ? "all" : state;
    apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
    token = token == null ? GithubToken.NONE : token;
  }
}
