package org.labellens.service;

import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.Issue;

/** Loads what the annotation window shows of a sampled issue. */
public final class IssueDisplayService {
  private final IssueService issues;
  private final AnnotationService annotations;

  public IssueDisplayService(IssueService issues, AnnotationService annotations) {
    this.issues = issues;
    this.annotations = annotations;
  }

  public IssueDisplay display(String sample, long issueId) {
    Issue issue =
        issues
            .get(issueId)
            .orElseThrow(
                () -> new BadInputException("issue " + issueId + " is not in the project"));
    Map<String, DecisionValue> predicted = annotations.shownPrediction(sample, issue.key());
    return new IssueDisplay(issueId, issue, predicted, List.of(), List.of());
  }
}
