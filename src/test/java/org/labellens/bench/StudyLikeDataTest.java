package org.labellens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.ImportResult;
import org.labellens.service.Progress;
import org.labellens.service.Project;

class StudyLikeDataTest {
  @TempDir Path dir;

  private static final List<Issue> POOL = StudyLikeData.pool(null);

  private Path write(String name, int count, long seed, StudyLikeData.Format format) {
    Path out = dir.resolve(name);
    StudyLikeData.write(
        POOL, new StudyLikeData.Options(count, seed, format, 0), out, Progress.NONE);
    return out;
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
    for (StudyLikeData.Format f : StudyLikeData.Format.values()) {
      byte[] a = Files.readAllBytes(write("a-" + f, 437, 9, f));
      byte[] b = Files.readAllBytes(write("b-" + f, 437, 9, f));
      byte[] c = Files.readAllBytes(write("c-" + f, 437, 10, f));
      assertThat(a).isEqualTo(b);
      assertThat(c).isNotEqualTo(a);
    }
  }

  @Test
  void restPagesImportAsExactlyTheRequestedIssuesWithOnePullRequestPerPage() {
    Path file = write("issues.json", 1_234, 3, StudyLikeData.Format.REST);
    try (Project p = Project.create(dir.resolve("p.db"))) {
      ImportResult r =
          p.imports()
              .importFiles(List.of(file), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
      assertThat(r.newIssues()).isEqualTo(1_234);
      assertThat(r.pullRequestsSkipped()).isEqualTo(13);
      assertThat(r.byFramework()).containsOnlyKeys("vLLM", "llama.cpp", "SGLang");
      // the study's mix (33 / 45 / 22 %), within sampling error of 1,234 draws
      assertThat(r.byFramework().get("vLLM") / 1234.0).isBetween(0.28, 0.38);
      assertThat(r.byFramework().get("llama.cpp") / 1234.0).isBetween(0.40, 0.50);
      assertThat(r.byFramework().get("SGLang") / 1234.0).isBetween(0.17, 0.27);
    }
  }

  @Test
  void jsonlHasOneIssuePerLineAndNumbersUniquePerRepository() throws Exception {
    Path file = write("issues.jsonl", 2_000, 5, StudyLikeData.Format.JSONL);
    assertThat(Files.readAllLines(file)).hasSize(2_000);
    Set<String> keys = new HashSet<>();
    int[] read = {0};
    new IssueFileReader(ReadOptions.DEFAULT)
        .read(
            file,
            IssueFormat.AUTO,
            new IssueSink() {
              @Override
              public void issue(ImportedIssue issue) {
                read[0]++;
                keys.add(issue.issue().repo() + "#" + issue.issue().number());
              }

              @Override
              public void pullRequestSkipped(String location) {}
            });
    assertThat(read[0]).isEqualTo(2_000);
    assertThat(keys).hasSize(2_000);
  }

  @Test
  void bodiesAreCutToTheMaximumWhenOneIsGiven() {
    Path out = dir.resolve("short.jsonl");
    StudyLikeData.write(
        POOL,
        new StudyLikeData.Options(300, 1, StudyLikeData.Format.JSONL, 40),
        out,
        Progress.NONE);
    int[] longest = {0};
    new IssueFileReader(ReadOptions.DEFAULT)
        .read(
            out,
            IssueFormat.AUTO,
            new IssueSink() {
              @Override
              public void issue(ImportedIssue issue) {
                longest[0] = Math.max(longest[0], issue.issue().body().length());
              }

              @Override
              public void pullRequestSkipped(String location) {}
            });
    assertThat(longest[0]).isEqualTo(40);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> new StudyLikeData.Options(-1, 1, StudyLikeData.Format.REST, 0))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--issues -1");
  }
}
