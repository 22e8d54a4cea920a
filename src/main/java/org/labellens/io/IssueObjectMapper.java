package org.labellens.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.Issue;

/**
 * Turns one issue object, in GitHub REST (snake_case) or {@code gh --json} (camelCase) style, into
 * an {@link Issue}. Every failure names the location and the field.
 */
final class IssueObjectMapper {
  private final ReadOptions options;

  IssueObjectMapper(ReadOptions options) {
    this.options = options;
  }

  static boolean isPullRequest(JsonNode node) {
    return node.has("pull_request");
  }

  ImportedIssue map(JsonNode node, String location) {
    if (!node.isObject()) {
      throw new BadInputException(location + ": expected an issue object, found " + describe(node));
    }
    int number = positiveInt(node.get("number"), "number", location);
    String title = requiredString(node, "title", location);
    String body = optionalString(node, "body", location);
    List<String> labels = labelNames(node.get("labels"), "labels", location);
    String state = optionalString(node, "state", location);
    String url = url(node, location);
    String repo = repo(node, url, location);
    if (url == null) {
      url = "https://github.com/" + repo + "/issues/" + number;
    }
    String framework = options.framework() != null ? options.framework() : Frameworks.forRepo(repo);
    Issue issue =
        new Issue(
            repo,
            number,
            framework,
            title,
            body == null ? "" : body,
            labels,
            state == null || state.isEmpty() ? null : state.toLowerCase(Locale.ROOT),
            timestamp(node, location, "created_at", "createdAt"),
            timestamp(node, location, "closed_at", "closedAt"),
            url,
            author(node, location),
            comments(node.get("comments"), location));
    List<String> outside = null;
    if (options.labelField() != null) {
      outside = outsideLabels(node.get(options.labelField()), options.labelField(), location);
    }
    return new ImportedIssue(issue, outside, location);
  }

  private String repo(JsonNode node, String url, String location) {
    String repo = options.repo();
    if (repo == null) {
      repo = optionalString(node, "repo", location);
    }
    if (repo == null) {
      repo = repoFromUrl(optionalString(node, "repository_url", location));
    }
    if (repo == null) {
      repo = repoFromUrl(url);
    }
    if (repo == null) {
      throw new BadInputException(
          location
              + ": field 'repo': the issue names no repository (no repo, repository_url or"
              + " github.com url); give --repo OWNER/NAME");
    }
    repo = Frameworks.canonicalRepo(repo);
    if (!Frameworks.isValidRepo(repo)) {
      throw new BadInputException(
          location + ": field 'repo': '" + repo + "' is not an OWNER/NAME repository name");
    }
    return repo;
  }

  /** The repository named by a github.com or api.github.com URL, or null. */
  static String repoFromUrl(String url) {
    if (url == null) {
      return null;
    }
    String rest;
    if (url.startsWith("https://api.github.com/repos/")) {
      rest = url.substring("https://api.github.com/repos/".length());
    } else if (url.startsWith("https://github.com/")) {
      rest = url.substring("https://github.com/".length());
    } else {
      return null;
    }
    String[] parts = rest.split("/", -1);
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    return parts[0] + "/" + parts[1];
  }

  private String url(JsonNode node, String location) {
    String html = optionalString(node, "html_url", location);
    if (html != null) {
      return html;
    }
    String url = optionalString(node, "url", location);
    if (url != null && url.startsWith("https://github.com/")) {
      return url;
    }
    return null;
  }

  private String author(JsonNode node, String location) {
    for (String field : new String[] {"user", "author"}) {
      JsonNode a = node.get(field);
      if (a == null || a.isNull()) {
        continue;
      }
      if (a.isTextual()) {
        return a.asText();
      }
      if (a.isObject()) {
        JsonNode login = a.get("login");
        if (login != null && login.isTextual()) {
          return login.asText();
        }
        return null;
      }
      throw new BadInputException(
          location
              + ": field '"
              + field
              + "': expected an object or a string, found "
              + describe(a));
    }
    return null;
  }

  private static Integer comments(JsonNode node, String location) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.size();
    }
    if (node.canConvertToInt() && node.isIntegralNumber() && node.asInt() >= 0) {
      return node.asInt();
    }
    throw new BadInputException(
        location
            + ": field 'comments': expected a count or an array of comments, found "
            + describe(node));
  }

  private static String timestamp(JsonNode node, String location, String snake, String camel) {
    String field = node.has(snake) ? snake : camel;
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadInputException(
          location + ": field '" + field + "': expected an ISO-8601 time, found " + describe(v));
    }
    return normaliseTimestamp(v.asText(), location, field);
  }

  /** ISO-8601 with any offset, normalised to UTC ({@code 2024-07-08T02:40:38Z}); empty -> null. */
  static String normaliseTimestamp(String text, String location, String field) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          location + ": field '" + field + "': '" + abbreviate(t) + "' is not an ISO-8601 time");
    }
  }

  static int positiveInt(JsonNode v, String field, String location) {
    if (v == null || v.isNull()) {
      throw new BadInputException(location + ": field '" + field + "' is missing");
    }
    if (v.isIntegralNumber() && v.canConvertToInt() && v.asInt() > 0) {
      return v.asInt();
    }
    throw new BadInputException(
        location
            + ": field '"
            + field
            + "': expected a positive whole number, found "
            + describe(v));
  }

  private static String requiredString(JsonNode node, String field, String location) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new BadInputException(location + ": field '" + field + "' is missing");
    }
    if (!v.isTextual()) {
      throw new BadInputException(
          location + ": field '" + field + "': expected a string, found " + describe(v));
    }
    return v.asText();
  }

  private static String optionalString(JsonNode node, String field, String location) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new BadInputException(
          location + ": field '" + field + "': expected a string, found " + describe(v));
    }
    return v.asText();
  }

  /** Label names from an array of names or of {@code {"name": …}} objects. */
  private static List<String> labelNames(JsonNode v, String field, String location) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new BadInputException(
          location + ": field '" + field + "': expected an array of labels, found " + describe(v));
    }
    List<String> names = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode label = v.get(i);
      if (label.isTextual()) {
        names.add(label.asText());
      } else if (label.isObject() && label.path("name").isTextual()) {
        names.add(label.get("name").asText());
      } else {
        throw new BadInputException(
            location
                + ": field '"
                + field
                + "["
                + i
                + "]': expected a label name or an object with a name, found "
                + describe(label));
      }
    }
    return names;
  }

  private static List<String> outsideLabels(JsonNode v, String field, String location) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return v.asText().isBlank() ? List.of() : List.of(v.asText().trim());
    }
    return labelNames(v, field, location);
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "\"" + abbreviate(v.asText()) + "\"";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    return abbreviate(v.toString());
  }

  static String abbreviate(String s) {
    String oneLine = s.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
