package org.labellens.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;

/**
 * Loads the published worked examples shipped as test resources (long format {@code
 * item_id,rater_id,label}, no quoting) and checks a report against expected values.
 *
 * <p>Every expected value in the tests that use this class names its source: the paper or page that
 * prints it (asserted to the decimals printed), DKPro Statistics 2.1.0 (the test-scope dependency,
 * an independent implementation), the irrCAC 1.0 documentation, or, for values none of these gives,
 * {@code src/test/python/agreement_reference.py}: an independent implementation of the definitions
 * in docs/agreement.md in Python 3.11's standard library, never derived from this code. Its output
 * for every example is what the tests pin.
 */
final class PublishedExamples {
  static final double TOLERANCE = 1e-6;

  private PublishedExamples() {}

  static AgreementStudy<String> load(String name) {
    AgreementStudy.Builder<String> builder =
        AgreementStudy.<String>builder().sortCategories(Comparator.naturalOrder());
    try (InputStream in = PublishedExamples.class.getResourceAsStream(name + ".csv")) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name + ".csv");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      assertThat(header).isEqualTo("item_id,rater_id,label");
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        builder.rate(fields[0], fields[1], fields[2].isEmpty() ? null : fields[2]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }

  /**
   * Asserts every expected value to {@link #TOLERANCE}, through the measure classes and through the
   * report. For values given with six or more decimals.
   */
  static void assertMatches(AgreementStudy<String> study, Map<String, Double> expected) {
    assertMatches(study, expected, TOLERANCE);
  }

  /**
   * Asserts every expected value to {@code tolerance}: half a unit of the last decimal a source
   * prints (0.0005 for a value printed as 0.430).
   */
  static void assertMatches(
      AgreementStudy<String> study, Map<String, Double> expected, double tolerance) {
    AgreementReport report = AgreementReport.compute(study, new AgreementOptions(0, 1, false));
    expected.forEach(
        (key, value) -> {
          assertThat(direct(study, key)).as(key).isCloseTo(value, within(tolerance));
          assertThat(fromReport(report, key))
              .as(key + " in the report")
              .isCloseTo(value, within(tolerance));
        });
  }

  private static double direct(AgreementStudy<String> study, String key) {
    switch (key) {
      case "percent_agreement":
        return PercentAgreement.compute(study).value();
      case "cohen_kappa":
        return CohenKappa.compute(study).value();
      case "cohen_kappa_se":
        return CohenKappa.standardError(study).value();
      case "cohen_kappa_ci95_low":
        return CohenKappa.asymptoticInterval(
                CohenKappa.compute(study).value(), CohenKappa.standardError(study).value())
            .low();
      case "cohen_kappa_ci95_high":
        return CohenKappa.asymptoticInterval(
                CohenKappa.compute(study).value(), CohenKappa.standardError(study).value())
            .high();
      case "scott_pi":
        return ScottPi.compute(study).value();
      case "light_kappa":
        return LightKappa.compute(study).value();
      case "fleiss_kappa":
        return FleissKappa.compute(study).value();
      case "krippendorff_alpha_nominal":
        return KrippendorffAlpha.nominal(study).value();
      case "gwet_ac1":
        return GwetAc1.compute(study).value();
      case "bennett_s":
        return BennettS.compute(study).value();
      case "conger_kappa":
        return CongerKappa.compute(study).value();
      default:
        throw new IllegalArgumentException(key);
    }
  }

  private static double fromReport(AgreementReport report, String key) {
    MetricResult cohen = report.metrics().get(Metric.COHEN_KAPPA);
    switch (key) {
      case "cohen_kappa_se":
        return cohen.asymptotic().orElseThrow().standardError();
      case "cohen_kappa_ci95_low":
        return cohen.asymptotic().orElseThrow().ci95().low();
      case "cohen_kappa_ci95_high":
        return cohen.asymptotic().orElseThrow().ci95().high();
      case "krippendorff_alpha_nominal":
        return report.metrics().get(Metric.KRIPPENDORFF_ALPHA).estimate().value();
      default:
        for (Metric metric : Metric.values()) {
          if (metric.key().equals(key)) {
            return report.metrics().get(metric).estimate().value();
          }
        }
        throw new IllegalArgumentException(key);
    }
  }
}
