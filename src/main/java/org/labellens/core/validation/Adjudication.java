package org.labellens.core.validation;

import java.util.Objects;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.IssueKey;

/**
 * The lead's gold value for one dimension of one sampled issue.
 *
 * @param value the value, in the dimension's canonical form
 * @param note why, or null
 * @param adjudicator who decided
 * @param adjudicatedAt when (ISO-8601 UTC)
 */
public record Adjudication(
    String sample,
    IssueKey issue,
    String dimension,
    DecisionValue value,
    String note,
    String adjudicator,
    String adjudicatedAt) {
  public Adjudication {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(issue, "issue");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(adjudicator, "adjudicator");
    Objects.requireNonNull(adjudicatedAt, "adjudicatedAt");
  }
}
