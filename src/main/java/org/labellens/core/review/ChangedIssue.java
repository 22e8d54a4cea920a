package org.labellens.core.review;

import org.labellens.core.model.IssueKey;

/**
 * A sampled issue whose stored text changed (a later import or fetch) after its sample was drawn:
 * annotators may have decided on text that is no longer the issue's.
 *
 * @param changedAt when the project's copy last changed (ISO-8601)
 * @param decisionsBefore decisions on it in the sample made before that change
 */
public record ChangedIssue(IssueKey key, String changedAt, int decisionsBefore) {}
