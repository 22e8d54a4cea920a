package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.model.IssueKey;
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
 * A whole session driven with the keyboard only, in a real (headless) window: choose annotator and
 * sample, label issues in a revealed and in a blind-first sample, go back and change one, skip one,
 * close, reopen at the right place; the database holds every decision with its values and phases.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnnotateSessionTest {
  private static Path dir;
  private static Project project;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    dir = Files.createTempDirectory("annotate-session");
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(120, 21), "test");
    project
        .samples()
        .draw(
            new SampleRequest(
                "open-sample",
                20,
                null,
                null,
                null,
                null,
                "framework",
                null,
                null,
                5L,
                List.of("ana", "ben"),
                "0.5",
                false));
    project
        .samples()
        .draw(
            new SampleRequest(
                "blind-sample",
                20,
                null,
                null,
                null,
                null,
                "framework",
                null,
                null,
                6L,
                List.of("ana", "ben"),
                "0.5",
                true));
    Theme.apply("light");
    show(stage);
  }

  private static void show(Stage stage) {
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

  private void chooseSession(FxRobot robot, String annotator, String sample) {
    RealBodiesWindow.chooseSession(robot, annotator, sample);
  }

  private static Map<String, List<String>> decisionsOf(String sample, IssueKey issue) {
    return project.annotations().decisions(sample, "ana", issue).stream()
        .collect(
            Collectors.groupingBy(
                d -> d.phase().name() + ":" + d.dimension(),
                Collectors.mapping(
                    d -> String.join(",", d.value().labels()), Collectors.toList())));
  }

  @Test
  void keyboardOnlySession(FxRobot robot) {
    chooseSession(robot, "ana", "open-sample");
    List<QueueItem> queue = project.annotations().queue("open-sample", "ana").items();
    // ten issues: category keys, primary with Shift+digit, production with Y/N
    for (int i = 0; i < 10; i++) {
      robot.type(KeyCode.DIGIT1);
      if (i % 2 == 0) {
        robot.type(KeyCode.DIGIT5);
      }
      robot.press(KeyCode.SHIFT).type(KeyCode.DIGIT1).release(KeyCode.SHIFT);
      robot.type(i % 3 == 0 ? KeyCode.Y : KeyCode.N);
      robot.type(KeyCode.ENTER);
      WaitForAsyncUtils.waitForFxEvents();
    }
    for (int i = 0; i < 10; i++) {
      Map<String, List<String>> d = decisionsOf("open-sample", queue.get(i).issue());
      assertThat(d.get("REVEALED:category")).containsExactly(i % 2 == 0 ? "memory,api" : "memory");
      assertThat(d.get("REVEALED:primary")).containsExactly("memory");
      assertThat(d.get("REVEALED:production")).containsExactly(i % 3 == 0 ? "yes" : "no");
    }
    // back one: change the tenth issue's categories (memory off, crash on) and commit again
    robot.type(KeyCode.BACK_SPACE);
    WaitForAsyncUtils.waitForFxEvents();
    robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT6).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(decisionsOf("open-sample", queue.get(9).issue()).get("REVEALED:category"))
        .containsExactly("crash");
    // skip the eleventh
    robot.type(KeyCode.S);
    WaitForAsyncUtils.waitForFxEvents();
    var afterSkip = project.annotations().queue("open-sample", "ana");
    assertThat(afterSkip.items().get(afterSkip.items().size() - 1).issue())
        .isEqualTo(queue.get(10).issue());

    // the blind-first sample: blind decision, then revealed revision, for ten issues
    robot.interact(() -> show(stage));
    chooseSession(robot, "ana", "blind-sample");
    List<QueueItem> blindQueue = project.annotations().queue("blind-sample", "ana").items();
    assertThat(blindQueue).hasSizeGreaterThanOrEqualTo(10);
    for (int i = 0; i < 10; i++) {
      robot.type(KeyCode.DIGIT4).type(KeyCode.ENTER);
      WaitForAsyncUtils.waitForFxEvents();
      robot.type(KeyCode.DIGIT3).type(KeyCode.ENTER);
      WaitForAsyncUtils.waitForFxEvents();
    }
    for (int i = 0; i < 10; i++) {
      Map<String, List<String>> d = decisionsOf("blind-sample", blindQueue.get(i).issue());
      assertThat(d.get("BLIND:category")).containsExactly("gpu");
      assertThat(d.get("REVEALED:category")).containsExactly("concurrency,gpu");
    }

    // close and reopen: the open sample resumes at the first pending issue (the twelfth)
    robot.interact(() -> show(stage));
    chooseSession(robot, "ana", "open-sample");
    var shown = robot.lookup("#issueTitle").query().getAccessibleText();
    var resume = project.annotations().queue("open-sample", "ana").resumeItem().orElseThrow();
    assertThat(resume.issue()).isEqualTo(queue.get(11).issue());
    assertThat(shown).isEqualTo(project.issues().get(resume.issueId()).orElseThrow().title());
    long stored =
        project.annotations().sampleDecisions("open-sample").stream()
            .filter(d -> d.annotator().equals("ana") && d.phase() == Phase.REVEALED)
            .map(Decision::issue)
            .distinct()
            .count();
    assertThat(stored).isEqualTo(10);

    // a note by keyboard: M opens it, the text is stored exactly as typed (not the M that opened
    // it), Enter commits
    robot.type(KeyCode.DIGIT2);
    robot.type(KeyCode.M);
    robot.write("install question, not a bug");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(
            project.annotations().sampleDecisions("open-sample").stream()
                .filter(d -> d.annotator().equals("ana") && d.issue().equals(resume.issue()))
                .map(Decision::note)
                .distinct())
        .containsExactly("install question, not a bug");
  }
}
