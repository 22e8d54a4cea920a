package org.labellens.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueQuery;
import org.labellens.core.model.IssueSummary;
import org.labellens.core.model.Prediction;
import org.labellens.core.model.RunInfo;
import org.labellens.store.ClassifierRunStore;
import org.labellens.store.IssueFilter;
import org.labellens.store.Repositories;
import org.labellens.store.RunQueries;

/**
 * Reading issues: listing with predictions and evidence, paging and full-text search for the
 * window.
 */
public final class IssueService {
  private static final int INDEX_BATCH = 2_000;
  private final Repositories repos;

  public IssueService(Repositories repos) {
    this.repos = repos;
  }

  /** An issue with its id and, when a run was asked for, that run's prediction. */
  public record IssueRow(long id, Issue issue, Optional<Prediction> prediction) {}

  /** Streams the issues matching {@code query}, with predictions of {@code runName} if given. */
  public void list(IssueQuery query, String runName, Consumer<IssueRow> action) {
    RunInfo run = runName == null ? null : run(runName);
    if (query.text() != null) {
      ensureSearchIndex(Progress.NONE);
    }
    IssueFilter filter = new IssueFilter(query, run == null ? null : run.id());
    repos.read(
        c -> {
          if (run == null) {
            repos
                .issues()
                .forEach(
                    c,
                    filter,
                    s -> action.accept(new IssueRow(s.id(), s.issue(), Optional.empty())));
            return null;
          }
          try (RunQueries.PredictionReader reader =
              repos.runQueries().predictionReader(c, run.id())) {
            repos
                .issues()
                .forEach(
                    c,
                    filter,
                    s -> action.accept(new IssueRow(s.id(), s.issue(), reader.forIssue(s.id()))));
          }
          return null;
        });
  }

  public RunInfo run(String name) {
    return repos
        .read(c -> repos.runQueries().byName(c, name))
        .orElseThrow(
            () ->
                new BadInputException(
                    "no classifier run named '" + name + "' (see: labellens runs)"));
  }

  /**
   * Deletes a classifier run and its items, predictions and evidence in one transaction; refused
   * (nothing changed) while a sample depends on it.
   */
  public DeletedRun deleteRun(String name) {
    ClassifierRunStore.Deleted d = repos.write(c -> repos.runs().deleteRun(c, name));
    return new DeletedRun(d.name(), d.kind(), d.items(), d.predictions(), d.evidence());
  }

  /** What {@link #deleteRun} removed. */
  public record DeletedRun(String name, String kind, int items, int predictions, int evidence) {}

  public List<RunInfo> runs() {
    return repos.read(repos.runQueries()::list);
  }

  public List<IssueSummary> page(IssueQuery query, int offset, int limit) {
    return repos.read(c -> repos.issues().page(c, new IssueFilter(query, null), offset, limit));
  }

  public int count(IssueQuery query) {
    return repos.read(c -> repos.issues().count(c, new IssueFilter(query, null)));
  }

  public Optional<Issue> get(long id) {
    return repos.read(c -> repos.issues().byId(c, id));
  }

  public Map<String, Integer> countByFramework() {
    return repos.read(repos.issues()::countByFramework);
  }

  /** Whether issues wait to enter the full-text index. */
  public int searchPending() {
    return repos.read(repos.issues()::searchPending);
  }

  /**
   * Brings the full-text index up to date, in batches of short write transactions so that
   * annotators writing at the same time are never held up for long.
   */
  public void ensureSearchIndex(Progress progress) {
    int pending = searchPending();
    if (pending == 0) {
      return;
    }
    int done = 0;
    while (true) {
      int moved = repos.write(c -> repos.issues().indexPending(c, INDEX_BATCH));
      if (moved == 0) {
        break;
      }
      done += moved;
      progress.update("indexing issues for search", done, pending);
    }
  }
}
