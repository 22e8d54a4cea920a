package org.labellens.core.model;

import java.util.Objects;

/**
 * A comment under an issue, as GitHub lists it.
 *
 * @param id GitHub's comment id
 * @param author the commenter's login, or null
 * @param body the comment's text, exactly as given (empty when GitHub gave none)
 * @param createdAt when it was written (ISO-8601), or null
 * @param updatedAt when it was last edited (ISO-8601), or null
 * @param url where it is shown on GitHub, or null
 */
public record IssueComment(
    long id, String author, String body, String createdAt, String updatedAt, String url) {
  public IssueComment {
    Objects.requireNonNull(body, "body");
  }
}
