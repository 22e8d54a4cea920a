package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.service.Project;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A team's own codebook: a taxonomy with its categories and three dimensions the study does not
 * have (an ordinal impact, a set of components and a free-text rationale). Its sample is annotated
 * end to end with the keyboard; the controls, keys and help come from the taxonomy, and every
 * dimension is stored, the text exactly as typed.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CustomSchemeAnnotationTest {
  /** The rationale typed for the first issue: the window's own keys among its characters. */
  private static final String TYPED = "Same OOM, pip 2.0; U N s2";

  private static Path dir;
  private static Project project;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("custom-scheme");
    Path taxonomy = dir.resolve("team.json");
    Files.writeString(
        taxonomy,
        """
        {"name": "team", "version": "2.0", "dimensions": [
          {"id": "category", "kind": "set", "match": {"mode": "word"},
           "labels": [{"id": "install", "rules": [{"keywords": ["install", "pip"]}]},
                      {"id": "memory", "rules": [{"keywords": ["memory", "oom"]}]},
                      {"id": "speed", "rules": [{"keywords": ["slow", "latency"]}]}]},
          {"id": "impact", "kind": "ordinal",
           "labels": [{"id": "low"}, {"id": "medium"}, {"id": "high"}]},
          {"id": "component", "kind": "set",
           "labels": [{"id": "kernel"}, {"id": "scheduler"}, {"id": "api_server"}]},
          {"id": "rationale", "kind": "text", "description": "why, in a sentence"}]}
        """);
    project = RealBodiesWindow.create(dir, taxonomy.toString());
    Theme.apply("light");
    AppContext context =
        new AppContext(project, BackgroundExecutor.direct(), url -> {}, Clock.systemUTC());
    Scene scene = new Scene(context.mainView(null), 1280, 800);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterAll
  static void cleanUp() {
    project.close();
  }

  @Test
  void aSampleOfAnotherTaxonomyIsAnnotatedWithItsOwnControlsAndKeys(FxRobot robot) {
    assertThat(project.annotations().scheme(RealBodiesWindow.SAMPLE).dimensions())
        .extracting(SchemeDimension::id)
        .containsExactly("category", "impact", "component", "rationale");
    RealBodiesWindow.chooseSession(robot, "ana", RealBodiesWindow.SAMPLE);
    // the controls of the taxonomy, none of the study's
    assertThat(robot.lookup("#category-install").tryQuery()).isPresent();
    assertThat(robot.lookup("#impact-high").tryQuery()).isPresent();
    assertThat(robot.lookup("#component-scheduler").tryQuery()).isPresent();
    assertThat(robot.lookup("#production-yes").tryQuery()).isEmpty();
    TextField rationale = robot.lookup("#rationaleField").queryAs(TextField.class);
    // the help lists the keys of the new dimensions
    robot.type(KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    String help =
        robot
            .lookup(".help-overlay")
            .queryAs(javafx.scene.layout.VBox.class)
            .lookupAll(".label")
            .stream()
            .map(n -> ((javafx.scene.control.Label) n).getText())
            .collect(Collectors.joining("\n"));
    assertThat(help)
        .contains("next / previous impact")
        .contains("toggle a component")
        .contains("write the rationale");
    robot.type(KeyCode.ESCAPE);

    List<QueueItem> queue = project.annotations().queue(RealBodiesWindow.SAMPLE, "ana").items();
    for (int i = 0; i < 3; i++) {
      robot.type(KeyCode.DIGIT2); // category: memory
      robot.type(KeyCode.P); // impact: low (P is the first consonant of "impact" free)
      if (i > 0) {
        robot.type(KeyCode.P); // medium
      }
      robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL); // api_server
      if (i == 0) {
        // R (the first consonant of "rationale") starts writing; the window's keys (S skips, N, U,
        // digits, P) are typed into the field, and R itself is not
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rationale.isFocused()).isTrue();
        robot.write(TYPED.substring(0, TYPED.length() - 2));
        robot.type(KeyCode.S, KeyCode.DIGIT2); // pressed keys too: skip and a category otherwise
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rationale.getText()).isEqualTo(TYPED);
        robot.type(KeyCode.ENTER); // leaves the field and commits
      } else if (i == 1) {
        robot.type(KeyCode.R);
        robot.write("x");
        robot.type(KeyCode.ESCAPE); // gives the keys back: 1 toggles install again
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rationale.isFocused()).isFalse();
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
      } else {
        robot.type(KeyCode.ENTER);
      }
      WaitForAsyncUtils.waitForFxEvents();
    }
    for (int i = 0; i < 3; i++) {
      Map<String, List<String>> stored =
          project
              .annotations()
              .decisions(RealBodiesWindow.SAMPLE, "ana", queue.get(i).issue())
              .stream()
              .collect(Collectors.toMap(d -> d.dimension(), d -> d.value().labels(), (a, b) -> b));
      if (i == 0) {
        assertThat(stored.get("rationale")).containsExactly(TYPED);
      } else if (i == 1) {
        assertThat(stored.get("rationale")).containsExactly("x");
        assertThat(stored.get("category")).contains("install");
      } else {
        assertThat(stored).doesNotContainKey("rationale"); // nothing written: no decision
      }
      assertThat(stored.get("impact")).containsExactly(i == 0 ? "low" : "medium");
      assertThat(stored.get("component")).containsExactly("api_server");
      assertThat(stored.get("category")).contains("memory");
      assertThat(stored).doesNotContainKeys("primary", "production", "severity");
    }
  }
}
