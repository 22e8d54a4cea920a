package org.labellens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTimerTest {
  @TempDir Path dir;

  private Path jarIn(Path checkout) throws Exception {
    Path jar = checkout.resolve("target").resolve("labellens.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {0});
    return jar;
  }

  private Path benchBeside(Path jar) throws Exception {
    return Files.write(jar.resolveSibling("labellens-bench.jar"), new byte[] {0});
  }

  @Test
  void fromClassesTheChildRunsTheReportingEntryPointOnThisClassPath() {
    ProcessBuilder pb =
        CommandTimer.command(dir.resolve("test-classes"), List.of("-Xmx1g"), List.of("runs"));

    assertThat(pb.command())
        .containsExactly(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            ExitReport.class.getName(),
            "runs");
  }

  @Test
  void commandsRunThroughTheLauncherBesideTheJarWithThisJvm() throws Exception {
    Path jar = jarIn(dir);
    Path script = Files.writeString(dir.resolve(CommandTimer.LAUNCHER), "#!/bin/sh\n");
    Path bench = benchBeside(jar);

    ProcessBuilder pb =
        CommandTimer.command(bench, List.of("-Xmx1g"), List.of("runs", "--db", "x"));

    assertThat(pb.command()).containsExactly("sh", script.toString(), "runs", "--db", "x");
    // the product runs unchanged; the bench jar reports on it as an agent
    assertThat(pb.environment())
        .containsEntry("JAVA_HOME", System.getProperty("java.home"))
        .containsEntry("LABELLENS_JAVA_OPTS", "-javaagent:" + bench + " -Xmx1g");
  }

  @Test
  void withoutALauncherCommandsRunAsJavaJar() throws Exception {
    Path jar = jarIn(dir);
    Path bench = benchBeside(jar);

    ProcessBuilder pb = CommandTimer.command(bench, List.of("-Xmx1g"), List.of("runs"));

    assertThat(pb.command())
        .containsExactly(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-javaagent:" + bench,
            "-Xmx1g",
            "-jar",
            jar.toString(),
            "runs");
  }

  @Test
  void theChildWatchesItsHeapOnlyWhenAsked() throws Exception {
    ProcessBuilder pb = CommandTimer.command(benchBeside(jarIn(dir)), List.of(), List.of("runs"));
    // a switch inherited from the bench's own environment is not passed on
    pb.environment().put(CommandTimer.REPORT_HEAP, "1");

    CommandTimer.report(pb, false);
    assertThat(pb.environment())
        .containsKey(CommandTimer.REPORT_RSS)
        .doesNotContainKey(CommandTimer.REPORT_HEAP);

    CommandTimer.report(pb, true);
    assertThat(pb.environment())
        .containsKey(CommandTimer.REPORT_RSS)
        .containsKey(CommandTimer.REPORT_HEAP);
  }

  @Test
  void aJarOutsideACheckoutsTargetFolderHasNoLauncher() throws Exception {
    Files.writeString(dir.resolve(CommandTimer.LAUNCHER), "#!/bin/sh\n");
    Path elsewhere = Files.write(dir.resolve("labellens.jar"), new byte[] {0});
    Path renamed = jarIn(dir).resolveSibling("other.jar");
    Files.write(renamed, new byte[] {0});

    assertThat(CommandTimer.launcher(elsewhere)).isEmpty();
    assertThat(CommandTimer.launcher(renamed)).isEmpty();
  }
}
