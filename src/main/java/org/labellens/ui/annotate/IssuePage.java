package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.labellens.core.ShownText;
import org.labellens.core.model.Issue;
import org.labellens.service.BodyModel;

/**
 * One page of the issue pane: title, meta line, labels and body. Two pages take turns: the one in
 * front is shown, the one behind is invisible but styled and laid out at the same width. Its nodes
 * are made once and reused for every issue: a new label costs a skin and CSS, a changed text only
 * layout.
 */
final class IssuePage {
  final VBox pane;
  final VBox title;
  final FlowPane meta;
  final FlowPane labels;
  final VBox body;
  private final BodyRenderer renderer;
  private final Consumer<String> openLink;
  private final Consumer<Runnable> later;
  private Label frameworkLabel;
  private Hyperlink link;
  private String url;
  private final List<Label> metaParts = new ArrayList<>();
  private final List<Label> labelChips = new ArrayList<>();
  PreparedIssue issue;
  private BodyModel bodyModel;
  private BodyModel titleModel;

  IssuePage(
      VBox pane,
      VBox title,
      FlowPane meta,
      FlowPane labels,
      VBox body,
      BodyRenderer renderer,
      Consumer<String> openLink,
      Consumer<Runnable> later) {
    this.pane = pane;
    this.title = title;
    this.meta = meta;
    this.labels = labels;
    this.body = body;
    this.renderer = renderer;
    this.openLink = openLink;
    this.later = later;
  }

  /** An empty page built like this one (styles, padding and spacing), with nodes of its own. */
  IssuePage emptyLike() {
    VBox newPane = new VBox(pane.getSpacing());
    newPane.getStyleClass().setAll(pane.getStyleClass());
    newPane.setPadding(pane.getPadding());
    VBox newTitle = new VBox();
    newTitle.getStyleClass().setAll(title.getStyleClass());
    FlowPane newMeta = new FlowPane(meta.getHgap(), meta.getVgap());
    FlowPane newLabels = new FlowPane(labels.getHgap(), labels.getVgap());
    VBox newBody = new VBox(body.getSpacing());
    newBody.getStyleClass().setAll(body.getStyleClass());
    newPane.getChildren().setAll(newTitle, newMeta, newLabels, newBody);
    return new IssuePage(newPane, newTitle, newMeta, newLabels, newBody, renderer, openLink, later);
  }

  boolean shows(PreparedIssue prepared, BodyModel model) {
    return issue == prepared && bodyModel == model;
  }

  void show(PreparedIssue prepared, BodyModel model, BodyModel titleShown) {
    if (prepared != issue) {
      showHeader(prepared.display().issue());
      issue = prepared;
    }
    if (titleShown != titleModel) {
      renderer.show(title, titleShown, later);
      titleModel = titleShown;
    }
    if (model != bodyModel) {
      renderer.show(body, model, later);
      bodyModel = model;
    }
  }

  void clear() {
    meta.getChildren().clear();
    labels.getChildren().clear();
    body.getChildren().clear();
    title.getChildren().clear();
    frameworkLabel = null;
    metaParts.clear();
    labelChips.clear();
    issue = null;
    bodyModel = null;
    titleModel = null;
    title.setAccessibleText("");
  }

  private void showHeader(Issue issue) {
    title.setAccessibleText(ShownText.forWindow(issue.title()));
    if (frameworkLabel == null) {
      frameworkLabel = new Label();
      frameworkLabel.getStyleClass().add("muted");
      link = new Hyperlink();
      link.setFocusTraversable(false);
      link.setOnAction(
          e -> {
            if (url != null && BodyRenderer.isWeb(url)) {
              openLink.accept(url);
            }
          });
      List<Node> parts = new ArrayList<>(List.of(frameworkLabel, link));
      for (int i = 0; i < 4; i++) {
        Label l = new Label();
        l.getStyleClass().add("muted");
        metaParts.add(l);
        parts.add(l);
      }
      meta.getChildren().setAll(parts);
    }
    frameworkLabel.setText(issue.framework());
    link.setText(issue.repo() + "#" + issue.number());
    url = issue.url();
    String[] parts = {
      issue.state(),
      issue.createdAt() == null
          ? null
          : "opened " + issue.createdAt().substring(0, Math.min(10, issue.createdAt().length())),
      issue.closedAt() == null
          ? null
          : "closed " + issue.closedAt().substring(0, Math.min(10, issue.closedAt().length())),
      issue.author() == null ? null : "by " + ShownText.forWindow(issue.author())
    };
    for (int i = 0; i < parts.length; i++) {
      Label l = metaParts.get(i);
      l.setText(parts[i] == null ? "" : "· " + parts[i]);
      setShown(l, parts[i] != null);
    }
    List<String> names = issue.labels();
    while (labelChips.size() < names.size()) {
      Label chip = new Label();
      chip.getStyleClass().add("issue-label");
      labelChips.add(chip);
      labels.getChildren().add(chip);
    }
    for (int i = 0; i < labelChips.size(); i++) {
      Label chip = labelChips.get(i);
      boolean used = i < names.size();
      chip.setText(used ? ShownText.forWindow(names.get(i)) : "");
      setShown(chip, used);
    }
  }

  /** Shows or hides a reused node; a hidden one takes no room. */
  static void setShown(Node n, boolean shown) {
    n.setVisible(shown);
    n.setManaged(shown);
  }
}
