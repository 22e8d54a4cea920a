package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueFormat;
import org.labellens.core.model.IssueQuery;
import org.labellens.testing.FastTempDir;
import org.labellens.testing.FuzzBudget;
import org.labellens.testing.TestIssues;

/**
 * Hostile {@code --where} expressions (the filter of {@code issues} and of the window's search):
 * fields, operators and values in any order, quotes, FTS5 and SQL syntax, odd characters. The
 * listing works, or the expression is refused with a message that quotes it, never another
 * exception (an FTS5 or SQL syntax error included).
 */
@AddLifecycleHook(FuzzBudget.class)
class QueryFuzzTest {
  private static Path dir;
  private static Path db;
  private static Project project;

  @BeforeContainer
  static void createProject() throws IOException {
    dir = FastTempDir.create("query-fuzz");
    db = dir.resolve("p.db");
    project = Project.create(db);
    Path dump =
        TestIssues.write(
            dir,
            "dump.jsonl",
            TestIssues.jsonl(TestIssues.make(40, 8))
                .replace("\"labels\": ", "\"cls\": [\"gpu\"], \"labels\": "));
    project
        .imports()
        .importFiles(
            List.of(dump),
            new ImportRequest(null, null, IssueFormat.AUTO, "cls", "outside"),
            Progress.NONE,
            new Cancellation());
    project.issues().ensureSearchIndex(Progress.NONE);
  }

  @AfterContainer
  static void remove() throws IOException {
    project.close();
    FastTempDir.delete(dir);
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "framework",
                "repo",
                "number",
                "state",
                "title",
                "body",
                "author",
                "label",
                "created_at",
                "closed_at",
                "text",
                "predicted",
                "primary",
                "TEXT",
                "nope"),
            Arbitraries.of(
                "=", "!=", "~", "<", "<=", ">", ">=", "==", "=~", "!", "and", "AND", "or"),
            Arbitraries.of(
                "vLLM",
                "bug",
                "42",
                "-1",
                "99999999999",
                "2025-01-01",
                "\"out of memory\"",
                "\"a* OR (b\"",
                "\"NEAR(\"",
                "\"\\\"\"",
                "\"",
                "'",
                "\"; DROP TABLE issue; --\"",
                "%",
                "_",
                "\\",
                "*",
                "^x",
                "\"\"",
                "\"🚀\"",
                "\"עברית\"",
                "NULL",
                "\"x\u0000y\""),
            Arbitraries.strings().ofMaxLength(6));
    return token.list().ofMaxSize(9).map(t -> String.join(" ", t));
  }

  @Property(tries = 200, seed = "20251230", edgeCases = EdgeCasesMode.NONE)
  void anyExpressionListsOrIsRefusedClearly(
      @ForAll("expressions") String expression, @ForAll boolean withRun) {
    try {
      IssueQuery query = IssueQuery.parse(expression);
      int[] n = {0};
      project.issues().list(query, withRun ? "outside" : null, row -> n[0]++);
      project.issues().count(query);
      Statistics.label("outcome").collect("listed");
    } catch (BadInputException e) {
      Statistics.label("outcome").collect("refused");
      assertThat(e.getMessage()).startsWith("--where").doesNotContain("Exception");
    }
  }
}
