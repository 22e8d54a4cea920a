package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.labellens.testing.Cli;
import picocli.CommandLine;

class CliMainTest {
  private static CommandLine commandLine(String first) {
    return CliMain.commandLine(
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        r -> {
          throw new IllegalStateException("no window in tests");
        },
        first);
  }

  @Test
  void aRunOfOneCommandBuildsOnlyThatCommand() {
    assertThat(commandLine("runs").getSubcommands().keySet()).containsExactly("runs", "help");
    assertThat(commandLine("annotations").getSubcommands().get("annotations").getSubcommands())
        .containsKeys("export", "import");
  }

  @Test
  void helpMisspeltCommandsAndNoCommandSeeEveryCommand() {
    int all = CliMain.SUBCOMMANDS.size() + 1;
    for (String first : new String[] {null, "--help", "-h", "help", "imprt", "--version"}) {
      assertThat(commandLine(first).getSubcommands()).as(first).hasSize(all);
    }
  }

  @Test
  void topLevelHelpListsTheCommandsInTheirOrder() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.code()).isZero();
    String out = r.out();
    int last = -1;
    for (Class<?> c : CliMain.SUBCOMMANDS) {
      if (c.getAnnotation(picocli.CommandLine.Command.class).hidden()) {
        assertThat(out).doesNotContain("\n  " + CliMain.nameOf(c) + " ");
        continue;
      }
      int at = out.indexOf("\n  " + CliMain.nameOf(c) + " ");
      assertThat(at).as(CliMain.nameOf(c)).isGreaterThan(last);
      last = at;
    }
    assertThat(out.indexOf("\n  help ")).isGreaterThan(last);
    assertThat(r.err()).doesNotContain("WARN");
  }

  @Test
  void everyCommandStillAnswersHelpAndHelpCommandFindsIt() {
    for (Class<?> c : CliMain.SUBCOMMANDS) {
      String name = CliMain.nameOf(c);
      Cli.Result own = Cli.run(name, "--help");
      assertThat(own.code()).as(name).isZero();
      assertThat(own.out()).as(name).startsWith("Usage: labellens " + name);
      assertThat(own.err()).as(name).doesNotContain("WARN");
      Cli.Result viaHelp = Cli.run("help", name);
      assertThat(viaHelp.out()).as(name).isEqualTo(own.out());
    }
  }

  @Test
  void theUsersHelpListsNoBenchmarkOrBuildCommandAndTheProductRunsNone() {
    Cli.Result help = Cli.run("--help");
    assertThat(help.out())
        .contains("\n  validate ")
        .doesNotContain("\n  bench ")
        .doesNotContain("bench")
        .doesNotContain("training");
    // the benchmarks and the archive's training are not commands of the product at all
    for (String command : new String[] {"bench", "training-run"}) {
      StringWriter err = new StringWriter();
      int code =
          CliMain.execute(
              new String[] {command, "import"},
              new PrintWriter(new StringWriter()),
              new PrintWriter(err),
              r -> {
                throw new IllegalStateException("no window in tests");
              });
      assertThat(code).as(command).isEqualTo(2);
      assertThat(err.toString()).as(command).startsWith("error: ");
    }
  }

  @Test
  void aMisspeltCommandIsBadUsage() {
    Cli.Result r = Cli.run("imprt", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ");
  }

  @Test
  void aMisspeltOptionOrCommandSuggestsTheNearestValidOne() {
    Cli.Result option = Cli.run("agreement", "--bootstraps", "10", "ratings.csv");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.errorLine())
        .startsWith("error: ")
        .contains("'--bootstraps'")
        .contains("did you mean --bootstrap?")
        .endsWith("(see: labellens agreement --help)");
    assertThat(Cli.run("import", "--fromm", "csv", "x.jsonl").errorLine())
        .contains("did you mean --from?");
    assertThat(Cli.run("sample", "--sed=3").errorLine()).contains("did you mean --seed?");
    Cli.Result command = Cli.run("validat");
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.errorLine()).contains("did you mean validate?");
  }

  @Test
  void anOptionNothingLikeAnyValidOneGetsNoGuess() {
    Cli.Result r = Cli.run("agreement", "--zzzzzzzzzzzz", "ratings.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errorLine()).contains("--zzzzzzzzzzzz").doesNotContain("did you mean");
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(CliMain.editDistance("--bootstraps", "--bootstrap")).isEqualTo(1);
    assertThat(CliMain.editDistance("--sed", "--seed")).isEqualTo(1);
    assertThat(CliMain.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(CliMain.editDistance("", "abc")).isEqualTo(3);
    assertThat(CliMain.editDistance("same", "same")).isZero();
  }

  @Test
  void topLevelHelpSaysWhatEachCommandDoesAndHowTheProjectIsChosen() {
    String out = Cli.run("--help").out();
    for (Class<?> c : CliMain.SUBCOMMANDS) {
      assertThat(CliMain.SUMMARIES).as(CliMain.nameOf(c)).containsKey(CliMain.nameOf(c));
    }
    assertThat(out)
        .contains("  sample       Draws a reproducible random sample")
        .doesNotContain("SHA-256")
        .contains("--db PATH")
        .contains("LABELLENS_DB");
  }
}
