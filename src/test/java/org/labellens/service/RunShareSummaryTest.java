package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.review.ClassifierShares;
import org.labellens.core.review.ValidationReport;
import org.labellens.service.demo.DemoIssues;
import org.labellens.store.Database;
import org.labellens.store.Repositories;
import org.labellens.store.StoreProbe;
import org.labellens.testing.StudyProjects;
import org.labellens.testing.TestIssues;

/**
 * The summary a keyword run keeps for its raw shares: the shares read from it equal the shares
 * counted item by item, for the frames it serves, and it is dropped (and the shares counted again)
 * whenever the run's items or the frameworks of its issues change.
 */
class RunShareSummaryTest {
  private static final String RUN = "kw";
  private static final List<String> CATEGORY_LABELS =
      // "scaling" left out on purpose: an item predicting only labels outside the list is "none"
      List.of(
          "memory",
          "performance",
          "concurrency",
          "gpu",
          "api",
          "crash",
          "model",
          ValidationReport.NONE_LABEL);

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void project() throws Exception {
    Path issues = TestIssues.write(dir, "demo.jsonl", TestIssues.jsonl(DemoIssues.generate(60, 5)));
    try (Project p = StudyProjects.create(dir, StudyProjects.specs(2))) {
      db = p.file();
      p.imports()
          .importFiles(List.of(issues), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
      p.classifier().classify("study-v1", RUN, Progress.NONE, new Cancellation());
      for (String frame : List.of("all", "production")) {
        p.samples()
            .draw(
                new SampleRequest(
                    frame,
                    20,
                    null,
                    null,
                    RUN,
                    frame,
                    "framework",
                    "proportional",
                    1,
                    3L,
                    List.of("ann"),
                    "0",
                    false));
      }
    }
  }

  private record Shares(ClassifierShares fromSummary, ClassifierShares counted, boolean summary) {}

  private Shares shares(String sample) {
    try (Database d = Database.open(db)) {
      Repositories repos = new Repositories(d);
      AnnotationService annotations = new AnnotationService(repos);
      return repos.read(
          tx -> {
            SampleSnapshot s =
                SampleSnapshot.read(repos, tx, sample, null, false, annotations.schemes());
            return new Shares(
                ValidationService.classifierShares(repos, tx, s, "category", CATEGORY_LABELS),
                ValidationService.counted(repos, tx, s, "category", CATEGORY_LABELS),
                repos.runShares().rows(tx, s.run.id()).isPresent());
          });
    }
  }

  private void update(String sql) {
    try (Database d = Database.open(db)) {
      StoreProbe.update(d, sql);
    }
  }

  @Test
  void aClassifiedRunHasASummaryThatGivesTheCountedShares() {
    for (String frame : List.of("all", "production")) {
      Shares s = shares(frame);
      assertThat(s.summary()).as(frame).isTrue();
      assertThat(s.fromSummary()).as(frame).isEqualTo(s.counted());
      assertThat(s.counted().covered()).as(frame).isPositive();
    }
    Shares all = shares("all");
    Shares production = shares("production");
    assertThat(production.counted().covered()).isLessThan(all.counted().covered());
    assertThat(all.counted().counts().get(ValidationReport.NONE_LABEL)).isPositive();
    // a test that can tell labels apart: most labels predicted, some items with several
    assertThat(all.counted().counts().values().stream().filter(n -> n > 0).count())
        .isGreaterThanOrEqualTo(5);
    long labelled =
        all.counted().covered() - all.counted().counts().get(ValidationReport.NONE_LABEL);
    long predictions =
        all.counted().counts().entrySet().stream()
            .filter(e -> !e.getKey().equals(ValidationReport.NONE_LABEL))
            .mapToLong(e -> e.getValue())
            .sum();
    assertThat(predictions).isGreaterThan(labelled);
    assertThat(all.counted().frameworkCovered()).hasSizeGreaterThan(1);
  }

  @Test
  void anIssueMovedToAnotherFrameworkDropsTheSummary() {
    Shares before = shares("all");
    update(
        "UPDATE issue SET framework = 'Moved' WHERE id IN"
            + " (SELECT issue_id FROM run_item WHERE run_id = (SELECT id FROM classifier_run"
            + " WHERE name = '"
            + RUN
            + "') ORDER BY issue_id LIMIT 3)");
    Shares after = shares("all");
    assertThat(after.summary()).isFalse();
    assertThat(after.fromSummary()).isEqualTo(after.counted());
    assertThat(after.counted().frameworkCovered()).containsEntry("Moved", 3L);
    assertThat(after.counted()).isNotEqualTo(before.counted());
  }

  @Test
  void aChangedPredictionOrRunItemDropsTheSummary() {
    update(
        "DELETE FROM prediction WHERE rowid = (SELECT min(rowid) FROM prediction WHERE"
            + " dimension = 'category' AND run_id = (SELECT id FROM classifier_run WHERE name = '"
            + RUN
            + "'))");
    Shares afterDelete = shares("all");
    assertThat(afterDelete.summary()).isFalse();
    assertThat(afterDelete.fromSummary()).isEqualTo(afterDelete.counted());

    try (Database d = Database.open(db)) {
      long run = runId(d);
      d.write(
          tx -> {
            new Repositories(d).runShares().summarize(tx, run);
            return null;
          });
    }
    assertThat(shares("all").summary()).isTrue();
    update(
        "UPDATE run_item SET is_production = 1 - coalesce(is_production, 0) WHERE rowid ="
            + " (SELECT min(rowid) FROM run_item WHERE run_id = (SELECT id FROM classifier_run"
            + " WHERE name = '"
            + RUN
            + "'))");
    Shares afterUpdate = shares("production");
    assertThat(afterUpdate.summary()).isFalse();
    assertThat(afterUpdate.fromSummary()).isEqualTo(afterUpdate.counted());
  }

  private long runId(Database d) {
    return StoreProbe.count(d, "SELECT id FROM classifier_run WHERE name = '" + RUN + "'");
  }

  @Test
  void upgradingAProjectOfVersionOneSummarizesItsKeywordRunsAfterABackup() throws Exception {
    Shares counted = shares("all");
    // what a project written by the previous build looks like: no summary table, version 1
    try (Database d = Database.open(db)) {
      for (String trigger :
          StoreProbe.rows(
              d,
              "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'run_share%'")) {
        StoreProbe.update(d, "DROP TRIGGER " + trigger.replace("|", ""));
      }
      StoreProbe.update(d, "DROP TABLE run_share_count");
      // and without the later versions' columns (version 3: decision provenance)
      StoreProbe.update(d, "ALTER TABLE decision DROP COLUMN made_by");
      StoreProbe.update(d, "ALTER TABLE annotation_event DROP COLUMN made_by");
      StoreProbe.update(d, "PRAGMA user_version = 1");
    }
    Shares upgraded = shares("all");
    assertThat(upgraded.summary()).isTrue();
    assertThat(upgraded.fromSummary()).isEqualTo(counted.counted());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("project.db.v1-") && n.endsWith(".bak"));
    }
    // the imported run of the same project keeps no summary
    try (Database d = Database.open(db)) {
      assertThat(
              StoreProbe.count(
                  d,
                  "SELECT count(*) FROM run_share_count WHERE run_id = (SELECT id FROM"
                      + " classifier_run WHERE name = '"
                      + StudyProjects.RUN
                      + "')"))
          .isZero();
    }
  }
}
