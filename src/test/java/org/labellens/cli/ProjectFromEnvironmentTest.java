package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LABELLENS_DB names the project when --db is not given; --db still wins. */
class ProjectFromEnvironmentTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(Path workDir, String env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.labellens.Launcher"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("LABELLENS_DB");
    if (env != null) {
      pb.environment().put("LABELLENS_DB", env);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  @Test
  void theEnvironmentVariableNamesTheProjectAndDbOverridesIt() throws Exception {
    Path project = dir.resolve("team.db");
    Run init = run(dir, project.toString(), "init");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(project).exists();
    assertThat(dir.resolve("annotations")).doesNotExist();

    Path other = dir.resolve("other.db");
    Run explicit = run(dir, project.toString(), "init", "--db", other.toString());
    assertThat(explicit.exit()).as(explicit.err()).isZero();
    assertThat(other).exists();

    Run missing = run(dir, dir.resolve("nowhere.db").toString(), "samples");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).startsWith("error: ").contains("nowhere.db");
    assertThat(Files.exists(dir.resolve("nowhere.db"))).isFalse();
  }
}
