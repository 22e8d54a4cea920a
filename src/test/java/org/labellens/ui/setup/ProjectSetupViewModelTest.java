package org.labellens.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.model.Issue;
import org.labellens.service.Project;
import org.labellens.testing.TestIssues;
import org.labellens.ui.common.BackgroundExecutor;

/** Project setup without the toolkit: import, cancel, classify, draw. */
class ProjectSetupViewModelTest {
  @TempDir Path dir;
  private Project project;
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() {
    pool.shutdownNow();
    if (project != null) {
      project.close();
    }
  }

  /** Work on a real background thread; callbacks right there (no FX thread in this test). */
  private BackgroundExecutor threaded(CountDownLatch done) {
    return new BackgroundExecutor() {
      @Override
      public <T> void run(
          java.util.concurrent.Callable<T> work,
          java.util.function.Consumer<T> ok,
          java.util.function.Consumer<Throwable> fail) {
        pool.execute(
            () -> {
              try {
                ok.accept(work.call());
              } catch (Exception | Error e) {
                fail.accept(e);
              } finally {
                done.countDown();
              }
            });
      }
    };
  }

  @Test
  void fetchFromTheWindowShowsEachPageAndStoresTheIssues() {
    try (org.labellens.testing.FakeGithub server =
        new org.labellens.testing.FakeGithub()
            .repo(
                "vllm-project/vllm",
                getClass().getResourceAsStream("/org/labellens/fetch/vllm-issues.json"))) {
      project = Project.create(dir.resolve("p.db"));
      ProjectSetupViewModel vm =
          new ProjectSetupViewModel(project, BackgroundExecutor.direct(), Runnable::run);
      List<String> statuses = new java.util.ArrayList<>();
      List<String> lines = new java.util.ArrayList<>();
      vm.statusProperty().addListener((obs, o, n) -> statuses.add(n));
      vm.summaryProperty().addListener((obs, o, n) -> lines.add(n));
      vm.fetchReposProperty().set(" vllm-project/vllm, ");
      vm.fetchApiUrlProperty().set(server.url());
      vm.fetch();
      assertThat(statuses).contains("vllm-project/vllm: page 2/4, 6 issues");
      assertThat(lines).contains("vllm-project/vllm: page 1/4: 2 new, 0 updated, 0 unchanged");
      assertThat(vm.statusProperty().get()).isEqualTo("fetched 14 issues");
      assertThat(vm.summaryProperty().get())
          .startsWith("14 new, 0 updated, 0 unchanged; 5 pull requests skipped;");
      assertThat(vm.runningProperty().get()).isFalse();
    }
  }

  @Test
  void importClassifyAndDrawFromTheWindow() {
    project = Project.create(dir.resolve("p.db"));
    ProjectSetupViewModel vm =
        new ProjectSetupViewModel(project, BackgroundExecutor.direct(), Runnable::run);
    Path file = write("dump.jsonl", TestIssues.jsonl(TestIssues.make(90, 4)));
    vm.importFiles(List.of(file));
    assertThat(vm.statusProperty().get()).isEqualTo("imported 90 issues");
    vm.taxonomyProperty().set("study-v1");
    vm.classify();
    assertThat(vm.statusProperty().get()).startsWith("run 'study-v1': 90 issues");
    assertThat(vm.sampleRunProperty().get()).isEqualTo("study-v1");
    vm.strataProperty().set("framework");
    vm.sizeProperty().set("24");
    vm.annotatorsProperty().set("ana, ben");
    vm.drawSample();
    assertThat(vm.statusProperty().get()).startsWith("sample 'pilot': 24 issues");
    assertThat(project.samples().progress("pilot"))
        .extracting(p -> p.annotator())
        .containsExactly("ana", "ben");
  }

  @Test
  void cancellingAnImportLeavesTheProjectUnchanged() throws Exception {
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(10, 1), "before");
    String before = snapshot();
    // a big file: many progress reports (about one per megabyte)
    List<Issue> many = TestIssues.make(30_000, 2);
    Path file = write("big.jsonl", TestIssues.jsonl(many));
    CountDownLatch done = new CountDownLatch(1);
    ProjectSetupViewModel[] vm = new ProjectSetupViewModel[1];
    vm[0] =
        new ProjectSetupViewModel(
            project,
            threaded(done),
            r -> {
              r.run();
              if (vm[0].progressProperty().get() > 0.2) {
                vm[0].cancel();
              }
            });
    vm[0].importFiles(List.of(file));
    assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
    assertThat(vm[0].statusProperty().get()).isEqualTo("cancelled: nothing was changed");
    assertThat(vm[0].runningProperty().get()).isFalse();
    assertThat(snapshot()).isEqualTo(before);
  }

  private String snapshot() {
    StringBuilder sb = new StringBuilder();
    project
        .issues()
        .list(
            org.labellens.core.model.IssueQuery.ALL,
            null,
            row -> sb.append(row.issue()).append('\n'));
    return sb.toString();
  }

  private Path write(String name, String content) {
    try {
      return TestIssues.write(dir, name, content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
