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
