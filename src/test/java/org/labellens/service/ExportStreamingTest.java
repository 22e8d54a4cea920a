package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.review.ExportDocument;
import org.labellens.testing.StudyProjects;

/**
 * An export holds a bounded number of issues whatever the sample's size: while rows are handed to
 * the writer, the rows already written, their issue keys and their decisions are garbage, so no
 * structure of the whole sample (rows, items, decisions) is kept anywhere.
 */
class ExportStreamingTest {
  @TempDir Path dir;

  private static final String SAMPLE = "all";

  /** How many issues are alive at most, counted every few rows. */
  private record Counted(int rows, int decisions, int maxAlive) {}

  @Test
  void holdsAFewIssuesAtATimeHoweverLargeTheSample() throws Exception {
    Counted small = count("small", 4, false);
    Counted large = count("large", 60, false);

    assertThat(small.rows()).isEqualTo(12 * 4 + 48);
    assertThat(large.rows()).isEqualTo(12 * 60 + 48);
    assertThat(large.decisions()).isPositive();
    assertThat(small.maxAlive()).isLessThanOrEqualTo(2);
    assertThat(large.maxAlive()).isLessThanOrEqualTo(2);
  }

  @Test
  void aGoldOnlyExportHoldsAFewIssuesAtATimeToo() throws Exception {
    Counted large = count("gold", 60, true);

    assertThat(large.rows()).isPositive();
    assertThat(large.maxAlive()).isLessThanOrEqualTo(2);
  }

  /**
   * Draws a sample of every issue of a project with {@code perCell} issues per cell, lets two
   * annotators decide some of it, and follows the export's rows with weak references.
   */
  private Counted count(String name, int perCell, boolean goldOnly) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    List<StudyProjects.Spec> specs = StudyProjects.specs(perCell);
    try (Project p = StudyProjects.create(d, specs)) {
      p.samples()
          .draw(
              new SampleRequest(
                  SAMPLE,
                  specs.size(),
                  null,
                  null,
                  StudyProjects.RUN,
                  null,
                  "framework",
                  null,
                  null,
                  1L,
                  List.of("a", "b"),
                  "1",
                  false));
      for (String annotator : List.of("a", "b")) {
        p.simulation().run(new SimulationService.Request(SAMPLE, annotator, 0.8, 5L, 40), x -> {});
      }
      // per row handed over: the row itself, its issue key and its decisions; a row counts as
      // alive while any of them is reachable
      List<List<WeakReference<Object>>> followed = new ArrayList<>();
      int[] decisions = {0};
      int[] maxAlive = {0};
      p.export()
          .rows(
              SAMPLE,
              goldOnly,
              row -> {
                followed.add(references(row));
                decisions[0] += row.decisions().size();
                if (followed.size() % 16 == 0) {
                  maxAlive[0] = Math.max(maxAlive[0], alive(followed));
                }
              });
      return new Counted(followed.size(), decisions[0], maxAlive[0]);
    }
  }

  private static List<WeakReference<Object>> references(ExportDocument.Row row) {
    List<WeakReference<Object>> out = new ArrayList<>();
    out.add(new WeakReference<>(row));
    out.add(new WeakReference<>(row.issue()));
    for (Decision d : row.decisions()) {
      out.add(new WeakReference<>(d));
    }
    return out;
  }

  /** The rows (the one being handed over included) with anything still reachable. */
  private static int alive(List<List<WeakReference<Object>>> followed) {
    int alive = Integer.MAX_VALUE;
    // a collection may leave some weakly reachable objects for the next; a few, until none go
    for (int i = 0; i < 5; i++) {
      System.gc();
      int now = 0;
      for (List<WeakReference<Object>> row : followed) {
        if (row.stream().anyMatch(r -> r.get() != null)) {
          now++;
        }
      }
      if (now >= alive) {
        break;
      }
      alive = now;
    }
    return alive;
  }
}
