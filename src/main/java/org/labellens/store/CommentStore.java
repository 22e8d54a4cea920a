package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.model.IssueComment;

/** The comments of fetched issues ({@code issue_comment}), in GitHub's order. */
public final class CommentStore {
  CommentStore() {}

  /**
   * Replaces the stored comments of issue row {@code issueId} with {@code comments} (GitHub's
   * current list: a deleted comment goes, an edited one is rewritten).
   */
  public void replace(Tx tx, long issueId, List<IssueComment> comments) {
    tx.jdbc(
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM issue_comment WHERE issue_id = ?")) {
            del.setLong(1, issueId);
            del.executeUpdate();
          }
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO issue_comment (issue_id, comment_id, position, author, body,"
                      + " created_at, updated_at, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (issue_id, comment_id) DO NOTHING")) {
            int position = 1;
            for (IssueComment comment : comments) {
              ins.setLong(1, issueId);
              ins.setLong(2, comment.id());
              ins.setInt(3, position++);
              ins.setString(4, comment.author());
              ins.setString(5, comment.body());
              ins.setString(6, comment.createdAt());
              ins.setString(7, comment.updatedAt());
              ins.setString(8, comment.url());
              ins.addBatch();
            }
            ins.executeBatch();
          }
          return null;
        });
  }

  /** The stored comments of issue row {@code issueId}, in GitHub's order (empty when none). */
  public List<IssueComment> of(Tx tx, long issueId) {
    return tx.jdbc(
        c -> {
          List<IssueComment> comments = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT comment_id, author, body, created_at, updated_at, url"
                      + " FROM issue_comment WHERE issue_id = ? ORDER BY position")) {
            ps.setLong(1, issueId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                comments.add(
                    new IssueComment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
              }
            }
          }
          return comments;
        });
  }
}
