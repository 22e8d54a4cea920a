package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labellens.service.Project;
import org.labellens.testing.ChildJvm;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.ProjectDigest;
import org.labellens.testing.StoredDecisions;
import org.labellens.testing.StudyProjects;

/**
 * Crash safety of the import, the longest write: {@code import} in a JVM of its own is killed with
 * SIGKILL at seeded random moments, each time with a file of issues of its own repository. After
 * each kill the project passes {@code integrity_check} and holds either every issue of that file or
 * none of them (all-or-nothing, also when the process dies), and what was there before is
 * unchanged.
 */
@Tag("slow")
class ImportCrashTest {
  private static final long SEED = 7_2026L;
  private static final int KILLS = 10;
  private static final int ISSUES = 4_000;

  private Path dir;
  private Path db;

  @BeforeEach
  void prepare() throws Exception {
    dir = FastTempDir.create("import-crash");
    try (Project p = StudyProjects.create(dir, StudyProjects.specs(5))) {
      db = p.file();
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    FastTempDir.delete(dir);
  }

  @Test
  void aKilledImportLeavesAllOrNothing() throws Exception {
    Random random = new Random(SEED);
    List<String> outcomes = new ArrayList<>();
    List<String> completed = new ArrayList<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      String repo = "bulk-org/round-" + kill;
      Path file = writeIssues(dir.resolve("round-" + kill + ".jsonl"), repo, random);
      int delayMs = random.nextInt(4_000);
      String at = "kill " + kill + " after " + delayMs + " ms";
      String before = ProjectDigest.of(db);
      int exit;
      try (ChildJvm child = ChildJvm.start("import", file.toString(), "--db", db.toString())) {
        if (!child.endsWithin(delayMs)) {
          child.kill();
        }
        exit = child.await(120);
        assertThat(exit).as(at + ": " + child.err()).isIn(0, 137);
      }
      assertThat(StoredDecisions.integrityCheck(db)).as(at).containsExactly("ok");
      int stored = StoredDecisions.count(db, "SELECT count(*) FROM issue WHERE repo = ?", repo);
      if (exit == 0) {
        // it finished before the kill
        assertThat(stored).as(at).isEqualTo(ISSUES);
        completed.add(repo);
        outcomes.add("done");
      } else {
        assertThat(stored).as(at + ": all or nothing").isIn(0, ISSUES);
        if (stored == 0) {
          assertThat(ProjectDigest.of(db)).as(at + ": nothing changed").isEqualTo(before);
        } else {
          completed.add(repo);
        }
        outcomes.add(stored == 0 ? "none" : "all (killed after the commit)");
      }
      for (String r : completed) {
        assertThat(StoredDecisions.count(db, "SELECT count(*) FROM issue WHERE repo = ?", r))
            .as(at + ": an earlier import is intact: " + r)
            .isEqualTo(ISSUES);
      }
    }
    assertThat(outcomes).as("some kills hit an import under way").contains("none");
    System.out.printf("ImportCrashTest: %d kills: %s%n", KILLS, outcomes);
  }

  private static Path writeIssues(Path file, String repo, Random random) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int n = 1; n <= ISSUES; n++) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("repo", repo);
        issue.put("number", n);
        issue.put("title", "Issue " + n);
        issue.put("body", "out of memory in the kv cache ".repeat(20 + random.nextInt(100)));
        issue.put("labels", List.of("bug"));
        w.write(json.writeValueAsString(issue));
        w.write('\n');
      }
    }
    return file;
  }
}
