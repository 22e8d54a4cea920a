package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.testing.ChildJvm;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.StoredDecisions;
import org.labellens.testing.StudyProjects;

/**
 * Two annotators and an import writing one project at once, each in a process of its own: the
 * annotators ({@code simulate}, the window's decision service) keep deciding, run after run, while
 * a large import holds the write lock for its whole transaction. Nobody may see "database is
 * locked", every process must succeed, every decision printed as committed must be stored with its
 * value, every imported issue must be there, and the file must pass {@code integrity_check}.
 */
@Tag("slow")
class ConcurrentWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE = "s";
  private static final List<String> ANNOTATORS = List.of("ana", "ben");
  private static final int IMPORTED = 10_000;
  private static final String BULK_REPO = "example-org/bulk";

  /** Items an annotator decides per process: each run opens the project anew, as a window does. */
  private static final int ITEMS_PER_RUN = 40;

  /** Milliseconds an annotator looks at an item: it keeps writing all through the import. */
  private static final int THINK_MS = 30;

  private Path dir;
  private Path db;

  @BeforeEach
  void prepare() throws Exception {
    // on the real disk: commits of decisions wait for it (synchronous = FULL), as they do for users
    dir = Files.createTempDirectory("concurrent");
    try (Project p = StudyProjects.create(dir, StudyProjects.specs(40))) {
      p.samples()
          .draw(
              new SampleRequest(
                  SAMPLE,
                  400,
                  null,
                  null,
                  StudyProjects.RUN,
                  null,
                  null,
                  null,
                  null,
                  5L,
                  ANNOTATORS,
                  "0.5",
                  true));
      db = p.file();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    FastTempDir.delete(dir);
  }

  /** One annotator's runs, one after another. */
  private final class Annotator implements Runnable {
    final String name;
    final List<ChildJvm> runs = new CopyOnWriteArrayList<>();
    final List<Integer> exits = new CopyOnWriteArrayList<>();
    final List<long[]> lifetimes = new CopyOnWriteArrayList<>();
    final CountDownLatch firstDecision = new CountDownLatch(1);
    volatile long importEnded = Long.MAX_VALUE;
    volatile Throwable failed;

    Annotator(String name) {
      this.name = name;
    }

    @Override
    public void run() {
      try {
        // until a run has started after the import ended (and finished), or the queue is done
        while (true) {
          long started = System.nanoTime();
          try (ChildJvm child =
              ChildJvm.start(
                  "simulate",
                  "--db",
                  db.toString(),
                  "--sample",
                  SAMPLE,
                  "--annotator",
                  name,
                  "--limit",
                  String.valueOf(ITEMS_PER_RUN),
                  "--think",
                  String.valueOf(THINK_MS))) {
            runs.add(child);
            while (child.nextLine(600_000) != null) {
              firstDecision.countDown();
            }
            exits.add(child.await(600));
            lifetimes.add(new long[] {started, System.nanoTime()});
            if (child.err().contains("; 0 items left") || started > importEnded) {
              return;
            }
          }
        }
      } catch (Throwable t) {
        failed = t;
        firstDecision.countDown();
      }
    }
  }

  @Test
  void twoAnnotatorsAndAnImportLoseNothingAndSeeNoLock() throws Exception {
    Path bulk = writeBulkIssues(dir.resolve("bulk.jsonl"));
    int bulkBodyChars = bodyChars;
    List<Annotator> annotators = ANNOTATORS.stream().map(Annotator::new).toList();
    List<Thread> threads = new ArrayList<>();
    for (Annotator a : annotators) {
      Thread t = new Thread(a, "annotator-" + a.name);
      t.start();
      threads.add(t);
    }
    // the import starts once both annotators are deciding
    for (Annotator a : annotators) {
      assertThat(a.firstDecision.await(300, TimeUnit.SECONDS)).as(a.name).isTrue();
      assertThat(a.failed).as(a.name).isNull();
    }
    long importStarted = System.nanoTime();
    int importExit;
    String importOut;
    String importErr;
    try (ChildJvm importer =
        ChildJvm.start("import", bulk.toString(), "--db", db.toString(), "--format", "json")) {
      importExit = importer.await(600);
      importOut = String.join("\n", importer.texts());
      importErr = importer.err();
    }
    long importEnded = System.nanoTime();
    for (Annotator a : annotators) {
      a.importEnded = importEnded;
    }
    for (Thread t : threads) {
      t.join(TimeUnit.MINUTES.toMillis(10));
      assertThat(t.isAlive()).isFalse();
    }

    // every process succeeded, and nobody was shown a lock
    assertThat(importExit).as(importErr).isZero();
    assertNoLock(importOut + importErr);
    JsonNode summary = JSON.readTree(importOut);
    assertThat(summary.get("new").asInt()).isEqualTo(IMPORTED);
    Map<String, JsonNode> printed = new HashMap<>();
    for (Annotator a : annotators) {
      assertThat(a.failed).as(a.name).isNull();
      assertThat(a.exits).as(a.name).isNotEmpty().allMatch(code -> code == 0);
      for (ChildJvm run : a.runs) {
        assertNoLock(String.join("\n", run.texts()) + run.err());
        for (String line : run.texts()) {
          JsonNode n = StoredDecisions.parse(line);
          assertThat(n.get("annotator").asText()).isEqualTo(a.name);
          assertThat(printed.put(StoredDecisions.key(n), n.get("value")))
              .as("decided twice: " + line)
              .isNull();
        }
      }
      // the annotator was at work while the import ran: a run began before it ended and ended
      // after it began
      assertThat(a.lifetimes)
          .as(a.name + " worked during the import")
          .anyMatch(l -> l[0] < importEnded && l[1] > importStarted);
    }

    // nothing lost: every printed decision is stored with its value, and nothing else is
    assertThat(StoredDecisions.integrityCheck(db)).containsExactly("ok");
    Map<String, JsonNode> stored = StoredDecisions.of(db, SAMPLE);
    assertThat(stored).isEqualTo(printed);
    // every imported issue is there, with its text
    assertThat(
            StoredDecisions.count(
                db, "SELECT count(DISTINCT number) FROM issue WHERE repo = ?", BULK_REPO))
        .isEqualTo(IMPORTED);
    assertThat(
            StoredDecisions.count(
                db,
                "SELECT count(*) FROM issue WHERE repo = ? AND number BETWEEN 1 AND ?"
                    + " AND title = 'Bulk issue ' || number",
                BULK_REPO,
                IMPORTED))
        .isEqualTo(IMPORTED);
    assertThat(
            StoredDecisions.count(
                db, "SELECT sum(length(body)) FROM issue WHERE repo = ?", BULK_REPO))
        .isEqualTo(bulkBodyChars);
    System.out.printf(
        "ConcurrentWritersTest: import of %d issues took %.1f s; %s; %d decisions%n",
        IMPORTED,
        (importEnded - importStarted) / 1e9,
        waits(annotators, importStarted),
        stored.size());
  }

  /** Per annotator: its runs, and the longest wait between two commits of one run. */
  private static String waits(List<Annotator> annotators, long importStarted) {
    List<String> parts = new ArrayList<>();
    for (Annotator a : annotators) {
      long longest = 0;
      for (ChildJvm run : a.runs) {
        List<ChildJvm.Line> lines = run.lines();
        for (int i = 1; i < lines.size(); i++) {
          longest = Math.max(longest, lines.get(i).nanos() - lines.get(i - 1).nanos());
        }
      }
      parts.add(
          String.format(
              "%s: %d runs, longest wait between commits %.1f s",
              a.name, a.runs.size(), longest / 1e9));
    }
    return String.join("; ", parts);
  }

  private static void assertNoLock(String output) {
    assertThat(output.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("locked")
        .doesNotContain("sqlite_busy")
        .doesNotContain("error");
  }

  /** Characters in the bodies {@link #writeBulkIssues} wrote. */
  private int bodyChars;

  /** Issues of a repository of their own, with bodies of 1–6 KB, as JSONL. */
  private Path writeBulkIssues(Path file) throws Exception {
    Random random = new Random(11);
    String[] words = {
      "kv",
      "cache",
      "tensor",
      "parallel",
      "cuda",
      "out",
      "of",
      "memory",
      "when",
      "serving",
      "batch",
      "latency",
      "throughput",
      "crash",
      "segfault",
      "request",
      "stream",
      "token",
      "model",
      "quantized",
      "weights",
      "scheduler",
      "prefill",
      "decode",
      "the",
      "with",
      "after",
      "upgrade"
    };
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 1; n <= IMPORTED; n++) {
        StringBuilder body = new StringBuilder();
        int length = 1_000 + random.nextInt(5_000);
        while (body.length() < length) {
          body.append(words[random.nextInt(words.length)])
              .append(random.nextInt(9) == 0 ? '\n' : ' ');
        }
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("repo", BULK_REPO);
        issue.put("number", n);
        issue.put("title", "Bulk issue " + n);
        issue.put("body", body.toString());
        bodyChars += body.length();
        issue.put("labels", n % 4 == 0 ? List.of("bug") : List.of());
        issue.put("state", n % 3 == 0 ? "closed" : "open");
        issue.put("created_at", "2025-02-01T00:00:00Z");
        w.write(JSON.writeValueAsString(issue));
        w.write('\n');
      }
    }
    return file;
  }
}
