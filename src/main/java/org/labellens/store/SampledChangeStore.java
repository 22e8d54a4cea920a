package org.labellens.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.labellens.core.model.IssueKey;
import org.labellens.core.review.ChangedIssue;

/** Sampled issues whose stored text changed after their sample was drawn. */
public final class SampledChangeStore {
  private SampledChangeStore() {}

  /**
   * The issues of sample {@code sample} changed (issue.updated_at, set when an import or fetch
   * changes an issue) after the sample was drawn, by repository and number.
   */
  public static List<ChangedIssue> changedAfterSampling(Tx tx, String sample) {
    return tx.jdbc(
        c -> {
          List<ChangedIssue> changed = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT i.repo, i.number, i.updated_at,"
                      + " (SELECT count(*) FROM decision d WHERE d.sample_id = s.id"
                      + "   AND d.issue_id = i.id"
                      + "   AND julianday(d.decided_at) < julianday(i.updated_at))"
                      + " FROM sample s JOIN sample_item si ON si.sample_id = s.id"
                      + " JOIN issue i ON i.id = si.issue_id"
                      + " WHERE s.name = ? AND julianday(i.updated_at) > julianday(s.created_at)"
                      + " ORDER BY i.repo, i.number")) {
            ps.setString(1, sample);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                changed.add(
                    new ChangedIssue(
                        new IssueKey(rs.getString(1), rs.getInt(2)),
                        rs.getString(3),
                        rs.getInt(4)));
              }
            }
          }
          return changed;
        });
  }
}
