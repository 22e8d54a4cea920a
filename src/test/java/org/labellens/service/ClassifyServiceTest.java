package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.TaxonomyDocument;
import org.labellens.testing.TestIssues;

class ClassifyServiceTest {
  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void project() throws Exception {
    db = dir.resolve("p.db");
    Path file = TestIssues.write(dir, "i.jsonl", TestIssues.jsonl(TestIssues.make(40, 3)));
    try (Project p = Project.create(db)) {
      p.imports()
          .importFiles(
              List.of(file),
              new ImportRequest(null, null, IssueFormat.AUTO, null, null),
              Progress.NONE,
              new Cancellation());
    }
  }

  @Test
  void aCancelledRunLeavesNothingBehind() {
    try (Project p = Project.open(db)) {
      Cancellation cancel = new Cancellation();
      Progress cancelling = (message, done, total) -> cancel.cancel();

      assertThatThrownBy(() -> p.classifier().classify("study-v1", "r", cancelling, cancel))
          .isInstanceOf(CancellationException.class);
      assertThat(p.issues().runs()).isEmpty();

      ClassifyResult again =
          p.classifier().classify("study-v1", "r", Progress.NONE, new Cancellation());
      assertThat(again.run()).isEqualTo("r");
      assertThat(again.total()).isEqualTo(40);
      assertThat(p.issues().runs())
          .singleElement()
          .satisfies(r -> assertThat(r.issueCount()).isEqualTo(40));
    }
  }

  /** A project of {@code n} issues, in its own directory. */
  private Path project(String name, int n) throws Exception {
    Path sub = dir.resolve(name);
    java.nio.file.Files.createDirectories(sub);
    Path file = TestIssues.write(sub, "i.jsonl", TestIssues.jsonl(TestIssues.make(n, 7)));
    Path p = sub.resolve("p.db");
    try (Project project = Project.create(p)) {
      project
          .imports()
          .importFiles(
              List.of(file),
              new ImportRequest(null, null, IssueFormat.AUTO, null, null),
              Progress.NONE,
              new Cancellation());
    }
    return p;
  }

  private static java.util.Map<String, List<String>> nonEmpty(
      java.util.Map<String, List<String>> labels) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    labels.forEach(
        (dimension, values) -> {
          if (!values.isEmpty()) {
            out.put(dimension, values);
          }
        });
    return out;
  }

  @Test
  void aRunOverManyChunksStoresWhatEachIssueClassifiedAloneGives() throws Exception {
    int n = 2 * ClassifyPipeline.CHUNK + 17;
    try (Project p = Project.open(project("many", n))) {
      ClassifyResult r =
          p.classifier().classify("llm-serving-v2", "r", Progress.NONE, new Cancellation());
      assertThat(r.total()).isEqualTo(n);

      TaxonomyDocument v2 = p.classifier().taxonomy("llm-serving-v2");
      List<String> numbers = new java.util.ArrayList<>();
      int[] withEvidence = {0};
      p.issues()
          .list(
              org.labellens.core.model.IssueQuery.ALL,
              "r",
              row -> {
                numbers.add(row.issue().repo() + "#" + row.issue().number());
                org.labellens.core.model.Classification alone =
                    p.classifier().preview(v2, row.issue());
                org.labellens.core.model.Prediction stored = row.prediction().orElseThrow();
                assertThat(nonEmpty(stored.labels())).isEqualTo(nonEmpty(alone.predicted()));
                assertThat(stored.primary()).isEqualTo(alone.primary());
                assertThat(stored.evidence()).containsExactlyInAnyOrderElementsOf(alone.evidence());
                withEvidence[0] += alone.evidence().isEmpty() ? 0 : 1;
              });
      assertThat(numbers).hasSize(n).doesNotHaveDuplicates();
      // the comparison is not empty-handed: most issues have evidence
      assertThat(withEvidence[0]).isGreaterThan(n / 2);
    }
  }

  @Test
  void aRunCancelledInALaterChunkLeavesNothingAndStopsReading() throws Exception {
    int n = 3 * ClassifyPipeline.CHUNK;
    try (Project p = Project.open(project("cancelled", n))) {
      Cancellation cancel = new Cancellation();
      Progress late =
          (message, done, total) -> {
            if (done >= ClassifyPipeline.CHUNK * 2) {
              cancel.cancel();
            }
          };

      assertThatThrownBy(() -> p.classifier().classify("study-v1", "r", late, cancel))
          .isInstanceOf(CancellationException.class);

      assertThat(p.issues().runs()).isEmpty();
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().equals("labellens-classify-reader"));
    }
  }

  @Test
  void theDistributionCountsEveryIssueOnceInIssuesAndOtherOnlyWhenNoCategory() {
    try (Project p = Project.open(db)) {
      ClassifyResult r =
          p.classifier().classify("llm-serving-v2", null, Progress.NONE, new Cancellation());

      int issues = r.byFramework().values().stream().mapToInt(m -> m.get("issues")).sum();
      assertThat(issues).isEqualTo(r.total()).isEqualTo(r.all().get("issues"));
      assertThat(r.categories()).endsWith("other").hasSize(9);
      r.byFramework().values().forEach(m -> assertThat(m.keySet()).containsAll(r.categories()));
    }
  }

  @Test
  void highlightAndPreviewWorkWithoutStoringAnything() {
    try (Project p = Project.open(db)) {
      TaxonomyDocument v2 = p.classifier().taxonomy("llm-serving-v2");
      Issue issue =
          new Issue(
              "o/r",
              1,
              "r",
              "It crashes",
              "```\nPyTorch version: 2\nCUDA used to build PyTorch: 12\n```\n",
              List.of(),
              "open",
              null,
              null,
              null,
              null,
              null);

      List<Occurrence> all = p.classifier().highlight(v2, issue);

      assertThat(all).anySatisfy(o -> assertThat(o.status()).isEqualTo(Occurrence.Status.COUNTED));
      assertThat(all)
          .anySatisfy(o -> assertThat(o.status()).isEqualTo(Occurrence.Status.IGNORED_FIELD));
      assertThat(p.classifier().preview(v2, issue).labels("category")).containsExactly("crash");
      assertThat(p.issues().runs()).isEmpty();
    }
  }
}
