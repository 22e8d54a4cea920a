package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.AllocationMethod;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.sampling.StratumKey;
import org.labellens.store.StoreProbe;
import org.labellens.testing.StudyProjects;

class SampleServiceTest {
  @TempDir Path dir;

  static SampleRequest bySize(
      String name, int size, String strata, List<String> annotators, String overlap) {
    return new SampleRequest(
        name,
        size,
        null,
        null,
        StudyProjects.RUN,
        null,
        strata,
        null,
        null,
        11L,
        annotators,
        overlap,
        false);
  }

  static SampleRequest byMargin(String name, double margin, String strata) {
    return new SampleRequest(
        name,
        null,
        margin,
        null,
        StudyProjects.RUN,
        null,
        strata,
        null,
        null,
        11L,
        List.of(),
        null,
        false);
  }

  private Path sub(String name) throws Exception {
    return Files.createDirectories(dir.resolve(name));
  }

  @Test
  void drawStoresTheSampleWithItsParametersAndStrata() throws Exception {
    try (Project p = StudyProjects.create(sub("a"), StudyProjects.specs(10))) {
      SampleReport r =
          p.samples()
              .draw(bySize("pilot", 40, "framework,predicted", List.of("a", "b", "c"), "0.25"));
      SampleInfo s = r.sample();
      assertThat(s.name()).isEqualTo("pilot");
      assertThat(s.seed()).isEqualTo(11);
      assertThat(s.size()).isEqualTo(40);
      assertThat(s.strataBy()).containsExactly("framework", "predicted");
      assertThat(s.allocation()).isEqualTo(AllocationMethod.PROPORTIONAL);
      assertThat(s.run()).isEqualTo(StudyProjects.RUN);
      assertThat(s.overlap()).isEqualTo(0.25);
      assertThat(s.parameters()).contains("\"seed\":11").contains("\"overlap\":0.25");
      assertThat(r.population()).isEqualTo(StudyProjects.specs(10).size());
      assertThat(r.strata()).hasSize(12);
      assertThat(r.strata().stream().mapToInt(SampleDraw.Stratum::size).sum()).isEqualTo(40);
      assertThat(r.items()).hasSize(40);
      assertThat(r.overlapItems()).isEqualTo(10);
      // the stored sample reads back the same
      SampleReport again = p.samples().get("pilot");
      assertThat(again.strata()).isEqualTo(r.strata());
      assertThat(again.items()).isEqualTo(r.items());
      assertThat(again.annotators())
          .extracting(a -> a.assigned())
          .containsExactly(20, 20, 20); // 10 overlap + 30 dealt in turn
    }
  }

  @Test
  void theSameSampleComesFromDatabasesThatImportedInDifferentOrders() throws Exception {
    List<StudyProjects.Spec> specs = StudyProjects.specs(12);
    List<StudyProjects.Spec> reversed = new ArrayList<>(specs);
    java.util.Collections.reverse(reversed);
    SampleRequest request = bySize("s", 45, "framework,predicted", List.of("x", "y"), "0.2");
    try (Project one = StudyProjects.create(sub("one"), specs);
        Project two = StudyProjects.create(sub("two"), reversed.subList(0, 30))) {
      StudyProjects.importInto(
          two, sub("two").resolve("rest.jsonl"), reversed.subList(30, reversed.size()));
      SampleReport a = one.samples().draw(request);
      SampleReport b = two.samples().draw(request);
      assertThat(b.strata()).isEqualTo(a.strata());
      assertThat(withoutIds(b.items())).isEqualTo(withoutIds(a.items()));
      for (String annotator : List.of("x", "y")) {
        assertThat(queue(two, "s", annotator)).isEqualTo(queue(one, "s", annotator));
      }
    }
  }

  @Test
  void addingIssuesToOneStratumLeavesTheOtherStrataSamplesUnchanged() throws Exception {
    List<StudyProjects.Spec> specs = StudyProjects.specs(30);
    List<StudyProjects.Spec> more = new ArrayList<>(specs);
    more.addAll(StudyProjects.extraVllmGpu(300, 50_000));
    try (Project base = StudyProjects.create(sub("base"), specs);
        Project grown = StudyProjects.create(sub("grown"), more)) {
      SampleRequest request = byMargin("m", 0.1, "framework,predicted");
      Map<StratumKey, List<IssueKey>> before = byStratum(base.samples().draw(request));
      Map<StratumKey, List<IssueKey>> after = byStratum(grown.samples().draw(request));
      StratumKey changed =
          new StratumKey(List.of("framework", "predicted"), List.of("vLLM", "gpu"));
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (StratumKey k : before.keySet()) {
        if (!k.equals(changed)) {
          assertThat(after.get(k)).as(k.label()).isEqualTo(before.get(k));
        }
      }
      assertThat(after.get(changed)).hasSizeGreaterThan(before.get(changed).size());
    }
  }

  @Test
  void marginSizingGivesEveryStratumItsCochranSize() throws Exception {
    try (Project p = StudyProjects.create(sub("m"), StudyProjects.specs(30))) {
      SampleReport r = p.samples().draw(byMargin("m", 0.1, "framework"));
      assertThat(r.sample().allocation()).isEqualTo(AllocationMethod.MARGIN);
      for (SampleDraw.Stratum st : r.strata()) {
        assertThat(st.size())
            .isEqualTo(org.labellens.core.sampling.SampleSize.cochran(st.population(), 0.1, 0.95));
      }
    }
  }

  @Test
  void framesSelectTheirIssues() throws Exception {
    List<StudyProjects.Spec> specs = StudyProjects.specs(10);
    long bugPerf =
        specs.stream()
            .filter(
                s ->
                    s.labels().stream()
                        .anyMatch(l -> List.of("bug", "performance").contains(l.toLowerCase())))
            .count();
    try (Project p = StudyProjects.create(sub("f"), specs)) {
      SampleReport r =
          p.samples()
              .draw(
                  new SampleRequest(
                      "bp",
                      5,
                      null,
                      null,
                      null,
                      "bug-perf",
                      null,
                      null,
                      null,
                      null,
                      List.of(),
                      null,
                      false));
      assertThat(r.population()).isEqualTo(bugPerf);

      assertThatThrownBy(
              () ->
                  p.samples()
                      .draw(
                          new SampleRequest(
                              "prod",
                              5,
                              null,
                              null,
                              StudyProjects.RUN,
                              "production",
                              null,
                              null,
                              null,
                              null,
                              List.of(),
                              null,
                              false)))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("has no production flags");

      // a run with production flags: flag the gpu issues
      StoreProbe.update(p.database(), "UPDATE run_item SET is_production = 0");
      StoreProbe.update(
          p.database(), "UPDATE run_item SET is_production = 1 WHERE primary_label = 'gpu'");
      SampleReport prod =
          p.samples()
              .draw(
                  new SampleRequest(
                      "prod",
                      5,
                      null,
                      null,
                      StudyProjects.RUN,
                      "production",
                      "predicted",
                      null,
                      null,
                      null,
                      List.of(),
                      null,
                      false));
      assertThat(prod.strata()).extracting(s -> s.key().label()).containsExactly("gpu");
    }
  }

  @Test
  void badRequestsAreRefusedAndNothingIsWritten() throws Exception {
    try (Project p = StudyProjects.create(sub("bad"), StudyProjects.specs(5))) {
      int frame = StudyProjects.specs(5).size();
      assertThatThrownBy(
              () -> p.samples().draw(bySize("x", 10, "framework,severity", List.of(), null)))
          .hasMessageContaining("unknown stratum key 'severity'");
      assertThatThrownBy(
              () -> p.samples().draw(bySize("x", frame + 1, "framework", List.of(), null)))
          .hasMessageContaining("larger than the frame (" + frame + " issues)");
      assertThatThrownBy(() -> p.samples().draw(bySize("x", 10, null, List.of("a", "b"), "1.2")))
          .hasMessageContaining("outside [0, 1]");
      assertThatThrownBy(() -> p.samples().draw(bySize("x", 10, null, List.of("a", "b"), "-0.1")))
          .hasMessageContaining("outside [0, 1]");
      assertThatThrownBy(
              () ->
                  p.samples()
                      .draw(
                          new SampleRequest(
                              "x",
                              10,
                              null,
                              null,
                              null,
                              null,
                              "predicted",
                              null,
                              null,
                              null,
                              List.of(),
                              null,
                              false)))
          .hasMessageContaining("needs a classifier run");
      assertThatThrownBy(
              () ->
                  p.samples()
                      .draw(
                          new SampleRequest(
                              "x", 10, null, null, "nope", null, null, null, null, null, List.of(),
                              null, false)))
          .hasMessageContaining("no classifier run named 'nope'");
      assertThatThrownBy(
              () ->
                  p.samples()
                      .draw(
                          new SampleRequest(
                              "x", null, 0.05, null, null, null, null, "equal", null, null,
                              List.of(), null, false)))
          .hasMessageContaining("--allocation applies to --size");
      assertThat(p.samples().list()).isEmpty();

      p.samples().draw(bySize("x", 10, null, List.of(), null));
      assertThatThrownBy(() -> p.samples().draw(bySize("x", 12, null, List.of(), null)))
          .hasMessageContaining("a sample named 'x' exists already");
      assertThat(p.samples().get("x").items()).hasSize(10);
    }
  }

  @Test
  void planGivesCochranPerStratumAndTheKappaOverlap() throws Exception {
    try (Project p = StudyProjects.create(sub("plan"), StudyProjects.specs(30))) {
      SamplePlan plan =
          p.samples()
              .plan(
                  new PlanRequest(
                      0.1, null, null, null, "framework", null, null, 0.8, 0.5, 0.1, null));
      assertThat(plan.strata()).hasSize(3);
      int total = 0;
      for (SamplePlan.Stratum s : plan.strata()) {
        assertThat(s.size())
            .isEqualTo(org.labellens.core.sampling.SampleSize.cochran(s.population(), 0.1, 0.95));
        total += s.size();
      }
      assertThat(plan.total()).isEqualTo(total);
      assertThat(plan.kappa().items()).isEqualTo(139);
      assertThat(plan.kappa().sampleSize()).isEqualTo(total);
    }
    SamplePlan whole =
        SamplePlan.forPopulation(
            12_349,
            new PlanRequest(0.05, 0.95, null, null, null, null, 12_349L, 0.8, 0.5, 0.1, null));
    assertThat(whole.total()).isEqualTo(373);
    assertThat(whole.unstratified()).isEqualTo(373);
    // 139 / 373 = 0.3727 -> 0.38, and ceil(0.38 × 373) = 142 >= 139
    assertThat(whole.kappa().overlapShare()).isEqualByComparingTo("0.38");
  }

  static List<String> withoutIds(List<SampleDraw.Item> items) {
    return items.stream()
        .map(
            i ->
                i.rank()
                    + " "
                    + i.issue()
                    + " "
                    + i.stratum().label()
                    + " "
                    + i.overlap()
                    + " "
                    + i.annotators()
                    + " "
                    + i.hash())
        .toList();
  }

  /** specs(4) with the cell vLLM / crash cut down to one issue (a stratum of population 1). */
  static List<StudyProjects.Spec> withASingleIssueStratum() {
    List<StudyProjects.Spec> out = new ArrayList<>();
    boolean kept = false;
    for (StudyProjects.Spec spec : StudyProjects.specs(4)) {
      boolean cell =
          spec.repo().equals("vllm-project/vllm")
              && spec.categories().equals(List.of("crash", "api"));
      if (!cell || !kept) {
        out.add(spec);
        kept |= cell;
      }
    }
    return out;
  }

  @Test
  void everyStratumGetsTwoItemsUnlessAskedOtherwise() throws Exception {
    try (Project p = StudyProjects.create(sub("min"), StudyProjects.specs(4))) {
      // 12 strata; proportional quotas of 26 items would leave small strata with one item
      SampleReport r = p.samples().draw(bySize("s", 26, "framework,predicted", List.of(), null));
      assertThat(r.parameters().get("min_per_stratum")).isEqualTo(2);
      assertThat(r.strata())
          .hasSize(12)
          .allSatisfy(st -> assertThat(st.size()).isGreaterThanOrEqualTo(2));
      assertThat(r.warnings()).isEmpty();
      // 20 items cannot give 12 strata two each: refused, nothing stored
      assertThatThrownBy(
              () -> p.samples().draw(bySize("t", 20, "framework,predicted", List.of(), null)))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("minimum of 2 per stratum needs 24 items");
      assertThat(p.samples().list()).hasSize(1);
    }
  }

  @Test
  void aStratumThatCannotReachTheMinimumIsNamedInAWarning() throws Exception {
    try (Project p = StudyProjects.create(sub("census"), withASingleIssueStratum())) {
      SampleReport r = p.samples().draw(bySize("s", 40, "framework,predicted", List.of(), null));
      SampleDraw.Stratum single =
          r.strata().stream()
              .filter(st -> st.key().label().equals("vLLM / crash"))
              .findFirst()
              .orElseThrow();
      assertThat(single.population()).isEqualTo(1);
      assertThat(single.size()).isEqualTo(1);
      assertThat(r.warnings())
          .singleElement()
          .asString()
          .contains("vLLM / crash", "single issue in the frame", "minimum of 2", "census");
    }
  }

  @Test
  void aSingleItemStratumAskedForIsNamedInAWarning() throws Exception {
    try (Project p = StudyProjects.create(sub("one"), StudyProjects.specs(4))) {
      SampleRequest asked =
          new SampleRequest(
              "s",
              14,
              null,
              null,
              StudyProjects.RUN,
              null,
              "framework,predicted",
              null,
              1,
              11L,
              List.of(),
              null,
              false);
      SampleReport r = p.samples().draw(asked);
      List<String> singles =
          r.strata().stream().filter(st -> st.size() == 1).map(st -> st.key().label()).toList();
      assertThat(singles).isNotEmpty();
      assertThat(r.warnings()).singleElement().asString().contains("single item", "collapses");
      for (String label : singles) {
        assertThat(r.warnings().get(0)).contains(label);
      }
    }
  }

  static List<String> queue(Project p, String sample, String annotator) {
    return p.annotations().queue(sample, annotator).items().stream()
        .map((QueueItem q) -> q.position() + " " + q.issue())
        .toList();
  }

  static Map<StratumKey, List<IssueKey>> byStratum(SampleReport r) {
    Map<StratumKey, List<IssueKey>> m = new HashMap<>();
    for (SampleDraw.Item i : r.items()) {
      m.computeIfAbsent(i.stratum(), k -> new ArrayList<>()).add(i.issue());
    }
    for (SampleDraw.Stratum s : r.strata()) {
      m.putIfAbsent(s.key(), List.of());
    }
    return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
