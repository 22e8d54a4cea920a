package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.Provenance;
import org.labellens.core.report.Doc;
import org.labellens.core.report.ReportFormat;
import org.labellens.core.review.ExportDocument;
import org.labellens.core.review.SampleAgreement;
import org.labellens.core.review.ValidationReport;
import org.labellens.io.ExportWriter;
import org.labellens.io.SampleAgreementWriter;
import org.labellens.io.ValidationReportWriter;
import org.labellens.store.Schema;
import org.labellens.store.StoreProbe;
import org.labellens.testing.StudyProjects;

/**
 * Every figure that rests on decisions made by {@code simulate} says so, in every output; the same
 * decisions made by a person carry no such mark; an exchange file keeps who made a decision.
 */
class ProvenanceTest {
  @TempDir Path dir;

  private static final String SAMPLE = "s";

  private Project project(String name) throws Exception {
    Project p =
        StudyProjects.create(Files.createDirectories(dir.resolve(name)), StudyProjects.specs(4));
    p.samples()
        .draw(
            new SampleRequest(
                SAMPLE,
                24,
                null,
                null,
                StudyProjects.RUN,
                null,
                "framework",
                null,
                null,
                3L,
                List.of("a", "b"),
                "1",
                false));
    return p;
  }

  /** Simulates a and b in {@code p}; returns their committed decisions. */
  private static List<Decision> simulate(Project p) {
    List<Decision> made = new ArrayList<>();
    for (String annotator : List.of("a", "b")) {
      p.simulation()
          .run(new SimulationService.Request(SAMPLE, annotator, 0.8, 5L, null), made::add);
    }
    return made;
  }

  private static String export(Project p, ExportWriter.Format format) throws Exception {
    ExportDocument doc = p.export().document(SAMPLE, false, false);
    StringWriter out = new StringWriter();
    ExportWriter.write(doc, format, out);
    return out.toString();
  }

  private record Outputs(
      Provenance provenance,
      String validateText,
      Map<String, Object> validateJson,
      String agreementText,
      Map<String, Object> agreementJson,
      List<String> reports,
      List<String> exports) {}

  private static Outputs outputs(Project p) throws Exception {
    ValidationReport v = p.validation().validate(SAMPLE, null, 50, 1);
    SampleAgreement a = p.sampleAgreement().agreement(SAMPLE, null, 50, 1);
    Doc report = p.report().document(SAMPLE, null, 50, 1, true);
    List<String> reports = new ArrayList<>();
    for (Doc.Format f : List.of(Doc.Format.MARKDOWN, Doc.Format.HTML, Doc.Format.LATEX)) {
      reports.add(report.render(f, true));
    }
    List<String> exports = new ArrayList<>();
    for (ExportWriter.Format f : ExportWriter.Format.values()) {
      exports.add(export(p, f));
    }
    return new Outputs(
        v.provenance(),
        ValidationReportWriter.write(v, ReportFormat.TABLE),
        ValidationReportWriter.json(v),
        SampleAgreementWriter.write(a, ReportFormat.TABLE),
        SampleAgreementWriter.json(a),
        reports,
        exports);
  }

  @Test
  void everyOutputOfSimulatedDecisionsSaysSoAndAPersonsSameDecisionsDoNot() throws Exception {
    List<Decision> made;
    Outputs simulated;
    try (Project p = project("sim")) {
      made = simulate(p);
      simulated = outputs(p);
    }
    Outputs person;
    try (Project p = project("person")) {
      p.annotations().decideAll(made);
      person = outputs(p);
    }
    int n = made.size();
    assertThat(n).isGreaterThan(40);
    assertThat(simulated.provenance()).isEqualTo(new Provenance(0, n));
    assertThat(person.provenance()).isEqualTo(new Provenance(n, 0));
    String banner = "SIMULATED: " + String.format(java.util.Locale.ROOT, "%,d", n) + " of ";
    assertThat(simulated.validateText()).contains(banner, "made by `simulate`, not by people");
    assertThat(simulated.agreementText()).contains(banner);
    for (Map<String, Object> json : List.of(simulated.validateJson(), simulated.agreementJson())) {
      @SuppressWarnings("unchecked")
      Map<String, Object> prov = (Map<String, Object>) json.get("provenance");
      assertThat(prov).containsEntry("by_simulate", (long) n).containsEntry("by_person", 0L);
      assertThat(prov).containsEntry("simulated", true);
    }
    assertThat(simulated.reports()).hasSize(3).allSatisfy(r -> assertThat(r).contains("SIMULATED"));
    assertThat(simulated.exports()).hasSize(4).allSatisfy(e -> assertThat(e).contains("SIMULATED"));
    // the same decisions made by a person: no mark anywhere, and the same figures
    assertThat(person.validateText()).doesNotContain("SIMULATED");
    assertThat(person.agreementText()).doesNotContain("SIMULATED");
    assertThat(person.reports()).allSatisfy(r -> assertThat(r).doesNotContain("SIMULATED"));
    assertThat(person.exports()).allSatisfy(e -> assertThat(e).doesNotContain("SIMULATED"));
    @SuppressWarnings("unchecked")
    Map<String, Object> prov = (Map<String, Object>) person.validateJson().get("provenance");
    assertThat(prov).containsEntry("simulated", false).containsEntry("note", null);
    assertThat(person.validateJson().get("categories"))
        .isEqualTo(simulated.validateJson().get("categories"));
  }

  @Test
  void anExchangeFileKeepsWhoMadeEachDecision() throws Exception {
    Path file = dir.resolve("a.jsonl");
    int count;
    try (Project p = project("from")) {
      simulate(p);
      count = p.exchange().export("a", SAMPLE, file, false).decisions();
    }
    assertThat(Files.readAllLines(file))
        .hasSize(count)
        .allSatisfy(line -> assertThat(line).contains("\"made_by\":\"simulate\""));
    try (Project q = project("to")) {
      q.exchange().importFiles(List.of(file));
      assertThat(StoreProbe.rows(q.database(), "SELECT DISTINCT made_by FROM decision"))
          .containsExactly("simulate|");
      assertThat(StoreProbe.rows(q.database(), "SELECT DISTINCT made_by FROM annotation_event"))
          .containsExactly("simulate|");
      ValidationReport v = q.validation().validate(SAMPLE, null, 0, 1);
      assertThat(v.provenance().simulated()).isEqualTo(count);
      assertThat(v.provenance().person()).isZero();
    }
  }

  @Test
  void anExchangeFileWithoutTheFieldIsAPersons() throws Exception {
    Path file = dir.resolve("old.jsonl");
    try (Project p = project("old")) {
      simulate(p);
      p.exchange().export("b", SAMPLE, file, false);
    }
    // a file written before the field existed
    Files.writeString(file, Files.readString(file).replace(",\"made_by\":\"simulate\"", ""));
    try (Project q = project("older")) {
      q.exchange().importFiles(List.of(file));
      assertThat(StoreProbe.rows(q.database(), "SELECT DISTINCT made_by FROM decision"))
          .containsExactly("person|");
    }
  }

  @Test
  void upgradingAVersionTwoProjectMarksTheEventsOfSimulateAndNothingElse() throws Exception {
    Path file;
    List<Decision> made;
    try (Project p = project("v2")) {
      made = simulate(p);
      // a person then decides five of them again in the window
      p.annotations().decideAll(made.subList(0, 5));
      file = p.file();
    }
    // what the previous build wrote: no provenance columns, version 2
    try (Project p = Project.open(file)) {
      StoreProbe.update(p.database(), "ALTER TABLE decision DROP COLUMN made_by");
      StoreProbe.update(p.database(), "ALTER TABLE annotation_event DROP COLUMN made_by");
      StoreProbe.update(p.database(), "PRAGMA user_version = 2");
    }
    try (Project p = Project.open(file)) {
      assertThat(p.schemaVersion()).isEqualTo(Schema.packaged().version());
      assertThat(
              StoreProbe.rows(
                  p.database(),
                  "SELECT origin, made_by, count(*) FROM annotation_event GROUP BY 1, 2"))
          .containsExactly("simulate|simulate|" + made.size() + "|", "window|person|5|");
      assertThat(p.validation().validate(SAMPLE, null, 0, 1).provenance())
          .isEqualTo(new Provenance(5, made.size() - 5));
    }
  }
}
