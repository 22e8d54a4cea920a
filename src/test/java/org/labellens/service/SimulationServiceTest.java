package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.Phase;

class SimulationServiceTest {
  @TempDir Path dir;

  @Test
  void everyHandedOnDecisionIsAlreadyInTheDatabase() throws Exception {
    try (Project p = ExchangeServiceTest.project(dir.resolve("p"))) {
      List<String> tableAtEachStep = new ArrayList<>();
      List<Decision> seen = new ArrayList<>();
      p.simulation()
          .run(
              new SimulationService.Request("s", "a", 0.85, 1, 3),
              d -> {
                seen.add(d);
                // read through another connection: the decision must be committed already
                List<String> table = ExchangeServiceTest.decisionTable(p);
                assertThat(table)
                    .anyMatch(
                        row ->
                            row.startsWith(
                                    "s|"
                                        + d.issue().repo()
                                        + "|"
                                        + d.issue().number()
                                        + "|a|"
                                        + d.dimension()
                                        + "|"
                                        + d.phase().key()
                                        + "|")
                                && row.contains("|" + d.value().toJson() + "|"));
                tableAtEachStep.add(String.valueOf(table.size()));
              });
      // blind-first: three dimensions blind, then three revealed, for 3 items
      assertThat(seen).hasSize(18);
      assertThat(seen.subList(0, 3)).allMatch(d -> d.phase() == Phase.BLIND);
      assertThat(seen.subList(3, 6)).allMatch(d -> d.phase() == Phase.REVEALED);
      assertThat(seen.subList(0, 3)).allMatch(d -> d.predicted() == null);
      assertThat(seen.subList(3, 6)).anyMatch(d -> d.predicted() != null);
      assertThat(ExchangeServiceTest.decisionTable(p)).hasSize(18);
    }
  }

  @Test
  void aResumedRunGivesTheSameDecisionsAsAnUninterruptedOne() throws Exception {
    try (Project once = ExchangeServiceTest.project(dir.resolve("once"));
        Project twice = ExchangeServiceTest.project(dir.resolve("twice"))) {
      once.simulation().run(new SimulationService.Request("s", "b", 0.7, 9, null), d -> {});
      SimulationService.Summary first =
          twice.simulation().run(new SimulationService.Request("s", "b", 0.7, 9, 2), d -> {});
      assertThat(first.items()).isEqualTo(2);
      assertThat(first.remaining()).isPositive();
      SimulationService.Summary rest =
          twice.simulation().run(new SimulationService.Request("s", "b", 0.7, 9, null), d -> {});
      assertThat(rest.remaining()).isZero();
      assertThat(values(twice)).isEqualTo(values(once));
      assertThat(twice.annotations().queue("s", "b").finished()).isTrue();
      SimulationService.Summary nothing =
          twice.simulation().run(new SimulationService.Request("s", "b", 0.7, 9, null), d -> {});
      assertThat(nothing.decisions()).isZero();
    }
  }

  @Test
  void badParametersAreRefused() throws Exception {
    try (Project p = ExchangeServiceTest.project(dir.resolve("p"))) {
      assertThatThrownBy(
              () ->
                  p.simulation()
                      .run(new SimulationService.Request("s", "a", 1.5, 1, null), d -> {}))
          .hasMessageContaining("--accuracy");
      assertThatThrownBy(
              () ->
                  p.simulation()
                      .run(new SimulationService.Request("s", "zed", 0.8, 1, null), d -> {}))
          .hasMessageContaining("annotator 'zed' has no assignment");
      assertThatThrownBy(
              () ->
                  p.simulation()
                      .run(new SimulationService.Request("s", "a", 0.8, 1, null, -5), d -> {}))
          .hasMessageContaining("--think cannot be negative");
      assertThat(ExchangeServiceTest.decisionTable(p)).isEmpty();
    }
  }

  /** The decision table without times and event keys (which differ between runs). */
  private static List<String> values(Project p) {
    return ExchangeServiceTest.decisionTable(p).stream()
        .map(row -> String.join("|", List.of(row.split("\\|")).subList(0, 8)))
        .toList();
  }
}
