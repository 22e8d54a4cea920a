package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.testing.Cli;

/**
 * {@code bench generate} and {@code bench scale} end to end on a tiny project: every step runs as a
 * command in its own JVM (on this test's class path). No figure is asserted, only that every step
 * ran and was measured.
 */
class BenchScaleCommandTest {
  @TempDir Path dir;

  private static Cli.Result bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void generateWritesTheRequestedIssuesAndTheSameFileForTheSameSeed() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Cli.Result r = bench("generate", "--issues", "250", "--out", a.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 250 issues (3 pull requests)");
    bench("generate", "--issues", "250", "--out", b.toString());
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    Cli.Result bad = bench("generate", "--issues", "5", "--out", a.toString(), "--format", "xml");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.errorLine()).contains("--format xml");
  }

  @Test
  void scaleRunsEveryStepAndPrintsOneRowEach() {
    Path work = dir.resolve("work");
    Cli.Result r =
        bench(
            "scale",
            "--sizes",
            "300",
            "--sample-size",
            "60",
            "--bootstrap",
            "20",
            "--heap",
            "256m",
            "--dir",
            work.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> steps =
        List.of(
            "init (setup)",
            "import",
            "classify",
            "sample",
            "simulate ann (setup)",
            "simulate bob (setup)",
            "simulate cat (setup)",
            "agreement",
            "validate",
            "export sample",
            "export all issues",
            "open window");
    for (String step : steps) {
      // a measured wall time and peak memory in the first table, CPU time and heap in the second
      assertThat(r.out())
          .containsPattern(
              "\\| "
                  + java.util.regex.Pattern.quote(step)
                  + " \\| \\d+\\.\\d\\d s / [1-9]\\d* MB \\|");
      assertThat(r.out())
          .containsPattern(
              "\\| "
                  + java.util.regex.Pattern.quote(step)
                  + " \\| \\d+\\.\\d\\d s / [1-9]\\d* MB \\|");
    }
    assertThat(r.out()).contains("-Xmx256m").contains("| 300 |");
    // nothing is left behind without --keep
    assertThat(work.resolve("scale-300")).doesNotExist();
  }
}
