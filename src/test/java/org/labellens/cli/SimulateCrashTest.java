package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.QueueItem;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.testing.StudyProjects;

/**
 * Kills {@code simulate} (SIGKILL) while it writes and checks that every line it printed is in the
 * database. The command runs in its own JVM, on this test's class path, through the launcher.
 */
@Tag("slow")
class SimulateCrashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyPrintedDecisionSurvivesAKill() throws Exception {
    Path db;
    try (Project p = StudyProjects.create(dir, StudyProjects.specs(20))) {
      p.samples()
          .draw(
              new SampleRequest(
                  "s",
                  120,
                  null,
                  null,
                  StudyProjects.RUN,
                  null,
                  null,
                  null,
                  null,
                  1L,
                  List.of("a"),
                  null,
                  true));
      db = p.file();
    }
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.labellens.Launcher",
                "simulate",
                "--db",
                db.toString(),
                "--sample",
                "s",
                "--annotator",
                "a")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> printed = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        printed.add(line);
        if (printed.size() == 40) {
          // SIGKILL (through the handle, which leaves our end of the pipe open to drain it)
          process.toHandle().destroyForcibly();
        }
      }
    }
    process.waitFor(30, TimeUnit.SECONDS);
    assertThat(printed.size()).isGreaterThanOrEqualTo(40);
    assertThat(printed.size()).isLessThan(120 * 6); // it was killed before the end

    Set<String> stored = new HashSet<>();
    try (Project p = Project.open(db)) {
      for (QueueItem item : p.annotations().queue("s", "a").items()) {
        for (Decision d : p.annotations().decisions("s", "a", item.issue())) {
          stored.add(key(d.issue().repo(), d.issue().number(), d.dimension(), d.phase().key()));
        }
      }
      for (String line : printed) {
        JsonNode n = JSON.readTree(line);
        assertThat(stored)
            .contains(
                key(
                    n.get("repo").asText(),
                    n.get("number").asInt(),
                    n.get("dimension").asText(),
                    n.get("phase").asText()));
      }
      // and the annotator resumes where it stopped
      p.simulation()
          .run(
              new org.labellens.service.SimulationService.Request("s", "a", 0.85, 1, null),
              d -> {});
      assertThat(p.annotations().queue("s", "a").finished()).isTrue();
    }
  }

  private static String key(String repo, int number, String dimension, String phase) {
    return repo + "#" + number + " " + dimension + " " + phase;
  }
}
