package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.testing.TestIssues;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every decision control of the study's scheme (each toggle, list box and field) is wholly in view
 * at 1024×700 and at 1280×800: none is cut off at the bottom of the decision pane, none needs
 * scrolling. The evidence below them scrolls on its own.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class DecisionControlsFitTest {
  private static Path dir;
  private static Project project;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    dir = Files.createTempDirectory("decision-fit");
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(40, 3), "test");
    project
        .samples()
        .draw(
            new SampleRequest(
                RealBodiesWindow.SAMPLE,
                10,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                5L,
                List.of("ana"),
                "0",
                false));
    Theme.apply("light");
    AppContext context =
        new AppContext(project, BackgroundExecutor.direct(), url -> {}, Clock.systemUTC());
    Scene scene = new Scene(context.mainView(null), 1024, 700);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterAll
  static void cleanUp() {
    project.close();
  }

  @Test
  void everyDecisionControlIsWhollyInViewAtBothWindowSizes(FxRobot robot) {
    RealBodiesWindow.chooseSession(robot, "ana", RealBodiesWindow.SAMPLE);
    assertAllInView(robot, "1024×700");
    robot.interact(
        () -> {
          stage.setWidth(1280);
          stage.setHeight(800);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getScene().getHeight()).isGreaterThan(700);
    assertAllInView(robot, "1280×800");
  }

  private void assertAllInView(FxRobot robot, String size) {
    Region pane = robot.lookup("#decisionPane").queryAs(Region.class);
    ScrollPane scroll = (ScrollPane) robot.lookup(".decision-scroll").query();
    Node viewport = scroll.lookup(".viewport");
    Bounds visible = viewport.localToScene(viewport.getLayoutBounds());
    Bounds window = pane.localToScene(pane.getLayoutBounds());
    List<Node> controls = new ArrayList<>();
    collect(robot.lookup("#dimensionBox").query(), controls);
    // the study's scheme: 8 + 9 category and primary entries at most, the severity row among them
    assertThat(controls).as(size).hasSizeGreaterThan(10);
    assertThat(controls).extracting(Node::getId).as(size).contains("severity-P3");
    for (Node c : controls) {
      Bounds b = c.localToScene(c.getLayoutBounds());
      assertThat(b.getMinY())
          .as(size + ": top of " + c.getId())
          .isGreaterThanOrEqualTo(visible.getMinY() - 0.5);
      assertThat(b.getMaxY())
          .as(size + ": bottom of " + c.getId() + " (viewport ends at " + visible.getMaxY() + ")")
          .isLessThanOrEqualTo(visible.getMaxY() + 0.5);
      assertThat(b.getMaxY()).as(size + ": " + c.getId()).isLessThanOrEqualTo(window.getMaxY());
      assertThat(b.getMinX()).as(size + ": " + c.getId()).isGreaterThanOrEqualTo(visible.getMinX());
      assertThat(b.getMaxX())
          .as(size + ": right of " + c.getId())
          .isLessThanOrEqualTo(visible.getMaxX() + 0.5);
    }
    assertThat(scroll.getVvalue()).as(size + ": nothing scrolled out of view").isZero();
    // the controls below the dimensions stay in the pane too: the evidence gave way, not they
    for (String id : List.of("#unsureBox", "#reasonBox", "#noteField", "#commitButton")) {
      Node c = robot.lookup(id).query();
      Bounds b = c.localToScene(c.getLayoutBounds());
      assertThat(b.getMinY()).as(size + ": " + id).isGreaterThanOrEqualTo(visible.getMaxY());
      assertThat(b.getMaxY()).as(size + ": " + id).isLessThanOrEqualTo(window.getMaxY() + 0.5);
    }
  }

  private static void collect(Node n, List<Node> out) {
    if (n instanceof ButtonBase || n instanceof ComboBox<?> || n instanceof TextField) {
      out.add(n);
      return;
    }
    if (n instanceof javafx.scene.Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        collect(child, out);
      }
    }
  }
}
