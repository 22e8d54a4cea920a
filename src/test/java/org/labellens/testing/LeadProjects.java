package org.labellens.testing;

import java.nio.file.Path;
import java.util.List;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.service.SimulationService;
import org.labellens.store.Database;
import org.labellens.store.StoreProbe;

/**
 * A small project ready for the lead's work: study-like issues with an outside classifier's run,
 * keyword evidence for its labels, a sample stratified by framework and predicted category with
 * equal allocation (so that weights differ between strata), and simulated annotators.
 */
public final class LeadProjects {
  public static final String SAMPLE = "main";

  private LeadProjects() {}

  /**
   * Creates the project in {@code dir}.
   *
   * @param overlap the share every annotator labels, e.g. "0.5"
   * @param blind whether the sample is blind-first
   */
  public static Project create(Path dir, int perCell, int size, String overlap, boolean blind) {
    Project p = StudyProjects.create(dir, StudyProjects.specs(perCell));
    addEvidence(p);
    p.samples()
        .draw(
            new SampleRequest(
                SAMPLE,
                size,
                null,
                null,
                StudyProjects.RUN,
                "all",
                "framework,predicted",
                "equal",
                0,
                7L,
                List.of("ann", "bob"),
                overlap,
                blind));
    for (String annotator : List.of("ann", "bob")) {
      p.simulation()
          .run(new SimulationService.Request(SAMPLE, annotator, 0.85, 3L, null), decision -> {});
    }
    return p;
  }

  /** Hostile titles for the first sampled items (by draw rank), in this order. */
  public static final java.util.List<String> HOSTILE_TITLES =
      java.util.List.of(
          "=SUM(A1:A2) looks like a formula",
          "+1 for this",
          "-2 degrades",
          "@mention the team",
          "<script>alert('x')</script> & <b>bold</b>",
          "50% of $x_1$ #1 {braces} ~tilde^ \\backslash | pipe *star* [link](http://evil)");

  /** Gives the first sampled items hostile titles (formula starts, HTML, LaTeX and Markdown). */
  public static void hostileTitles(Project p) {
    try (Database db = Database.open(p.file())) {
      for (int i = 0; i < HOSTILE_TITLES.size(); i++) {
        StoreProbe.update(
            db,
            "UPDATE issue SET title = '"
                + HOSTILE_TITLES.get(i).replace("'", "''")
                + "' WHERE id = (SELECT issue_id FROM sample_item WHERE draw_rank = "
                + (i + 1)
                + ")");
      }
    }
  }

  /**
   * Evidence for the outside run's labels: each label's name fired in the title, and "oom" fired in
   * a log for memory on every other issue.
   */
  public static void addEvidence(Project p) {
    try (Database db = Database.open(p.file())) {
      addEvidence(db);
    }
  }

  private static void addEvidence(Database db) {
    StoreProbe.update(
        db,
        "INSERT INTO evidence (run_id, issue_id, dimension, label, keyword, field, start_offset,"
            + " end_offset, hits) SELECT run_id, issue_id, dimension, label, label, 'title', 0, 3,"
            + " 1 FROM prediction WHERE dimension = 'category'");
    StoreProbe.update(
        db,
        "INSERT INTO evidence (run_id, issue_id, dimension, label, keyword, field, start_offset,"
            + " end_offset, hits) SELECT run_id, issue_id, dimension, label, 'oom', 'body:log', 5,"
            + " 8, 2 FROM prediction WHERE dimension = 'category' AND label = 'memory'"
            + " AND issue_id % 2 = 0");
  }
}
