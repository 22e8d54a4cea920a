package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.testing.Cli;
import picocli.CommandLine;

/** Every command's help, as a user reads it in a terminal. */
class HelpTest {
  static final int COLUMNS = 100;

  /** Every command and subcommand, as the words that name it ("annotations export"). */
  private static List<List<String>> everyCommand() {
    List<List<String>> all = new ArrayList<>();
    all.add(List.of());
    CommandLine top =
        CliMain.commandLine(
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(new java.io.StringWriter()),
            null,
            null);
    collect(top, new ArrayList<>(), all);
    return all;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> words = new ArrayList<>(path);
      words.add(e.getKey());
      all.add(words);
      collect(e.getValue(), words, all);
    }
  }

  @Test
  void everyCommandsHelpFitsAHundredColumns() {
    List<List<String>> commands = everyCommand();
    assertThat(commands).hasSizeGreaterThan(CliMain.SUBCOMMANDS.size() + 2);
    for (List<String> words : commands) {
      List<String> args = new ArrayList<>(words);
      args.add("--help");
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage: labellens");
      for (String line : r.out().lines().toList()) {
        assertThat(line.codePointCount(0, line.length()))
            .as(String.join(" ", args) + ": " + line)
            .isLessThanOrEqualTo(COLUMNS);
      }
    }
  }
}
