package org.labellens.ui.annotate;

import java.util.List;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.labellens.core.model.IssueComment;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.LatestOnly;

/**
 * The comments shown under an issue's body: loaded in the background for the issue shown (the
 * newest request wins), empty for an issue without stored comments or when loading fails.
 */
public final class CommentsViewModel {
  private final LongFunction<List<IssueComment>> source;
  private final LatestOnly loads;
  private final ReadOnlyObjectWrapper<List<IssueComment>> comments =
      new ReadOnlyObjectWrapper<>(List.of());
  private long shownIssue = -1;

  /**
   * @param source an issue row's comments (e.g. {@code project.comments()::of})
   */
  public CommentsViewModel(LongFunction<List<IssueComment>> source, BackgroundExecutor background) {
    this.source = source;
    this.loads = new LatestOnly(background);
  }

  /** The comments of the issue shown, in GitHub's order. */
  public ReadOnlyObjectProperty<List<IssueComment>> commentsProperty() {
    return comments.getReadOnlyProperty();
  }

  /** Shows the comments of issue row {@code issueId}. */
  public void show(long issueId) {
    if (issueId == shownIssue) {
      return;
    }
    shownIssue = issueId;
    comments.set(List.of());
    loads.run(
        () -> List.copyOf(source.apply(issueId)), comments::set, e -> comments.set(List.of()));
  }

  /** Shows nothing. */
  public void clear() {
    shownIssue = -1;
    loads.cancel();
    comments.set(List.of());
  }
}
