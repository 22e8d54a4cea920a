package org.labellens.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.service.Project;
import org.labellens.testing.TestIssues;
import org.labellens.ui.common.BackgroundExecutor;

/** The view model on the synchronous executor: no toolkit, no threads. */
class IssuesViewModelTest {
  @TempDir Path dir;
  private Project project;
  private IssuesViewModel viewModel;

  @BeforeEach
  void open() {
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(450, 3), "test");
    viewModel = new IssuesViewModel(project.issues(), BackgroundExecutor.direct());
    viewModel.start();
  }

  @AfterEach
  void close() {
    project.close();
  }

  @Test
  void firstPageIsShownWithTheFirstIssueSelected() {
    assertThat(viewModel.totalProperty().get()).isEqualTo(450);
    assertThat(viewModel.pageCountProperty().get()).isEqualTo(3);
    assertThat(viewModel.items()).hasSize(IssuesViewModel.PAGE_SIZE);
    assertThat(viewModel.detailProperty().get()).isNotNull();
    assertThat(viewModel.detailProperty().get().number())
        .isEqualTo(viewModel.items().get(0).number());
    assertThat(viewModel.searchReadyProperty().get()).isTrue();
  }

  @Test
  void pagesMoveForwardAndBackAndStopAtTheEnds() {
    viewModel.previousPage();
    assertThat(viewModel.pageProperty().get()).isZero();
    viewModel.nextPage();
    viewModel.nextPage();
    assertThat(viewModel.pageProperty().get()).isEqualTo(2);
    assertThat(viewModel.items()).hasSize(50);
    viewModel.nextPage();
    assertThat(viewModel.pageProperty().get()).isEqualTo(2);
    viewModel.previousPage();
    assertThat(viewModel.pageProperty().get()).isEqualTo(1);
  }

  @Test
  void searchNarrowsTheListAndSelectingShowsTheIssue() {
    viewModel.searchProperty().set("allocate");
    viewModel.applySearch();
    int found = viewModel.totalProperty().get();
    assertThat(found).isPositive().isLessThan(450);
    assertThat(viewModel.items())
        .allSatisfy(
            s -> {
              var issue = project.issues().get(s.id()).orElseThrow();
              assertThat((issue.title() + " " + issue.body()).toLowerCase()).contains("allocate");
            });
    var second = viewModel.items().get(1);
    viewModel.selectedProperty().set(second);
    assertThat(viewModel.detailProperty().get().number()).isEqualTo(second.number());
    viewModel.searchProperty().set("");
    viewModel.applySearch();
    assertThat(viewModel.totalProperty().get()).isEqualTo(450);
  }

  @Test
  void searchWithNoMatchEmptiesTheDetail() {
    viewModel.searchProperty().set("zzzz-no-such-word");
    viewModel.applySearch();
    assertThat(viewModel.items()).isEmpty();
    assertThat(viewModel.detailProperty().get()).isNull();
  }
}
