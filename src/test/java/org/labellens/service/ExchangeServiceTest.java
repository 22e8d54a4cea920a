package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.model.IssueKey;
import org.labellens.io.ExchangeFileWriter;
import org.labellens.store.StoreProbe;
import org.labellens.testing.StudyProjects;

class ExchangeServiceTest {
  @TempDir Path dir;

  static final List<StudyProjects.Spec> SPECS = StudyProjects.specs(6);
  static final Instant T0 = Instant.parse("2025-03-02T10:15:00Z");

  /**
   * A project with sample "s" of 15 items for a, b, c with overlap 0.4 (blind-first); 15 items over
   * 12 strata, so the minimum per stratum is lowered to 0 explicitly (the strata do not matter
   * here).
   */
  static Project project(Path dir) throws Exception {
    Project p = StudyProjects.create(Files.createDirectories(dir), SPECS);
    p.samples()
        .draw(
            new SampleRequest(
                "s",
                15,
                null,
                null,
                StudyProjects.RUN,
                null,
                "framework,predicted",
                null,
                0,
                5L,
                List.of("a", "b", "c"),
                "0.4",
                true));
    return p;
  }

  /** The decision table by names, in a fixed order, with each current event's key. */
  static List<String> decisionTable(Project p) {
    return StoreProbe.rows(
        p.database(),
        "SELECT sa.name, i.repo, i.number, n.name, d.dimension, d.phase, d.value, d.unsure,"
            + " d.decided_at, e.event_key FROM decision d JOIN sample sa ON sa.id = d.sample_id"
            + " JOIN issue i ON i.id = d.issue_id JOIN annotator n ON n.id = d.annotator_id"
            + " JOIN annotation_event e ON e.id = d.event_id ORDER BY 1, 2, 3, 4, 5, 6");
  }

  static int events(Project p) {
    return StoreProbe.count(p.database(), "SELECT count(*) FROM annotation_event");
  }

  /** Every annotator decides every assigned item (blind and revealed) through the simulation. */
  static void annotateAll(Project p) {
    for (String a : List.of("a", "b", "c")) {
      p.simulation().run(new SimulationService.Request("s", a, 0.8, 1, null), d -> {});
    }
  }

  @Test
  void exportThenImportIntoAnotherCopyGivesTheSameDecisions() throws Exception {
    try (Project source = project(dir.resolve("source"));
        Project target = project(dir.resolve("target"))) {
      annotateAll(source);
      List<Path> files = new ArrayList<>();
      for (String a : List.of("a", "b", "c")) {
        Path f = dir.resolve("annotations").resolve(a + ".jsonl");
        ExchangeService.ExportSummary s = source.exchange().export(a, "s", f, false);
        assertThat(s.decisions()).isPositive();
        files.add(f);
      }
      ExchangeService.ImportSummary imported = target.exchange().importFiles(files);
      assertThat(imported.added()).isEqualTo(events(source));
      assertThat(decisionTable(target)).isEqualTo(decisionTable(source));
      assertThat(target.samples().progress("s")).isEqualTo(source.samples().progress("s"));

      ExchangeService.ImportSummary again = target.exchange().importFiles(files);
      assertThat(again.added()).isZero();
      assertThat(again.repeated()).isEqualTo(imported.lines());
      assertThat(events(target)).isEqualTo(events(source));
    }
  }

  @Test
  void mergingThreeFilesInAnyOfTheSixOrdersGivesTheSameDecisionTable() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    List<Path> three;
    try (Project source = project(dir.resolve("source"))) {
      annotateAll(source);
      three = new ArrayList<>();
      for (String a : List.of("a", "b", "c")) {
        three.add(source.exchange().export(a, "s", files.resolve(a + ".jsonl"), false).file());
      }
      // c's file also carries later changes of a's decisions, an equal-time conflict and, listed
      // first, a decision older than what a's own file holds: the order of lines must not matter
      QueueItem item = source.annotations().queue("s", "a").items().get(0);
      List<Decision> extra = new ArrayList<>();
      Instant late = Instant.parse("2030-01-01T00:00:00Z");
      extra.add(
          Decision.of(
                  "s", item.issue(), "a", "primary", DecisionValue.single("memory"), Phase.REVEALED)
              .withDecidedAt(T0.minusSeconds(3600)));
      extra.add(
          Decision.of(
                  "s", item.issue(), "a", "primary", DecisionValue.single("api"), Phase.REVEALED)
              .withDecidedAt(late));
      extra.add(
          Decision.of(
                  "s", item.issue(), "a", "primary", DecisionValue.single("crash"), Phase.REVEALED)
              .withDecidedAt(late));
      StringBuilder sb = new StringBuilder();
      for (Decision d : extra) {
        sb.append(ExchangeFileWriter.line(d)).append('\n');
      }
      sb.append(Files.readString(three.get(2)));
      Files.writeString(three.get(2), sb.toString());
    }
    List<List<Integer>> orders =
        List.of(
            List.of(0, 1, 2),
            List.of(0, 2, 1),
            List.of(1, 0, 2),
            List.of(1, 2, 0),
            List.of(2, 0, 1),
            List.of(2, 1, 0));
    List<String> reference = null;
    int n = 0;
    for (List<Integer> order : orders) {
      try (Project p = project(dir.resolve("merge" + n++))) {
        // one file per import, in this order
        for (int i : order) {
          p.exchange().importFiles(List.of(three.get(i)));
        }
        List<String> table = decisionTable(p);
        if (reference == null) {
          reference = table;
        }
        assertThat(table).as("order " + order).isEqualTo(reference);
      }
    }
    assertThat(reference).isNotEmpty();
    assertThat(reference).anyMatch(row -> row.contains("2030-01-01T00:00:00.000000Z"));
  }

  @Test
  void aBadLineNamesFileLineAndFieldAndNothingIsWritten() throws Exception {
    try (Project p = project(dir.resolve("p"))) {
      QueueItem item = p.annotations().queue("s", "a").items().get(0);
      String good =
          ExchangeFileWriter.line(
              Decision.of(
                      "s", item.issue(), "a", "primary", DecisionValue.single("gpu"), Phase.BLIND)
                  .withDecidedAt(T0));
      Path ok = dir.resolve("ok.jsonl");
      Files.writeString(ok, good + "\n");

      Path notInSample = dir.resolve("bad1.jsonl");
      Files.writeString(
          notInSample,
          good
              + "\n\n"
              + good.replace("\"number\":" + item.issue().number(), "\"number\":987654")
              + "\n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(ok, notInSample)))
          .isInstanceOf(BadInputException.class)
          .hasMessage(
              notInSample
                  + ":3: field 'number': issue "
                  + new IssueKey(item.issue().repo(), 987654)
                  + " is not in sample 's'");

      Path unknownSample = dir.resolve("bad2.jsonl");
      Files.writeString(
          unknownSample, good.replace("\"sample\":\"s\"", "\"sample\":\"zz\"") + "\n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(ok, unknownSample)))
          .hasMessageStartingWith(unknownSample + ":1: field 'sample': no sample named 'zz'");

      Path malformed = dir.resolve("bad3.jsonl");
      Files.writeString(malformed, good + "\n{\"repo\": \n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(malformed)))
          .hasMessageStartingWith(malformed + ":2: malformed JSON");

      Path badValue = dir.resolve("bad4.jsonl");
      Files.writeString(badValue, good.replace("\"value\":\"gpu\"", "\"value\":7") + "\n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(badValue)))
          .hasMessageStartingWith(badValue + ":1: field 'value': must be a label");

      Path unknownField = dir.resolve("bad5.jsonl");
      Files.writeString(unknownField, good.replace("\"note\"", "\"notes\"") + "\n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(unknownField)))
          .hasMessageStartingWith(unknownField + ":1: field 'notes': unknown field");

      Path badTime = dir.resolve("bad6.jsonl");
      Files.writeString(badTime, good.replace("2025-03-02T10:15:00.000000Z", "yesterday") + "\n");
      assertThatThrownBy(() -> p.exchange().importFiles(List.of(badTime)))
          .hasMessageStartingWith(badTime + ":1: field 'at': 'yesterday' is not an ISO-8601 time");

      assertThat(events(p)).isZero();
      assertThat(decisionTable(p)).isEmpty();
      assertThat(p.exchange().importFiles(List.of(ok)).added()).isEqualTo(1);
    }
  }

  @Test
  void exportKeepsHistoryUnlessCurrentOnlyIsAsked() throws Exception {
    try (Project p = project(dir.resolve("p"))) {
      QueueItem item = p.annotations().queue("s", "a").items().get(0);
      Decision first =
          Decision.of("s", item.issue(), "a", "primary", DecisionValue.single("gpu"), Phase.BLIND)
              .withDecidedAt(T0);
      p.annotations().record(first, DecisionOrigin.IMPORT);
      p.annotations()
          .record(
              first.withValue(DecisionValue.single("api")).withDecidedAt(T0.plusSeconds(5)),
              DecisionOrigin.IMPORT);
      Path all = dir.resolve("out/a.jsonl");
      Path current = dir.resolve("out/a-current.jsonl");
      assertThat(p.exchange().export("a", null, all, false).decisions()).isEqualTo(2);
      assertThat(p.exchange().export("a", "s", current, true).decisions()).isEqualTo(1);
      assertThat(Files.readAllLines(current))
          .singleElement()
          .asString()
          .contains("\"value\":\"api\"");
      assertThat(Files.list(dir.resolve("out"))).hasSize(2); // no temporary files left
      assertThatThrownBy(
              () -> p.exchange().export("nobody", null, dir.resolve("out/x.jsonl"), false))
          .hasMessageContaining("no annotator named 'nobody'");
      assertThat(Files.exists(dir.resolve("out/x.jsonl"))).isFalse();
    }
  }
}
