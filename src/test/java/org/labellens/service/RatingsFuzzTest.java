package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.labellens.core.BadInputException;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.testing.Cli;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.FuzzBudget;
import org.labellens.testing.Mutation;

/**
 * Hostile ratings files through the agreement use case the command line runs ({@link
 * AgreementService#fromRatings} and every report format): valid files damaged by random edits, and
 * random tables of items, raters and labels (empty, repeated, odd characters, odd headers, declared
 * labels that do not fit). The outcome is a report in every format, or a {@link BadInputException}
 * naming the file (and the line for a problem in a row), never another exception.
 */
@AddLifecycleHook(FuzzBudget.class)
class RatingsFuzzTest {
  private static Path dir;
  private static int files;

  @BeforeContainer
  static void createDir() throws IOException {
    dir = FastTempDir.create("ratings-fuzz");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    FastTempDir.delete(dir);
  }

  private static final String VALID =
      "item,rater,label\n"
          + "i1,ann,gpu\ni1,bob,gpu\ni1,cy,api\n"
          + "i2,ann,api\ni2,bob,api\ni2,cy,api\n"
          + "i3,ann,crash\ni3,bob,gpu\n"
          + "i4,ann,\ni4,bob,crash\ni4,cy,crash\n"
          + "\"i,5\",ann,\"memory\"\r\n\"i,5\",bob,memory\n";

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Mutation.some(1, 5);
  }

  @Property(tries = 200, seed = "20251210", edgeCases = EdgeCasesMode.NONE)
  void damagedRatingsFilesGiveAReportOrAClearError(
      @ForAll("mutations") List<Mutation> edits,
      @ForAll boolean declare,
      @ForAll @IntRange(max = 20) int bootstrap) {
    byte[] content = Mutation.applyAll(VALID.getBytes(StandardCharsets.UTF_8), edits);
    List<String> labels = declare ? List.of("gpu", "api", "crash", "memory") : List.of();
    check(content, labels, new AgreementOptions(bootstrap, 1, false));
  }

  @Property(tries = 200, seed = "20251211", edgeCases = EdgeCasesMode.NONE)
  void randomRatingTablesGiveAReportOrAClearError(
      @ForAll("tables") String csv,
      @ForAll("declared") List<String> labels,
      @ForAll boolean ordinal,
      @ForAll @IntRange(max = 20) int bootstrap) {
    check(
        csv.getBytes(StandardCharsets.UTF_8),
        labels,
        new AgreementOptions(bootstrap, 7, ordinal && !labels.isEmpty()));
  }

  @Property(tries = 40, seed = "20251212", edgeCases = EdgeCasesMode.NONE)
  void commandLineGivesAReportOrOneErrorLine(
      @ForAll("mutations") List<Mutation> edits, @ForAll("formats") String format)
      throws IOException {
    Path file = dir.resolve(++files + "-ratings.csv");
    Files.write(file, Mutation.applyAll(VALID.getBytes(StandardCharsets.UTF_8), edits));
    Cli.Result r =
        Cli.run("agreement", "--ratings", file.toString(), "--bootstrap", "5", "--format", format);
    Statistics.label("exit code").collect(r.code());
    if (r.code() == 0) {
      assertThat(r.out()).isNotBlank();
      return;
    }
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.errorLine())
        .startsWith("error: " + file)
        .doesNotMatch(".*\\(\\w+(Exception|Error)\\)$");
  }

  /** A label with a line break in a message made the message span lines. */
  @net.jqwik.api.Example
  void valuesInMessagesStayOnOneLine() throws IOException {
    Path file = dir.resolve("line-break.csv");
    Files.writeString(file, "item,rater,label\ni1,ann,\"line\nbreak\"\n");
    try {
      new AgreementService().fromRatings(file, List.of("gpu"), new AgreementOptions(0, 1, false));
      throw new AssertionError("accepted a label outside --labels");
    } catch (BadInputException e) {
      assertThat(e.getMessage()).doesNotContain("\n").contains("'line\\nbreak'");
    }
  }

  @Provide
  Arbitrary<String> formats() {
    return Arbitraries.of("table", "json", "markdown", "latex");
  }

  @Provide
  Arbitrary<List<String>> declared() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(List.of())),
        Tuple.of(2, Arbitraries.just(List.of("gpu", "api", "crash"))),
        Tuple.of(
            1,
            Arbitraries.of("gpu", "api", "crash", " ", "", "a|b", "x%y", "gpu ")
                .list()
                .ofMaxSize(4)));
  }

  @Provide
  Arbitrary<String> tables() {
    Arbitrary<String> header =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.of("item,rater,label", "item_id,rater_id,label")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "Label,Rater,Item",
                    "\uFEFFitem,rater,label",
                    "item,rater,label,note",
                    "item,rater",
                    "item,item_id,rater,label",
                    "item,rater,label,label",
                    "item,,rater,label",
                    "")));
    Arbitrary<String> odd =
        Arbitraries.of(
            "",
            " ",
            "\"\"",
            "\"a,b\"",
            "\"x\"\"y\"",
            "🚀",
            "עברית",
            "a\u0000b",
            "\"line\nbreak\"",
            "%$&_{}",
            "\\input{x}",
            "| pipe |",
            "\"unclosed",
            "a\rb");
    Arbitrary<String> item =
        Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.of("i1", "i2", "i3", "i4", "i5", "i6")), Tuple.of(1, odd));
    Arbitrary<String> rater =
        Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.of("ann", "bob", "cy", "dee")), Tuple.of(1, odd));
    Arbitrary<String> label =
        Arbitraries.frequencyOf(
            Tuple.of(30, Arbitraries.of("gpu", "api", "crash", "")), Tuple.of(1, odd));
    Arbitrary<String> wellFormed =
        Combinators.combine(item, rater, label).as((i, r, l) -> i + "," + r + "," + l);
    Arbitrary<String> anyWidth =
        Arbitraries.oneOf(item, rater, label)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(c -> String.join(",", c));
    Arbitrary<String> row =
        Arbitraries.frequencyOf(Tuple.of(60, wellFormed), Tuple.of(1, anyWidth));
    Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
    return Combinators.combine(header, row.list().ofMaxSize(30), eol)
        .as(
            (h, rows, nl) -> {
              List<String> lines = new ArrayList<>();
              lines.add(h);
              lines.addAll(rows);
              return String.join(nl, lines) + nl;
            });
  }

  private static void check(byte[] content, List<String> labels, AgreementOptions options) {
    Path file = dir.resolve(++files + "-ratings.csv");
    try {
      Files.write(file, content);
      AgreementService service = new AgreementService();
      AgreementReport report;
      try {
        report = service.fromRatings(file, labels, options);
      } catch (BadInputException e) {
        Statistics.label("outcome").collect("refused");
        assertClearError(e.getMessage(), file);
        return;
      }
      Statistics.label("outcome").collect("report");
      for (ReportFormat f : ReportFormat.values()) {
        assertThat(service.render(report, f)).isNotBlank();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Names the file (or the option at fault); a problem in a row names its line. */
  private static void assertClearError(String message, Path file) {
    assertThat(message).doesNotContain("\n").doesNotContain("Exception");
    if (message.startsWith("--labels") || message.startsWith("an ordinal scale")) {
      return;
    }
    assertThat(message).startsWith(file.toString());
    String rest = message.substring(file.toString().length());
    assertThat(rest).as(message).matches("(?s)(:\\d+)?: .*");
  }
}
