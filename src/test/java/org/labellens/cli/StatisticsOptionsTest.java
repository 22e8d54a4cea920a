package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labellens.testing.Cli;

/** The shared --bootstrap, --seed and --format options are checked before any file is touched. */
class StatisticsOptionsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"agreement", "validate", "report"})
  void bootstrapOutsideItsRangeIsAUsageErrorBeforeTheProjectIsOpened(String command) {
    Path db = dir.resolve("missing.db");
    Path out = dir.resolve("r.md");
    String[] args =
        command.equals("report")
            ? new String[] {
              command, "--db", db.toString(), "--sample", "s", "--out", out.toString()
            }
            : new String[] {command, "--db", db.toString(), "--sample", "s"};
    for (String bad : new String[] {"-1", "100001"}) {
      String[] withBootstrap = java.util.Arrays.copyOf(args, args.length + 2);
      withBootstrap[args.length] = "--bootstrap";
      withBootstrap[args.length + 1] = bad;
      Cli.Result r = Cli.run(withBootstrap);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.errorLine()).contains("--bootstrap must be between 0 and 100000");
    }
    assertThat(Files.exists(db)).isFalse();
    assertThat(Files.exists(out)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"agreement", "validate"})
  void anUnknownFormatNamesTheAcceptedOnes(String command) {
    Cli.Result r =
        Cli.run(
            command, "--db", dir.resolve("x.db").toString(), "--sample", "s", "--format", "xml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errorLine()).contains("--format xml is not one of table, json, markdown, latex");
  }
}
