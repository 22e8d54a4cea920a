package org.labellens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueComment;

/**
 * One page of a GitHub REST API response: a repository's issues (an array), a search result (an
 * object with {@code total_count} and {@code items}), or an issue's comments. Issues are read by
 * the same reader as imported files, so a fetched issue is stored exactly as the same JSON imported
 * from a file would be.
 */
public final class GithubPage {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonIssueReader.FACTORY);

  /**
   * What a page of issues held.
   *
   * @param issues the issues, in the page's order (pull requests left out)
   * @param updatedAt each issue's {@code updated_at} on GitHub, by number (null when not given)
   * @param pullRequests how many pull requests the page held
   * @param maxUpdated the largest {@code updated_at} of any item, pull requests included, or null
   * @param totalCount a search's {@code total_count}, or -1 for a listing
   * @param incomplete a search's {@code incomplete_results}
   */
  public record Issues(
      List<ImportedIssue> issues,
      Map<Integer, String> updatedAt,
      int pullRequests,
      String maxUpdated,
      long totalCount,
      boolean incomplete) {}

  private GithubPage() {}

  /** Reads a page of issues; {@code location} names it in messages (the request URL). */
  public static Issues issues(byte[] body, String location) {
    List<ImportedIssue> issues = new ArrayList<>();
    int[] pullRequests = {0};
    new JsonIssueReader(ReadOptions.DEFAULT)
        .read(
            new ByteArrayInputStream(body),
            location,
            new IssueSink() {
              @Override
              public void issue(ImportedIssue issue) {
                issues.add(issue);
              }

              @Override
              public void pullRequestSkipped(String where) {
                pullRequests[0]++;
              }
            });
    JsonNode root = tree(body, location);
    JsonNode items = root.isArray() ? root : root.path("items");
    Map<Integer, String> updated = new HashMap<>();
    String max = null;
    for (JsonNode item : items) {
      JsonNode u = item.get("updated_at");
      String value = u != null && u.isTextual() ? u.asText() : null;
      if (value != null) {
        String normalised = IssueValues.normaliseTimestamp(value, location, "updated_at");
        if (max == null || normalised.compareTo(max) > 0) {
          max = normalised;
        }
        if (!item.hasNonNull("pull_request") && item.path("number").canConvertToInt()) {
          updated.put(item.path("number").asInt(), normalised);
        }
      }
    }
    long total = root.isObject() ? root.path("total_count").asLong(-1) : -1;
    boolean incomplete = root.isObject() && root.path("incomplete_results").asBoolean(false);
    return new Issues(List.copyOf(issues), updated, pullRequests[0], max, total, incomplete);
  }

  /** Reads a page of an issue's comments. */
  public static List<IssueComment> comments(byte[] body, String location) {
    JsonNode root = tree(body, location);
    if (!root.isArray()) {
      throw new BadInputException(location + ": expected an array of comments");
    }
    List<IssueComment> comments = new ArrayList<>();
    int index = 0;
    for (JsonNode item : root) {
      index++;
      if (!item.path("id").canConvertToLong()) {
        throw new BadInputException(location + " (comment " + index + "): field 'id' is missing");
      }
      JsonNode user = item.path("user");
      comments.add(
          new IssueComment(
              item.path("id").asLong(),
              user.path("login").isTextual() ? user.path("login").asText() : null,
              item.path("body").isTextual() ? item.path("body").asText() : "",
              text(item, "created_at"),
              text(item, "updated_at"),
              text(item, "html_url")));
    }
    return comments;
  }

  /**
   * The {@code message} of a GitHub error body, as given (to be scrubbed and shortened), or null.
   */
  public static String errorMessage(byte[] body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      JsonNode m = root == null ? null : root.get("message");
      return m != null && m.isTextual() ? m.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode item, String field) {
    JsonNode v = item.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static JsonNode tree(byte[] body, String location) {
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null) {
        throw new BadInputException(location + ": the response holds no JSON");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw JsonIssueReader.malformed(location, e, null);
    } catch (IOException e) {
      throw new BadInputException(location + ": cannot read: " + e.getMessage(), e);
    }
  }
}
