package org.labellens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueQuery;
import org.labellens.core.model.IssueSummary;
import org.labellens.testing.FastTempDir;

/** Full-text search as the repositories run it through the engine's dialect. */
class IssueSearchTest {
  private Path dir;
  private Database db;
  private Repositories repos;

  @BeforeEach
  void create() throws IOException {
    dir = FastTempDir.create("search");
    db = Database.create(dir.resolve("p.db"));
    repos = new Repositories(db);
    List<Issue> issues =
        List.of(
            issue(1, "CUDA out of memory on load", "tried to allocate 2 GiB"),
            issue(2, "Tokenizer crash", "segfault in tokenizer_config"),
            issue(3, "Out-of-band memory report", "nothing else"));
    repos.write(
        tx -> {
          try (IssueStore.Upserter up = repos.issues().upserter(tx, "2025-01-01T00:00:00Z")) {
            issues.forEach(up::upsert);
          }
          while (repos.issues().indexPending(tx, 100) > 0) {
            // move every new issue into the index
          }
          return null;
        });
  }

  @AfterEach
  void remove() throws IOException {
    db.close();
    FastTempDir.delete(dir);
  }

  private static Issue issue(int number, String title, String body) {
    return new Issue(
        "o/r",
        number,
        "vLLM",
        title,
        body,
        List.of(),
        "open",
        "2025-01-01T00:00:00Z",
        null,
        "https://github.com/o/r/issues/" + number,
        "a",
        0);
  }

  private List<Integer> found(String text) {
    IssueFilter filter = new IssueFilter(new IssueQuery(text, List.of()), null);
    List<Integer> numbers =
        repos.read(tx -> repos.issues().page(tx, filter, 0, 100)).stream()
            .map(IssueSummary::number)
            .toList();
    int counted = repos.read(tx -> repos.issues().count(tx, filter));
    assertThat(counted).isEqualTo(numbers.size());
    return numbers;
  }

  @Test
  void everyWordIsRequiredInTitleOrBody() {
    assertThat(found("out of memory")).containsExactly(1, 3);
    assertThat(found("memory allocate")).containsExactly(1);
  }

  @Test
  void theLastWordIsAPrefix() {
    assertThat(found("memo")).containsExactly(1, 3);
    assertThat(found("alloc memo")).isEmpty(); // only the last word is a prefix
    assertThat(found("memory alloc")).containsExactly(1);
  }

  @Test
  void searchSyntaxTypedByAPersonIsSearchedForAsWords() {
    assertThat(found("memory\" OR \"crash")).isEmpty();
    assertThat(found("NEAR(crash")).isEmpty();
    assertThat(found("-crash")).containsExactly(2);
    assertThat(found("tokenizer_config")).containsExactly(2);
  }

  @Test
  void textWithoutWordsFiltersNothing() {
    assertThat(found("!!! ...")).containsExactly(1, 2, 3);
  }
}
