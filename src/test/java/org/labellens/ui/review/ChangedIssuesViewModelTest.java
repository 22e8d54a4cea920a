package org.labellens.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.IssueKey;
import org.labellens.core.review.ChangedIssue;
import org.labellens.ui.common.BackgroundExecutor;

/** The review's flag for issues changed after sampling: empty, or which and how many decided. */
class ChangedIssuesViewModelTest {
  @Test
  void theFlagNamesTheChangedIssuesAndThoseUnderADecision() {
    List<String> asked = new ArrayList<>();
    ChangedIssuesViewModel vm =
        new ChangedIssuesViewModel(
            sample -> {
              asked.add(sample);
              return sample.equals("clean")
                  ? List.of()
                  : List.of(
                      new ChangedIssue(new IssueKey("o/r", 3), "2030-01-01T00:00:00Z", 2),
                      new ChangedIssue(new IssueKey("o/r", 9), "2030-01-01T00:00:00Z", 0));
            },
            BackgroundExecutor.direct());
    vm.open("s");
    assertThat(vm.flagProperty().get())
        .isEqualTo(
            "2 issues changed after sampling (1 under a decision already made): o/r#3, o/r#9");
    vm.open("clean");
    assertThat(vm.flagProperty().get()).isEmpty();
    vm.open(null);
    assertThat(asked).containsExactly("s", "clean");
  }

  @Test
  void manyChangedIssuesAreCountedAndTheFirstNamed() {
    List<ChangedIssue> many = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      many.add(new ChangedIssue(new IssueKey("o/r", i), "2030-01-01T00:00:00Z", 0));
    }
    assertThat(ChangedIssuesViewModel.describe(many))
        .isEqualTo("7 issues changed after sampling: o/r#1, o/r#2, o/r#3, o/r#4, o/r#5, …");
  }
}
