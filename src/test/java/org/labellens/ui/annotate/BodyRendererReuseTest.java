package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.service.BodyModel;
import org.labellens.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A box that shows one body after another reuses its nodes, and a reused or palette-styled node
 * shows the text, look and highlights that fresh nodes styled by CSS would.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BodyRendererReuseTest {
  static final String FIRST =
      "# Crash on start\n\nOut of memory on the GPU after **loading** the model.\n\n"
          + "> quoted `code` here\n\n- one\n- two\n";
  static final String SECOND = "Slow decode with `--tp 2`, see the *log*.\n\n---\n\nThe GPU hangs.";
  private BodyRenderer renderer;
  private VBox box;
  private VBox fresh;

  @Start
  void start(Stage stage) {
    Theme.apply("light");
    renderer = new BodyRenderer(url -> {});
    box = new VBox(8);
    box.getStyleClass().add("issue-body-rendered");
    fresh = new VBox();
    stage.setScene(new Scene(new StackPane(new VBox(box, fresh)), 700, 600));
    Theme.style(stage.getScene());
    stage.show();
  }

  private static BodyModel model(String body, String word, String style) {
    int i = body.indexOf(word);
    return BodyModel.build(
        body, List.of(), List.of(new BodyModel.Highlight(i, i + word.length(), style, word)));
  }

  private void show(FxRobot robot, BodyModel model) {
    robot.interact(
        () -> {
          renderer.show(box, model, Runnable::run);
          box.applyCss();
          box.layout();
        });
  }

  /** The texts of the shown flows, block by block (hidden blocks left out). */
  private static List<String> shownText(VBox box) {
    List<String> blocks = new ArrayList<>();
    for (Node slot : box.getChildren()) {
      if (!slot.isVisible()) {
        continue;
      }
      for (Node n : ((VBox) slot).getChildren()) {
        if (n.isVisible() && n instanceof BodyRenderer.HighlightFlow f) {
          StringBuilder sb = new StringBuilder();
          f.getChildren().stream()
              .filter(t -> t instanceof Text)
              .forEach(t -> sb.append(((Text) t).getText()));
          blocks.add(sb.toString());
        } else if (n.isVisible()) {
          blocks.add(n.getClass().getSimpleName());
        }
      }
    }
    return blocks;
  }

  private List<String> freshText(BodyModel model) {
    List<String> blocks = new ArrayList<>();
    for (Node n : renderer.render(model).getChildren()) {
      if (n instanceof BodyRenderer.HighlightFlow f) {
        StringBuilder sb = new StringBuilder();
        f.getChildren().stream()
            .filter(t -> t instanceof Text)
            .forEach(t -> sb.append(((Text) t).getText()));
        blocks.add(sb.toString());
      } else {
        blocks.add(n.getClass().getSimpleName());
      }
    }
    return blocks;
  }

  private static Text textOf(Node root, String text) {
    if (root instanceof Text t && t.getText().equals(text)) {
      return t;
    }
    if (root instanceof javafx.scene.Parent p) {
      for (Node n : p.getChildrenUnmodifiable()) {
        Text t = textOf(n, text);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  @Test
  void aSecondBodyReusesTheNodesAndShowsExactlyItsOwnText(FxRobot robot) {
    BodyModel first = model(FIRST, "memory", "cat-0");
    BodyModel second = model(SECOND, "decode", "cat-4");
    show(robot, first);
    assertThat(shownText(box)).isEqualTo(freshText(first));
    List<Node> slots = List.copyOf(box.getChildren());
    Text firstRun = (Text) ((BodyRenderer.Slot) slots.get(0)).getChildren().get(0).lookup("Text");
    show(robot, second);
    assertThat(shownText(box)).isEqualTo(freshText(second));
    // the same slots and text nodes, not new ones; the blocks the second body lacks are hidden
    assertThat(box.getChildren().subList(0, slots.size())).containsExactlyElementsOf(slots);
    assertThat(textOf(box, "Slow decode with ")).isSameAs(firstRun);
    assertThat(box.getChildren().stream().filter(Node::isVisible).count())
        .isEqualTo(second.blocks().size());
    show(robot, first);
    assertThat(shownText(box)).isEqualTo(freshText(first));
  }

  @Test
  void paletteStyledRunsLookAsTheStylesheetsStyleThem(FxRobot robot) {
    BodyModel model = model(FIRST, "memory", "cat-4");
    show(robot, model(SECOND, "GPU", "cat-0")); // reused nodes below, not new ones
    show(robot, model);
    robot.interact(
        () -> {
          VBox styled = renderer.render(model);
          fresh.getChildren().setAll(styled);
          styled.applyCss();
          styled.layout();
          for (String run : List.of("Crash on start", "memory", "loading", "code", "one")) {
            Text reused = textOf(box, run);
            Text css = textOf(styled, run);
            assertThat(reused).as(run).isNotNull();
            assertThat(reused.getFont()).as(run).isEqualTo(css.getFont());
            assertThat(reused.getFill()).as(run).isEqualTo(css.getFill());
            assertThat(reused.isUnderline()).as(run).isEqualTo(css.isUnderline());
          }
          // the heading is bold and larger than a paragraph, the highlight white on dark blue
          assertThat(textOf(box, "Crash on start").getFont().getSize())
              .isGreaterThan(textOf(box, "loading").getFont().getSize());
          assertThat(textOf(box, "memory").getFill()).isEqualTo(javafx.scene.paint.Color.WHITE);
          // the quote keeps its border and padding
          BodyRenderer.HighlightFlow quote =
              (BodyRenderer.HighlightFlow) textOf(box, "code").getParent();
          BodyRenderer.HighlightFlow cssQuote =
              (BodyRenderer.HighlightFlow) textOf(styled, "code").getParent();
          assertThat(quote.getPadding()).isEqualTo(cssQuote.getPadding());
          assertThat(quote.getBorder()).isEqualTo(cssQuote.getBorder());
          assertThat(quote.getBorder()).isNotNull();
          // the highlight's background lies behind "memory"
          BodyRenderer.HighlightFlow para =
              (BodyRenderer.HighlightFlow) textOf(box, "memory").getParent();
          Path bg =
              para.getChildren().stream()
                  .filter(n -> n instanceof Path p && !p.getElements().isEmpty())
                  .map(n -> (Path) n)
                  .findFirst()
                  .orElseThrow();
          assertThat(bg.getStyleClass()).contains("cat-4");
          assertThat(bg.getBoundsInParent().getMinX())
              .isLessThanOrEqualTo(textOf(box, "memory").getBoundsInParent().getMinX() + 0.5);
        });
  }

  @Test
  void aHighlightInABlockWithPaddingAndBorderIsPaintedBehindItsWord(FxRobot robot) {
    // the quote has a left border and padding: the text starts after them, and so must the
    // highlight's background (the text layout's own coordinates do not include them)
    show(robot, model(FIRST, "quoted", "cat-2"));
    robot.interact(
        () -> {
          Text word = textOf(box, "quoted");
          BodyRenderer.HighlightFlow quote = (BodyRenderer.HighlightFlow) word.getParent();
          assertThat(quote.snappedLeftInset()).isGreaterThan(1);
          Path bg =
              quote.getChildren().stream()
                  .filter(n -> n instanceof Path p && !p.getElements().isEmpty())
                  .map(n -> (Path) n)
                  .findFirst()
                  .orElseThrow();
          javafx.geometry.Bounds w = word.getBoundsInParent();
          javafx.geometry.Bounds b = bg.getBoundsInParent();
          assertThat(Math.abs(b.getCenterX() - w.getCenterX())).isLessThan(3.0);
          assertThat(Math.abs(b.getCenterY() - w.getCenterY())).isLessThan(3.0);
        });
  }

  @Test
  void afterAThemeChangeRunsTakeTheNewThemesLook(FxRobot robot) {
    BodyModel model = model(SECOND, "GPU", "keyword-ignored");
    show(robot, model);
    javafx.scene.paint.Paint light = textOf(box, "Slow decode with ").getFill();
    try {
      robot.interact(() -> Theme.apply("dark"));
      show(robot, model(FIRST, "GPU", "cat-0")); // reused nodes, new theme
      show(robot, model);
      robot.interact(
          () -> {
            VBox styled = renderer.render(model);
            fresh.getChildren().setAll(styled);
            styled.applyCss();
            for (String run : List.of("Slow decode with ", "--tp 2", "log", "GPU")) {
              assertThat(textOf(box, run).getFill())
                  .as(run)
                  .isEqualTo(textOf(styled, run).getFill());
              assertThat(textOf(box, run).getFont())
                  .as(run)
                  .isEqualTo(textOf(styled, run).getFont());
            }
            assertThat(textOf(box, "Slow decode with ").getFill()).isNotEqualTo(light);
          });
    } finally {
      robot.interact(() -> Theme.apply("light"));
    }
  }

  @Test
  void aPastedZoneShownAgainShowsTheNewZoneWhenOpened(FxRobot robot) {
    String log1 = "```\n" + "first log line\n".repeat(40) + "```\n";
    String log2 = "```\n" + "second log line\n".repeat(40) + "```\n";
    show(robot, BodyModel.build(log1, List.of(), List.of()));
    show(robot, BodyModel.build(log2, List.of(), List.of()));
    robot.interact(
        () -> {
          TitledPane pane = (TitledPane) box.lookup(".pasted");
          assertThat(pane).isNotNull();
          pane.setExpanded(true);
          assertThat(textOf(pane.getContent(), "first log line\n".repeat(40).strip())).isNull();
          assertThat(
                  ((BodyRenderer.HighlightFlow) pane.getContent())
                      .getChildren().stream()
                          .filter(n -> n instanceof Text)
                          .map(n -> ((Text) n).getText())
                          .reduce("", String::concat))
              .contains("second log line");
        });
  }
}
