package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.service.BodyModel;
import org.labellens.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The body's nodes: highlighted runs with their painted backgrounds, links that open safely. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class BodyRendererTest {
  static final String BODY =
      "Out of memory on the GPU, see [docs](https://example.org/d) or [x](javascript:alert(1)).";
  private final List<String> opened = new ArrayList<>();
  private VBox box;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Theme.apply("light");
    stage.setScene(new Scene(new VBox(), 700, 400));
    Theme.style(stage.getScene());
    stage.show();
  }

  private void show(FxRobot robot, BodyModel model) {
    robot.interact(
        () -> {
          box = new BodyRenderer(opened::add).render(model);
          stage.getScene().setRoot(box);
          box.applyCss();
          box.layout();
        });
  }

  private static BodyModel.Highlight hit(String word, String style) {
    int i = BODY.indexOf(word);
    return new BodyModel.Highlight(i, i + word.length(), style, word);
  }

  @Test
  void highlightsArePaintedBehindTheirOwnCharacters(FxRobot robot) {
    show(
        robot,
        BodyModel.build(
            BODY,
            List.of(),
            List.of(hit("memory", "cat-0"), hit("GPU", "cat-3"), hit("see", "keyword-ignored"))));
    TextFlow flow = (TextFlow) box.getChildren().get(0);
    List<String> hitTexts =
        flow.getChildren().stream()
            .filter(n -> n instanceof Text && n.getStyleClass().contains("hit-text"))
            .map(n -> ((Text) n).getText())
            .toList();
    assertThat(hitTexts).containsExactly("memory", "GPU", "see");
    List<Path> paths =
        flow.getChildren().stream().filter(n -> n instanceof Path).map(n -> (Path) n).toList();
    assertThat(paths)
        .extracting(p -> p.getStyleClass().get(1))
        .containsExactly("cat-0", "cat-3", "keyword-ignored");
    for (Path p : paths) {
      assertThat(p.isManaged()).isFalse();
      assertThat(p.getElements()).isNotEmpty();
    }
    // the coloured box of "memory" lies over the characters of "memory"
    Text memory =
        (Text)
            flow.getChildren().stream()
                .filter(n -> n instanceof Text t && t.getText().equals("memory"))
                .findFirst()
                .orElseThrow();
    Bounds word = memory.getBoundsInParent();
    Bounds box0 = paths.get(0).getBoundsInParent();
    assertThat(box0.getMinX()).isLessThanOrEqualTo(word.getMinX() + 0.5);
    assertThat(box0.getMaxX()).isGreaterThanOrEqualTo(word.getMaxX() - 0.5);
  }

  @Test
  void onlyWebLinksOpenAndOnlyOnAClick(FxRobot robot) {
    show(robot, BodyModel.build(BODY, List.of(), List.of()));
    TextFlow flow = (TextFlow) box.getChildren().get(0);
    assertThat(opened).isEmpty();
    click(robot, flow, "docs");
    click(robot, flow, "x");
    assertThat(opened).containsExactly("https://example.org/d");
  }

  private static void click(FxRobot robot, TextFlow flow, String text) {
    robot.interact(
        () -> {
          Node t =
              flow.getChildren().stream()
                  .filter(n -> n instanceof Text tx && tx.getText().equals(text))
                  .findFirst()
                  .orElseThrow();
          Bounds b = t.getBoundsInParent();
          double x = b.getMinX() + b.getWidth() / 2;
          double y = b.getMinY() + b.getHeight() / 2;
          Event.fireEvent(
              flow,
              new MouseEvent(
                  MouseEvent.MOUSE_CLICKED,
                  x,
                  y,
                  0,
                  0,
                  MouseButton.PRIMARY,
                  1,
                  false,
                  false,
                  false,
                  false,
                  true,
                  false,
                  false,
                  true,
                  false,
                  true,
                  null));
        });
  }
}
