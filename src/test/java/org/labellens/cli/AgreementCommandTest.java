package org.labellens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.testing.Cli;

/** {@code agreement --ratings}, end to end through the command-line root. */
class AgreementCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path example(String name) throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/org/labellens/core/stats/" + name + ".csv")) {
      Path file = dir.resolve(name + ".csv");
      Files.copy(in, file);
      return file;
    }
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private JsonNode json(String... args) throws Exception {
    Cli.Result result = Cli.run(args);
    assertThat(result.code()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  void helpDescribesTheCommand() {
    Cli.Result help = Cli.run("agreement", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--ratings=FILE.csv", "--bootstrap", "--seed", "--labels");
    assertThat(Cli.run("--help").out()).contains("agreement");
  }

  @Test
  void printsThePublishedValuesAsJson() throws Exception {
    Path ratings = example("krippendorff2011_nominal");
    JsonNode report =
        json("agreement", "--ratings", ratings.toString(), "--format", "json", "--bootstrap", "0");
    assertThat(report.get("items").asInt()).isEqualTo(12);
    assertThat(report.get("raters").asInt()).isEqualTo(4);
    assertThat(report.get("ratings").asInt()).isEqualTo(41);
    assertThat(report.get("labels").toString()).isEqualTo("[\"1\",\"2\",\"3\",\"4\",\"5\"]");
    JsonNode metrics = report.get("metrics");
    // Krippendorff (2011) prints α = 0.743; six decimals and Fleiss' κ (Gwet's generalisation):
    // src/test/python/agreement_reference.py, as in Krippendorff2011Test
    assertThat(metrics.get("krippendorff_alpha").get("value").asDouble())
        .isCloseTo(0.743421, within(1e-6));
    assertThat(metrics.get("fleiss_kappa").get("value").asDouble())
        .isCloseTo(0.761169, within(1e-6));
    assertThat(metrics.get("fleiss_kappa").get("ci95").isNull()).isTrue();
    assertThat(metrics.get("cohen_kappa").get("value").isNull()).isTrue();
    assertThat(metrics.get("cohen_kappa").get("reason").asText()).contains("exactly 2 raters");
    JsonNode pair = report.get("pairs").get(0);
    assertThat(pair.fieldNames())
        .toIterable()
        .contains("a", "b", "items", "percent_agreement", "cohen_kappa");
    assertThat(report.get("pairs")).hasSize(6);
  }

  @Test
  void defaultsToOneThousandReplicatesWithSeedOneAndRepeatsItself() throws Exception {
    Path ratings = example("cohen_wikipedia");
    Cli.Result first = Cli.run("agreement", "--ratings", ratings.toString(), "--format", "json");
    Cli.Result second = Cli.run("agreement", "--ratings", ratings.toString(), "--format", "json");
    assertThat(second.out()).isEqualTo(first.out());
    JsonNode report = JSON.readTree(first.out());
    assertThat(report.get("bootstrap").get("replicates").asInt()).isEqualTo(1000);
    assertThat(report.get("bootstrap").get("seed").asLong()).isEqualTo(1);
    JsonNode kappa = report.get("metrics").get("cohen_kappa");
    assertThat(kappa.get("value").asDouble()).isCloseTo(0.4, within(1e-12));
    // the SE and both intervals as src/test/python/agreement_reference.py computes them, written
    // from docs/agreement.md apart from this code: SE 0.126996063, asymptotic low 0.151092290, and
    // the percentile bootstrap of 1000 replicates with seed 1 [0.13521688788038932,
    // 0.6399999999999999] (equal to the last few bits: sums in another order)
    assertThat(kappa.get("se").asDouble()).isCloseTo(0.126996, within(1e-6));
    assertThat(kappa.get("ci95_asymptotic").get(0).asDouble()).isCloseTo(0.151092, within(1e-6));
    assertThat(kappa.get("ci95").get(0).asDouble()).isCloseTo(0.13521688788038932, within(1e-12));
    assertThat(kappa.get("ci95").get(1).asDouble()).isCloseTo(0.6399999999999999, within(1e-12));
  }

  @Test
  void anotherSeedGivesOtherIntervals() throws Exception {
    Path ratings = example("cohen_wikipedia");
    JsonNode one = json("agreement", "--ratings", ratings.toString(), "--format", "json");
    JsonNode two =
        json("agreement", "--ratings", ratings.toString(), "--format", "json", "--seed", "2");
    assertThat(two.get("metrics").get("cohen_kappa").get("ci95"))
        .isNotEqualTo(one.get("metrics").get("cohen_kappa").get("ci95"));
  }

  @Test
  void tablesStateTheSampleAndTheMissingRatings() throws Exception {
    Path ratings = example("krippendorff2011_nominal");
    for (String format : new String[] {"table", "markdown", "latex"}) {
      Cli.Result result =
          Cli.run(
              "agreement",
              "--ratings",
              ratings.toString(),
              "--format",
              format,
              "--bootstrap",
              "50");
      assertThat(result.code()).as(result.err()).isZero();
      assertThat(result.out())
          .as(format)
          .contains("n = 12 items, 4 raters, 41 ratings")
          .contains("7 of 48 item-rater cells without a rating")
          .contains("Missing ratings are left out")
          .contains("0.743");
    }
    Cli.Result latex = Cli.run("agreement", "--ratings", ratings.toString(), "--format", "latex");
    assertThat(latex.out()).contains("\\toprule", "\\midrule", "\\bottomrule", "95\\% CI");
  }

  @Test
  void ordinalScaleAddsWeightedKappa() throws Exception {
    Path ratings =
        file(
            "o.csv",
            "item,rater,label\n1,A,1\n1,B,1\n2,A,1\n2,B,2\n3,A,2\n3,B,2\n"
                + "4,A,3\n4,B,2\n5,A,3\n5,B,3\n");
    JsonNode report =
        json(
            "agreement",
            "--ratings",
            ratings.toString(),
            "--labels",
            "1,2,3",
            "--ordinal",
            "--format",
            "json",
            "--bootstrap",
            "0");
    assertThat(report.get("metrics").get("cohen_kappa_linear").get("value").asDouble())
        .isCloseTo(6.0 / 11, within(1e-12));
    assertThat(report.get("metrics").get("krippendorff_alpha_ordinal").get("value").asDouble())
        .isCloseTo(0.7, within(1e-12));
  }

  @Test
  void aRepeatedItemAndRaterIsBadInputNamingFileAndLine() throws Exception {
    Path ratings = file("dup.csv", "item,rater,label\n1,A,x\n1,B,x\n1,A,y\n");
    Cli.Result result = Cli.run("agreement", "--ratings", ratings.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.errorLine())
        .isEqualTo(
            "error: "
                + ratings
                + ":4: column 'rater': rater 'A' already rated item '1' on line 2;"
                + " give one row per item and rater");
  }

  @Test
  void aMissingColumnIsBadInputNamingFileAndLine() throws Exception {
    Path ratings = file("cols.csv", "item,rater\n1,A\n");
    Cli.Result result = Cli.run("agreement", "--ratings", ratings.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.errorLine())
        .startsWith("error: " + ratings + ":1: column 'label': missing from the header");
  }

  @Test
  void anEmptyFileIsBadInputNamingFileAndLine() throws Exception {
    Path ratings = file("empty.csv", "");
    Cli.Result result = Cli.run("agreement", "--ratings", ratings.toString());
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.errorLine())
        .isEqualTo(
            "error: " + ratings + ":1: the file is empty; expected the header item,rater,label");
  }

  @Test
  void otherBadInputIsOneErrorLineWithExitOne() throws Exception {
    Path quote = file("q.csv", "item,rater,label\n1,A,\"x\n");
    Path single = file("single.csv", "item,rater,label\n1,A,x\n2,A,y\n");
    Path none = file("none.csv", "item,rater,label\n1,A,\n1,B,\n");
    Path label = file("label.csv", "item,rater,label\n1,A,yes\n1,B,maybe\n");
    assertError(Cli.run("agreement", "--ratings", quote.toString()), quote + ":2: unbalanced");
    assertError(
        Cli.run("agreement", "--ratings", single.toString()),
        single + ": Agreement needs at least 2 raters; this study has 1 (A)");
    assertError(
        Cli.run("agreement", "--ratings", none.toString()), none + ": Agreement needs ratings");
    assertError(
        Cli.run("agreement", "--ratings", label.toString(), "--labels", "yes,no"),
        label + ":3: column 'label': label 'maybe' is not one of --labels yes,no");
    assertError(
        Cli.run("agreement", "--ratings", dir.resolve("absent.csv").toString()),
        dir.resolve("absent.csv") + ": no such file");
  }

  @Test
  void aDirectoryOrABinaryFileIsNamedForWhatItIs() throws Exception {
    Cli.Result folder = Cli.run("agreement", "--ratings", dir.toString());
    assertThat(folder.code()).isEqualTo(1);
    assertThat(folder.errorLine())
        .isEqualTo("error: " + dir + ": is a directory, not a file; give the ratings CSV file");
    Path png = dir.resolve("ratings.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
    Cli.Result binary = Cli.run("agreement", "--ratings", png.toString());
    assertThat(binary.code()).isEqualTo(1);
    assertThat(binary.errorLine())
        .startsWith("error: " + png + ":1: this looks like a binary file")
        .contains("item,rater,label");
  }

  private static void assertError(Cli.Result result, String start) {
    assertThat(result.code()).as(result.err()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.errorLine()).startsWith("error: " + start);
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    Path ratings = example("cohen_wikipedia");
    String file = ratings.toString();
    for (String[] args :
        new String[][] {
          {"agreement"},
          {"agreement", "--ratings", file, "--format", "xml"},
          {"agreement", "--ratings", file, "--bootstrap", "-1"},
          {"agreement", "--ratings", file, "--bootstrap", "many"},
          {"agreement", "--ratings", file, "--ordinal"},
          {"agreement", "--ratings", file, "--labels", "Yes,,No"},
          {"agreement", "--ratings", file, "--labels", "Yes,Yes"}
        }) {
      Cli.Result result = Cli.run(args);
      assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(2);
      assertThat(result.errorLine()).startsWith("error: ");
    }
  }
}
