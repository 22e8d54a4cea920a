package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationQueue;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.InvalidDecisionException;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.testing.StudyProjects;

class AnnotationServiceTest {
  @TempDir Path dir;
  Project project;
  AnnotationService annotations;

  static final Instant T0 = Instant.parse("2025-03-02T10:15:00Z");

  @BeforeEach
  void setUp() {
    project = StudyProjects.create(dir, StudyProjects.specs(6));
    project
        .samples()
        .draw(
            new SampleRequest(
                "s",
                12,
                null,
                null,
                StudyProjects.RUN,
                null,
                "framework",
                null,
                null,
                3L,
                List.of("a", "b"),
                "0.5",
                false));
    project
        .samples()
        .draw(
            new SampleRequest(
                "blind",
                4,
                null,
                null,
                StudyProjects.RUN,
                null,
                null,
                null,
                null,
                3L,
                List.of("a"),
                "0",
                true));
    annotations = project.annotations();
  }

  @AfterEach
  void tearDown() {
    project.close();
  }

  /** An item of the sample assigned to both a and b. */
  IssueKey shared() {
    return project.samples().get("s").items().stream()
        .filter(SampleDraw.Item::overlap)
        .findFirst()
        .orElseThrow()
        .issue();
  }

  /** An item assigned to b only. */
  IssueKey onlyB() {
    return project.samples().get("s").items().stream()
        .filter(i -> i.annotators().equals(List.of("b")))
        .findFirst()
        .orElseThrow()
        .issue();
  }

  static Decision category(IssueKey issue, String annotator, Instant at, String... labels) {
    return Decision.of(
            "s", issue, annotator, "category", DecisionValue.set(List.of(labels)), Phase.REVEALED)
        .withDecidedAt(at);
  }

  List<String> decisionTable() {
    return ExchangeServiceTest.decisionTable(project);
  }

  int events() {
    return ExchangeServiceTest.events(project);
  }

  @Test
  void recordingAppendsAnEventAndSetsTheCurrentDecision() {
    AnnotationService.Recorded r =
        annotations.record(
            category(shared(), "a", T0, "memory", "gpu", "memory"), DecisionOrigin.IMPORT);
    assertThat(r.newEvent()).isTrue();
    assertThat(r.current()).isTrue();
    // the set is stored in taxonomy order, each label once
    assertThat(r.decision().value()).isEqualTo(DecisionValue.set(List.of("memory", "gpu")));
    assertThat(events()).isEqualTo(1);
    assertThat(annotations.decisions("s", "a", shared()))
        .singleElement()
        .satisfies(d -> assertThat(d.value().labels()).containsExactly("memory", "gpu"));
  }

  @Test
  void recordingTheSameDecisionAgainAddsNothing() {
    Decision d = category(shared(), "a", T0, "gpu");
    annotations.record(d, DecisionOrigin.IMPORT);
    AnnotationService.Recorded again = annotations.record(d, DecisionOrigin.IMPORT);
    assertThat(again.newEvent()).isFalse();
    assertThat(again.current()).isTrue();
    assertThat(events()).isEqualTo(1);
  }

  @Test
  void theLatestDecisionWinsWhateverOrderTheyArrive() {
    IssueKey issue = shared();
    annotations.record(category(issue, "a", T0.plusSeconds(60), "api"), DecisionOrigin.IMPORT);
    AnnotationService.Recorded older =
        annotations.record(category(issue, "a", T0, "gpu"), DecisionOrigin.IMPORT);
    assertThat(older.newEvent()).isTrue();
    assertThat(older.current()).isFalse();
    assertThat(events()).isEqualTo(2);
    assertThat(annotations.decisions("s", "a", issue).get(0).value().labels())
        .containsExactly("api");
  }

  @Test
  void equalTimesAreBrokenByTheLargerEventKey() {
    IssueKey issue = shared();
    Decision x = category(issue, "a", T0, "api");
    Decision y = category(issue, "a", T0, "gpu");
    Decision winner = x.eventKey().compareTo(y.eventKey()) > 0 ? x : y;
    annotations.record(x, DecisionOrigin.IMPORT);
    annotations.record(y, DecisionOrigin.IMPORT);
    assertThat(annotations.decisions("s", "a", issue).get(0).value()).isEqualTo(winner.value());
  }

  @Test
  void aLiveDecisionAlwaysBecomesCurrent() {
    IssueKey issue = shared();
    Instant future = Instant.now().plusSeconds(3600);
    annotations.record(category(issue, "a", future, "api"), DecisionOrigin.IMPORT);
    AnnotationService.Recorded live =
        annotations.record(category(issue, "a", Instant.now(), "gpu"));
    assertThat(live.current()).isTrue();
    assertThat(live.decision().decidedAt()).isAfter(future);
    assertThat(live.decision().taxonomy()).isEqualTo("study-v1@1.0");
    assertThat(annotations.decisions("s", "a", issue).get(0).value().labels())
        .containsExactly("gpu");
  }

  @Test
  void decisionsAreValidated() {
    IssueKey issue = shared();
    IssueKey notInSample = new IssueKey("vllm-project/vllm", 999_999);
    assertThatThrownBy(() -> annotations.record(category(onlyB(), "a", T0, "gpu")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("is not assigned to annotator 'a'");
    assertThatThrownBy(() -> annotations.record(category(notInSample, "a", T0, "gpu")))
        .hasMessageContaining("is not in sample 's'");
    assertThatThrownBy(() -> annotations.record(category(issue, "zed", T0, "gpu")))
        .hasMessageContaining("annotator 'zed' has no assignment");
    assertThatThrownBy(() -> annotations.record(category(issue, "a", T0, "bogus")))
        .hasMessageContaining("'bogus' is not a label of dimension 'category'");
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                        "s", issue, "a", "category", DecisionValue.single("gpu"), Phase.REVEALED)))
        .hasMessageContaining("takes a set of labels");
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                        "s",
                        issue,
                        "a",
                        "primary",
                        DecisionValue.set(List.of("gpu")),
                        Phase.REVEALED)))
        .hasMessageContaining("takes one label");
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                        "s", issue, "a", "mood", DecisionValue.single("x"), Phase.REVEALED)))
        .hasMessageContaining("unknown dimension 'mood'");
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                        "s", issue, "a", "production", DecisionValue.single("yes"), Phase.BLIND)))
        .hasMessageContaining("is not blind-first");
    assertThatThrownBy(
            () ->
                annotations.record(
                    category(issue, "a", T0, "gpu").withDetails(false, "because", null, null)))
        .hasMessageContaining("unknown reason code 'because'");
    assertThatThrownBy(
            () ->
                annotations.record(
                    category(issue, "a", T0, "gpu").withDetails(false, null, null, -3.0)))
        .hasMessageContaining("seconds");
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                        "nope",
                        issue,
                        "a",
                        "primary",
                        DecisionValue.single("gpu"),
                        Phase.REVEALED)))
        .hasMessageContaining("no sample named 'nope'");
    assertThat(events()).isZero();
  }

  @Test
  void decideAllIsAllOrNothing() {
    IssueKey issue = shared();
    List<Decision> batch = new ArrayList<>();
    batch.add(category(issue, "a", T0, "gpu"));
    batch.add(Decision.of("s", issue, "a", "primary", DecisionValue.single("gpu"), Phase.REVEALED));
    batch.add(
        Decision.of("s", issue, "a", "production", DecisionValue.single("maybe"), Phase.REVEALED));
    assertThatThrownBy(() -> annotations.decideAll(batch))
        .isInstanceOfSatisfying(
            InvalidDecisionException.class,
            e -> {
              assertThat(e.index()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("value");
            });
    assertThat(events()).isZero();
    assertThat(decisionTable()).isEmpty();
    annotations.decideAll(batch.subList(0, 2));
    assertThat(decisionTable()).hasSize(2);
  }

  @Test
  void theQueueResumesAtTheFirstPendingItemAndSkippedItemsComeBackLast() {
    AnnotationQueue q = annotations.queue("s", "a");
    assertThat(q.items()).hasSize(9); // 6 overlap + 3 of the 6 others
    assertThat(q.items())
        .extracting(QueueItem::position)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(q.resumeIndex()).isZero();
    IssueKey first = q.items().get(0).issue();
    IssueKey second = q.items().get(1).issue();
    annotations.record(category(first, "a", Instant.now(), "gpu"));
    annotations.skip("s", "a", second);
    AnnotationQueue after = annotations.queue("s", "a");
    assertThat(after.items().get(0).state()).isEqualTo(ItemState.DECIDED);
    assertThat(after.items().get(after.items().size() - 1).issue()).isEqualTo(second);
    assertThat(after.items().get(after.items().size() - 1).state()).isEqualTo(ItemState.SKIPPED);
    assertThat(after.resumeItem().orElseThrow().position()).isEqualTo(3);
    assertThat(after.progress().decided()).isEqualTo(1);
    assertThat(after.progress().skipped()).isEqualTo(1);
    assertThat(after.progress().pending()).isEqualTo(7);

    assertThatThrownBy(() -> annotations.skip("s", "a", first))
        .hasMessageContaining("already decided");

    for (QueueItem item : after.items()) {
      if (item.state() == ItemState.PENDING) {
        annotations.record(category(item.issue(), "a", Instant.now(), "api"));
      }
    }
    AnnotationQueue last = annotations.queue("s", "a");
    assertThat(last.resumeItem().orElseThrow().issue()).isEqualTo(second);
    annotations.record(category(second, "a", Instant.now()));
    AnnotationQueue done = annotations.queue("s", "a");
    assertThat(done.finished()).isTrue();
    assertThat(done.progress().skipped()).isZero();
    assertThat(done.progress().decided()).isEqualTo(9);
    assertThat(project.samples().progress("s"))
        .extracting(p -> p.annotator() + " " + p.decided() + "/" + p.assigned())
        .containsExactly("a 9/9", "b 0/9");
  }

  @Test
  void blindFirstItemsAreDecidedOnceTheRevealedPhaseIsDone() {
    AnnotationQueue q = annotations.queue("blind", "a");
    assertThat(q.blindFirst()).isTrue();
    IssueKey issue = q.items().get(0).issue();
    annotations.record(
        Decision.of("blind", issue, "a", "primary", DecisionValue.single("gpu"), Phase.BLIND));
    assertThatThrownBy(
            () ->
                annotations.record(
                    Decision.of(
                            "blind",
                            issue,
                            "a",
                            "primary",
                            DecisionValue.single("gpu"),
                            Phase.BLIND)
                        .withPredicted(DecisionValue.single("gpu"))))
        .hasMessageContaining("must be null");
    QueueItem half = annotations.queue("blind", "a").items().get(0);
    assertThat(half.state()).isEqualTo(ItemState.PENDING);
    assertThat(half.blindDecided()).isTrue();
    annotations.record(
        Decision.of("blind", issue, "a", "primary", DecisionValue.single("memory"), Phase.REVEALED)
            .withPredicted(DecisionValue.single("gpu")));
    assertThat(annotations.queue("blind", "a").items().get(0).state()).isEqualTo(ItemState.DECIDED);
    assertThat(annotations.decisions("blind", "a", issue))
        .extracting(d -> d.phase().key() + " " + d.value())
        .containsExactly("blind \"gpu\"", "revealed \"memory\"");
    annotations.record(
        Decision.of("blind", issue, "a", "production", DecisionValue.single("no"), Phase.BLIND));
    assertThat(annotations.sampleDecisions("blind"))
        .extracting(d -> d.dimension() + " " + d.phase().key())
        .containsExactly("primary blind", "primary revealed", "production blind");
    // revealed over blind, per dimension
    assertThat(annotations.finalDecisions("blind"))
        .extracting(d -> d.dimension() + " " + d.phase().key() + " " + d.value())
        .containsExactly("primary revealed \"memory\"", "production blind \"no\"");
  }

  @Test
  void theShownPredictionComesFromTheSamplesRun() {
    IssueKey issue = shared();
    var shown = annotations.shownPrediction("s", issue);
    StudyProjects.Spec spec =
        StudyProjects.specs(6).stream()
            .filter(x -> x.repo().equals(issue.repo()) && x.number() == issue.number())
            .findFirst()
            .orElseThrow();
    assertThat(shown.get("category")).isEqualTo(DecisionValue.set(spec.categories()));
    // an imported run's primary category is its first label ("other" for none)
    assertThat(shown.get("primary"))
        .isEqualTo(
            DecisionValue.single(spec.categories().isEmpty() ? "other" : spec.categories().get(0)));
    assertThat(shown).doesNotContainKey("production"); // outside labels carry no production flag
    assertThat(annotations.samplesOf("a")).extracting(s -> s.name()).containsExactly("s", "blind");
    assertThat(annotations.samplesOf("b")).extracting(s -> s.name()).containsExactly("s");
    assertThat(annotations.samplesOf("nobody")).isEmpty();
    assertThat(annotations.scheme("s").dimensionIds())
        .containsExactly("category", "primary", "production", "root_cause", "severity");
  }
}
