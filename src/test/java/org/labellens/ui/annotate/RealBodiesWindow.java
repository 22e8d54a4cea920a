package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A project made of the real issue bodies of the test fixture (see its README), classified with the
 * study's taxonomy, with a sample of every issue for one annotator; and the keyboard steps that
 * open a session in the main window.
 */
final class RealBodiesWindow {
  static final String SAMPLE = "real";

  private RealBodiesWindow() {}

  static Project create(Path dir, String taxonomy) throws IOException {
    Path file = dir.resolve("real-bodies.jsonl");
    try (InputStream in =
        RealBodiesWindow.class.getResourceAsStream("/org/labellens/service/real-bodies.jsonl")) {
      Files.copy(in, file);
    }
    Project project = Project.create(dir.resolve("p.db"));
    project
        .imports()
        .importFiles(List.of(file), ImportRequest.DEFAULT, Progress.NONE, new Cancellation());
    String run =
        project.classifier().classify(taxonomy, null, Progress.NONE, new Cancellation()).run();
    project
        .samples()
        .draw(
            new SampleRequest(
                SAMPLE,
                17,
                null,
                null,
                run,
                null,
                null,
                null,
                null,
                7L,
                List.of("ana"),
                "0",
                false));
    return project;
  }

  /** Types the annotator's name, picks the sample in the list and presses Enter. */
  static void chooseSession(FxRobot robot, String annotator, String sample) {
    ComboBox<?> box = robot.lookup("#annotatorBox").queryAs(ComboBox.class);
    robot.clickOn(box.getEditor());
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    robot.write(annotator);
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    var list = robot.lookup("#sampleList").queryListView();
    int target = -1;
    for (int i = 0; i < list.getItems().size(); i++) {
      if (list.getItems().get(i).toString().startsWith(sample + " ")) {
        target = i;
      }
    }
    assertThat(target).as("sample offered").isNotNegative();
    robot.interact(() -> list.requestFocus());
    robot.type(KeyCode.HOME);
    for (int i = 0; i < target; i++) {
      robot.type(KeyCode.DOWN);
    }
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
