package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.service.SimulationService;
import org.labellens.testing.ChildJvm;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.StoredDecisions;
import org.labellens.testing.StudyProjects;

/**
 * Crash safety of the annotation path: {@code simulate} (the window's decision service, in a JVM of
 * its own) is killed with SIGKILL at 50 seeded random moments, one after another on the same
 * project. After each kill the file must pass {@code PRAGMA integrity_check}; every decision the
 * process printed (it prints a decision only once its transaction has committed) must be stored
 * with the printed value; nothing stored before may have changed; an item's decisions of one phase
 * are all there or none (one transaction); and at most one committed batch may be missing from the
 * output (the kill fell between the commit and the printing). The next run resumes where the last
 * one stopped, and a final run finishes the queue with exactly one decision per item, dimension and
 * phase.
 */
@Tag("slow")
class SimulateCrashTest {
  private static final long SEED = 20_260_301L;
  private static final int KILLS = 50;
  private static final String SAMPLE = "s";
  private static final String ANNOTATOR = "a";
  private static final int BATCH = SimulationService.DIMENSIONS.size();

  /** The most decisions a killed run may print (a run killed after a delay is stopped here). */
  private static final int CAP = 24;

  private Path dir;
  private Path db;

  @BeforeEach
  void prepare() throws Exception {
    // a SIGKILL takes the process, not the operating system's page cache: the medium does not
    // matter for this proof, so the project lives in memory where the machine allows
    dir = FastTempDir.create("crash");
    // a run reads ahead of the kill (pipe buffers, the few milliseconds before SIGKILL lands), so
    // a fast machine decides many more items per run than it prints before the kill: the queue is
    // sized for 50 kills at several times the rate seen on a quiet two-core machine, and never ends
    // before the last kill
    try (Project p = StudyProjects.create(dir, StudyProjects.specs(70))) {
      p.samples()
          .draw(
              new SampleRequest(
                  SAMPLE,
                  720,
                  null,
                  null,
                  StudyProjects.RUN,
                  null,
                  null,
                  null,
                  null,
                  1L,
                  List.of(ANNOTATOR),
                  null,
                  true));
      db = p.file();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    FastTempDir.delete(dir);
  }

  @Test
  void everyPrintedDecisionSurvivesFiftyKills() throws Exception {
    Random random = new Random(SEED);
    Map<String, JsonNode> printedSoFar = new HashMap<>();
    Map<String, JsonNode> storedBefore = StoredDecisions.of(db, SAMPLE);
    assertThat(storedBefore).isEmpty();
    int killedBeforeAnyDecision = 0;
    int killedWithUnprintedBatch = 0;
    List<Integer> printedPerRun = new ArrayList<>();

    for (int kill = 1; kill <= KILLS; kill++) {
      // a quarter of the kills after a random delay from the start (they may hit the JVM's start,
      // opening the project and recovering the log the last kill left, or the first writes); the
      // rest a random few milliseconds after a random number of printed decisions, so that they
      // land anywhere in the next transaction
      boolean byDelay = random.nextInt(4) == 0;
      int delayMs = random.nextInt(2_500);
      int afterLines = 1 + random.nextInt(CAP);
      int extraMs = random.nextInt(40);
      String at =
          "kill " + kill + (byDelay ? " after " + delayMs + " ms" : " after line " + afterLines);

      List<String> printed;
      try (ChildJvm child = simulate()) {
        if (byDelay) {
          // once started, the process decides an item in milliseconds: at most CAP lines, so that
          // the queue lasts for every kill
          long deadline = child.startedNanos() + delayMs * 1_000_000L;
          int lines = 0;
          long left;
          while (lines < CAP && (left = deadline - System.nanoTime()) > 0) {
            if (child.nextLine(Math.max(1, left / 1_000_000L)) != null) {
              lines++;
            }
            assertThat(child.ended()).as(at + ": ended on its own\n" + child.err()).isFalse();
          }
        } else {
          for (int n = 0; n < afterLines; n++) {
            assertThat(child.nextLine(120_000))
                .as(at + ": the process ended or stalled before printing; stderr:\n" + child.err())
                .isNotNull();
          }
          Thread.sleep(extraMs);
        }
        child.kill();
        int exit = child.await(60);
        assertThat(exit)
            .as(
                at
                    + ": killed while running (SIGKILL), not ended on its own; stderr:\n"
                    + child.err())
            .isEqualTo(137);
        assertThat(child.err()).as(at).doesNotContain("error");
        printed = child.texts();
      }
      printedPerRun.add(printed.size());
      if (printed.isEmpty()) {
        killedBeforeAnyDecision++;
      }

      assertThat(StoredDecisions.integrityCheck(db)).as(at).containsExactly("ok");
      Map<String, JsonNode> stored = StoredDecisions.of(db, SAMPLE);
      // nothing stored before has gone or changed
      for (Map.Entry<String, JsonNode> e : storedBefore.entrySet()) {
        assertThat(stored.get(e.getKey())).as(at + ": " + e.getKey()).isEqualTo(e.getValue());
      }
      // every printed decision is stored, with its value, and was not decided before
      Map<String, JsonNode> printedNow = new LinkedHashMap<>();
      for (String line : printed) {
        JsonNode n = StoredDecisions.parse(line);
        String key = StoredDecisions.key(n);
        assertThat(printedSoFar).as(at + ": decided twice: " + key).doesNotContainKey(key);
        assertThat(stored.get(key)).as(at + ": printed but not stored: " + key).isNotNull();
        assertThat(stored.get(key)).as(at + ": " + key).isEqualTo(n.get("value"));
        printedNow.put(key, n.get("value"));
      }
      // at most one committed batch has no printed line yet (the kill fell after its commit)
      int unprinted = stored.size() - storedBefore.size() - printedNow.size();
      assertThat(unprinted).as(at + ": decisions stored but never printed").isBetween(0, BATCH);
      if (unprinted > 0) {
        killedWithUnprintedBatch++;
      }
      assertWholeBatches(stored, at);
      printedSoFar.putAll(printedNow);
      storedBefore = stored;
    }

    // a last run resumes and finishes the queue
    List<String> last;
    try (ChildJvm child = simulate()) {
      assertThat(child.await(300)).as(child.err()).isZero();
      assertThat(child.err()).contains("; 0 items left");
      last = child.texts();
    }
    assertThat(StoredDecisions.integrityCheck(db)).containsExactly("ok");
    Map<String, JsonNode> stored = StoredDecisions.of(db, SAMPLE);
    for (String line : last) {
      JsonNode n = StoredDecisions.parse(line);
      assertThat(printedSoFar).doesNotContainKey(StoredDecisions.key(n));
      printedSoFar.put(StoredDecisions.key(n), n.get("value"));
    }
    for (Map.Entry<String, JsonNode> e : printedSoFar.entrySet()) {
      assertThat(stored.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    int items =
        StoredDecisions.count(
            db,
            "SELECT count(*) FROM assignment a JOIN sample s ON s.id = a.sample_id"
                + " JOIN annotator n ON n.id = a.annotator_id WHERE s.name = ? AND n.name = ?",
            SAMPLE,
            ANNOTATOR);
    assertThat(items).isEqualTo(720);
    // blind and revealed, every dimension, exactly once per item
    assertThat(stored).hasSize(items * BATCH * 2);
    assertWholeBatches(stored, "after the last run");
    // the seeded moments reached the interesting places
    assertThat(killedBeforeAnyDecision).isPositive();
    assertThat(printedSoFar.size()).isGreaterThan(stored.size() / 10);
    System.out.printf(
        "SimulateCrashTest: %d kills; decisions printed per killed run %s; %d killed before any"
            + " decision, %d right after a commit (before its lines); %d decisions in all%n",
        KILLS, printedPerRun, killedBeforeAnyDecision, killedWithUnprintedBatch, stored.size());
  }

  private ChildJvm simulate() {
    return ChildJvm.start(
        "simulate", "--db", db.toString(), "--sample", SAMPLE, "--annotator", ANNOTATOR);
  }

  /**
   * One phase of one item is one transaction: either every dimension is stored or none; and a
   * revealed decision comes only after the blind one (the sample is blind-first).
   */
  private static void assertWholeBatches(Map<String, JsonNode> stored, String at) {
    Map<String, Integer> perItemPhase = new HashMap<>();
    for (String key : stored.keySet()) {
      String[] parts = key.split(" ");
      perItemPhase.merge(parts[0] + " " + parts[1] + " " + parts[3], 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : perItemPhase.entrySet()) {
      assertThat(e.getValue()).as(at + ": a partial transaction: " + e.getKey()).isEqualTo(BATCH);
      if (e.getKey().endsWith(" revealed")) {
        String blind = e.getKey().replaceFirst(" revealed$", " blind");
        assertThat(perItemPhase).as(at + ": revealed without blind").containsKey(blind);
      }
    }
  }
}
