package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.AgreementReport;
import org.labellens.core.stats.AgreementStudy;
import org.labellens.core.stats.SetAgreementReport;
import org.labellens.core.stats.SetAgreementStudy;

class AgreementReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AgreementReport allOneCategory() {
    AgreementStudy<String> study =
        AgreementStudy.<String>builder()
            .rate("1", "ann_1", "x")
            .rate("1", "R&D #2", "x")
            .rate("2", "ann_1", "x")
            .rate("2", "R&D #2", "x")
            .build();
    return AgreementReport.compute(study, new AgreementOptions(20, 1, false));
  }

  @Test
  void undefinedValuesAreNullWithAReason() throws Exception {
    JsonNode root = JSON.readTree(AgreementReportWriter.write(allOneCategory(), ReportFormat.JSON));
    JsonNode kappa = root.get("metrics").get("fleiss_kappa");
    assertThat(kappa.get("value").isNull()).isTrue();
    assertThat(kappa.get("reason").asText()).contains("every rating is 'x'");
    assertThat(kappa.get("ci95").isNull()).isTrue();
    assertThat(root.get("metrics").get("percent_agreement").get("value").asDouble()).isEqualTo(1.0);
    JsonNode pair = root.get("pairs").get(0);
    assertThat(pair.get("cohen_kappa").isNull()).isTrue();
    assertThat(pair.get("cohen_kappa_reason").asText()).contains("'x'");
    assertThat(root.toString()).doesNotContain("NaN");
  }

  @Test
  void tablesMarkUndefinedValuesWithANote() {
    String table = AgreementReportWriter.write(allOneCategory(), ReportFormat.TABLE);
    assertThat(table).contains("Fleiss' kappa", "undefined", "[3] undefined: every rating is 'x'");
  }

  @Test
  void latexEscapesNamesAndUsesBooktabs() {
    String latex = AgreementReportWriter.write(allOneCategory(), ReportFormat.LATEX);
    assertThat(latex).contains("ann\\_1", "R\\&D \\#2", "\\toprule", "\\bottomrule");
    assertThat(latex).doesNotContain("R&D #2");
  }

  @Test
  void markdownEscapesRaterNames() {
    String markdown = AgreementReportWriter.write(allOneCategory(), ReportFormat.MARKDOWN);
    assertThat(markdown).contains("ann\\_1", "R&amp;D #2", "| --- |");
    assertThat(markdown).doesNotContain("R&D #2", "ann_1");
  }

  @Test
  void setReportsHaveTheShapeOfSpecSection8() throws Exception {
    SetAgreementStudy<String> study =
        SetAgreementStudy.<String>builder()
            .labels(List.of("memory", "gpu"))
            .rate("1", "A", Set.of("memory"))
            .rate("1", "B", Set.of("memory", "gpu"))
            .rate("2", "A", Set.of())
            .rate("2", "B", Set.of())
            .rate("3", "A", Set.of("gpu"))
            .rate("3", "B", Set.of("gpu"))
            .build();
    SetAgreementReport report =
        SetAgreementReport.compute(study, new AgreementOptions(30, 1, false));
    JsonNode root = JSON.readTree(AgreementReportWriter.write(report, ReportFormat.JSON));
    assertThat(root.get("kind").asText()).isEqualTo("set");
    assertThat(root.get("metrics").fieldNames())
        .toIterable()
        .containsExactly("exact_match", "mean_jaccard", "krippendorff_alpha_masi");
    assertThat(root.get("metrics").get("exact_match").has("ci95")).isTrue();
    JsonNode memory = root.get("per_label").get("memory");
    assertThat(memory.get("labels").toString()).isEqualTo("[\"0\",\"1\"]");
    assertThat(memory.get("metrics").has("cohen_kappa")).isTrue();
    assertThat(memory.get("pairs")).hasSize(1);
    String table = AgreementReportWriter.write(report, ReportFormat.TABLE);
    assertThat(table).contains("n = 3 items, 2 raters, 6 ratings", "Mean Jaccard", "memory", "gpu");
  }
}
