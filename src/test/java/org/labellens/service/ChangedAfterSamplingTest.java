package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueKey;
import org.labellens.core.review.ChangedIssue;
import org.labellens.testing.TestIssues;

/**
 * A sampled issue whose text a later import (or fetch) changed is flagged for the review, with
 * whether decisions were made on its earlier text; unchanged and unsampled issues are not.
 */
class ChangedAfterSamplingTest {
  @TempDir Path dir;

  @Test
  void onlySampledIssuesWhoseTextChangedAreFlaggedWithTheDecisionsTheyHad() throws Exception {
    try (Project p = Project.create(dir.resolve("p.db"))) {
      List<Issue> issues = TestIssues.make(60, 4);
      p.imports().importIssues(issues, "first");
      p.samples()
          .draw(
              new SampleRequest(
                  "s",
                  10,
                  null,
                  null,
                  null,
                  null,
                  "framework",
                  null,
                  null,
                  5L,
                  List.of("a", "b"),
                  "1",
                  false));
      p.simulation().run(new SimulationService.Request("s", "a", 0.8, 5L, null), d -> {});
      assertThat(p.comments().changedAfterSampling("s")).isEmpty();
      Set<IssueKey> sampled =
          p.annotations().queue("s", "a").items().stream()
              .map(q -> q.issue())
              .collect(Collectors.toSet());
      IssueKey edited = sampled.iterator().next();
      IssueKey unsampled =
          issues.stream()
              .map(Issue::key)
              .filter(k -> !sampled.contains(k))
              .findFirst()
              .orElseThrow();
      Thread.sleep(5); // the edit is later than the sample, to the millisecond
      List<Issue> again = new ArrayList<>();
      for (Issue i : issues) {
        boolean change = i.key().equals(edited) || i.key().equals(unsampled);
        again.add(
            change
                ? new Issue(
                    i.repo(),
                    i.number(),
                    i.framework(),
                    i.title() + " (edited)",
                    i.body(),
                    i.labels(),
                    i.state(),
                    i.createdAt(),
                    i.closedAt(),
                    i.url(),
                    i.author(),
                    i.comments())
                : i);
      }
      ImportResult r = p.imports().importIssues(again, "second");
      assertThat(r.updated()).isEqualTo(2);
      List<ChangedIssue> changed = p.comments().changedAfterSampling("s");
      assertThat(changed).extracting(ChangedIssue::key).containsExactly(edited);
      assertThat(changed.get(0).decisionsBefore()).isPositive();
      assertThat(p.comments().changedAfterSampling("no-such-sample")).isEmpty();
    }
  }
}
