package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.report.Doc;
import org.labellens.core.validation.StratumCollapse;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;

/**
 * A sample with strata of one judged item: {@code validate} (text and JSON) and the report name
 * every merged stratum with its neighbour and state the rule.
 */
class CollapsedStrataOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theMergedStrataAndTheRuleArePrintedEverywhere() throws Exception {
    Path db;
    String report;
    // 12 strata, 20 items, equal allocation, no minimum: several strata get one item
    try (Project p = LeadProjects.create(dir, 6, 20, "1", false)) {
      db = p.file();
      report =
          p.report()
              .document(LeadProjects.SAMPLE, null, 100, 1, false)
              .render(Doc.Format.MARKDOWN, true);
    }
    Cli.Result json =
        Cli.run(
            "validate",
            "--sample",
            LeadProjects.SAMPLE,
            "--bootstrap",
            "100",
            "--format",
            "json",
            "--db",
            db.toString());
    Cli.Result text =
        Cli.run(
            "validate",
            "--sample",
            LeadProjects.SAMPLE,
            "--bootstrap",
            "100",
            "--db",
            db.toString());
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(text.code()).as(text.err()).isZero();
    JsonNode doc = JSON.readTree(json.out());
    // paragraphs are wrapped for people: compare with runs of white space as one space
    String printed = squeeze(text.out());
    report = squeeze(report);
    int single = 0;
    for (JsonNode s : doc.get("strata")) {
      if (s.get("judged").asInt() == 1 && s.get("population").asLong() > 1) {
        single++;
      }
    }
    assertThat(single).as("strata with one judged item").isGreaterThan(0);
    JsonNode collapsed = doc.get("collapsed_strata");
    assertThat(collapsed.get("rule").asText()).isEqualTo(StratumCollapse.RULE);
    JsonNode merged = collapsed.get("merged");
    assertThat(merged.size() + (collapsed.hasNonNull("not_estimable") ? 1 : 0)).isGreaterThan(0);
    for (JsonNode m : merged) {
      String line =
          m.get("stratum").asText() + " (1 judged item) with " + m.get("neighbour").asText();
      assertThat(printed).contains(line);
      assertThat(report).contains(line);
    }
    if (collapsed.hasNonNull("not_estimable")) {
      assertThat(printed).contains("Intervals not estimable: ");
      assertThat(report).contains("Intervals not estimable: ");
    } else {
      assertThat(printed).contains("Rule: " + StratumCollapse.RULE);
    }
    // never a zero-width interval on a weighted figure
    for (JsonNode label : doc.get("categories")) {
      for (String figure : new String[] {"precision", "recall", "f1", "estimated_share"}) {
        JsonNode ci = label.path(figure).path("ci95");
        if (ci.isArray()) {
          assertThat(ci.get(1).asDouble()).isGreaterThan(ci.get(0).asDouble());
        }
      }
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ");
  }
}
