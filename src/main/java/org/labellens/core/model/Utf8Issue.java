package org.labellens.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An {@link Issue} with its title and body held as UTF-8 bytes, the form in which they are hashed
 * and stored. An import reads issues into this form straight from the parser's characters, so the
 * bulk of the text is never made into strings on the way to the project; {@link #toIssue()} makes
 * them when they are needed.
 *
 * <p>The arrays are owned by this object: they are neither copied nor to be changed.
 */
public final class Utf8Issue {
  private final String repo;
  private final int number;
  private final String framework;
  private final byte[] title;
  private final byte[] body;
  private final List<String> labels;
  private final String state;
  private final String createdAt;
  private final String closedAt;
  private final String url;
  private final String author;
  private final Integer comments;

  /** The fields as {@link Issue} has them, with title and body as UTF-8 (a missing body empty). */
  public Utf8Issue(
      String repo,
      int number,
      String framework,
      byte[] title,
      byte[] body,
      List<String> labels,
      String state,
      String createdAt,
      String closedAt,
      String url,
      String author,
      Integer comments) {
    this.repo = Objects.requireNonNull(repo, "repo");
    this.number = number;
    this.framework = Objects.requireNonNull(framework, "framework");
    this.title = Objects.requireNonNull(title, "title");
    this.body = Objects.requireNonNull(body, "body");
    this.labels = List.copyOf(labels);
    this.state = state;
    this.createdAt = createdAt;
    this.closedAt = closedAt;
    this.url = url;
    this.author = author;
    this.comments = comments;
  }

  /** {@code issue} with its title and body encoded. */
  public static Utf8Issue of(Issue issue) {
    return new Utf8Issue(
        issue.repo(),
        issue.number(),
        issue.framework(),
        issue.title().getBytes(StandardCharsets.UTF_8),
        issue.body().getBytes(StandardCharsets.UTF_8),
        issue.labels(),
        issue.state(),
        issue.createdAt(),
        issue.closedAt(),
        issue.url(),
        issue.author(),
        issue.comments());
  }

  /** The issue with its title and body decoded. */
  public Issue toIssue() {
    return new Issue(
        repo,
        number,
        framework,
        new String(title, StandardCharsets.UTF_8),
        new String(body, StandardCharsets.UTF_8),
        labels,
        state,
        createdAt,
        closedAt,
        url,
        author,
        comments);
  }

  public IssueKey key() {
    return new IssueKey(repo, number);
  }

  public String repo() {
    return repo;
  }

  public int number() {
    return number;
  }

  public String framework() {
    return framework;
  }

  /** The title's UTF-8 bytes (not a copy). */
  public byte[] title() {
    return title;
  }

  /** The body's UTF-8 bytes (not a copy). */
  public byte[] body() {
    return body;
  }

  public List<String> labels() {
    return labels;
  }

  public String state() {
    return state;
  }

  public String createdAt() {
    return createdAt;
  }

  public String closedAt() {
    return closedAt;
  }

  public String url() {
    return url;
  }

  public String author() {
    return author;
  }

  public Integer comments() {
    return comments;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Utf8Issue u
        && number == u.number
        && repo.equals(u.repo)
        && framework.equals(u.framework)
        && Arrays.equals(title, u.title)
        && Arrays.equals(body, u.body)
        && labels.equals(u.labels)
        && Objects.equals(state, u.state)
        && Objects.equals(createdAt, u.createdAt)
        && Objects.equals(closedAt, u.closedAt)
        && Objects.equals(url, u.url)
        && Objects.equals(author, u.author)
        && Objects.equals(comments, u.comments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(repo, number, Arrays.hashCode(title), Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "Utf8Issue[" + key() + ", " + title.length + " + " + body.length + " bytes]";
  }
}
