package org.labellens.service;

import java.util.List;
import org.labellens.core.model.IssueComment;
import org.labellens.core.review.ChangedIssue;
import org.labellens.store.Repositories;
import org.labellens.store.SampledChangeStore;

/**
 * What a refreshed project tells about its issues beyond their text: an issue's comments, as {@code
 * fetch --comments} stored them (none for imported issues), and the sampled issues whose text
 * changed after their sample was drawn.
 */
public final class CommentService {
  private final Repositories repos;

  public CommentService(Repositories repos) {
    this.repos = repos;
  }

  /** The comments of issue row {@code issueId}, in GitHub's order; empty when none are stored. */
  public List<IssueComment> of(long issueId) {
    return repos.read(tx -> repos.comments().of(tx, issueId));
  }

  /** The issues of {@code sample} whose stored text changed after it was drawn. */
  public List<ChangedIssue> changedAfterSampling(String sample) {
    return repos.read(tx -> SampledChangeStore.changedAfterSampling(tx, sample));
  }
}
