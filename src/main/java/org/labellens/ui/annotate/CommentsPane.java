package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.labellens.core.ShownText;
import org.labellens.core.model.IssueComment;

/**
 * The comments under an issue's body, collapsed until opened (the discussion often makes a report
 * clear, but it is not the report). Each comment is its author and date, then its text as plain
 * text: nothing in it is rendered as markup, followed or run. Hidden when the issue has none.
 */
public final class CommentsPane extends TitledPane {
  private final VBox list = new VBox(10);

  public CommentsPane(CommentsViewModel viewModel) {
    setId("commentsPane");
    getStyleClass().add("comments-pane");
    setExpanded(false);
    setAnimated(false);
    setContent(list);
    show(viewModel.commentsProperty().get());
    viewModel.commentsProperty().addListener((obs, o, n) -> show(n));
  }

  private void show(List<IssueComment> comments) {
    setVisible(!comments.isEmpty());
    setManaged(!comments.isEmpty());
    setExpanded(false);
    setText(comments.size() == 1 ? "1 comment" : comments.size() + " comments");
    List<VBox> entries = new ArrayList<>();
    for (IssueComment c : comments) {
      Label head =
          new Label(
              ShownText.forWindow(c.author() == null ? "(unknown)" : c.author())
                  + (c.createdAt() == null ? "" : " · " + c.createdAt()));
      head.getStyleClass().add("muted");
      Label body = new Label(ShownText.forWindow(c.body()));
      body.setWrapText(true);
      body.getStyleClass().add("comment-body");
      VBox entry = new VBox(2, head, body);
      entry.getStyleClass().add("comment");
      entries.add(entry);
    }
    list.getChildren().setAll(entries);
  }
}
