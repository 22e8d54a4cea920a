package org.labellens.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.service.Project;
import org.labellens.testing.TestIssues;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The issue browser in a real (headless) window, driven with the keyboard. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class IssuesViewTest {
  private static Path dir;
  private static Project project;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("issues-view");
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(120, 5), "test");
    Theme.apply("light");
    AppContext context =
        new AppContext(
            project, BackgroundExecutor.direct(), url -> {}, java.time.Clock.systemUTC());
    Scene scene = new Scene(context.issuesView(), 1280, 800);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterAll
  static void cleanUp() {
    project.close();
  }

  @Test
  void listsIssuesShowsDetailsAndSearches(FxRobot robot) {
    TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(120);
    Label title = robot.lookup("#detailTitle").queryAs(Label.class);
    assertThat(title.getText()).startsWith("Issue ");

    robot.clickOn("#table");
    robot.type(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    TextArea body = robot.lookup("#detailBody").queryAs(TextArea.class);
    assertThat(title.getText())
        .isEqualTo(
            project
                .issues()
                .get(
                    ((org.labellens.core.model.IssueSummary)
                            table.getSelectionModel().getSelectedItem())
                        .id())
                .orElseThrow()
                .title());
    assertThat(body.isEditable()).isFalse();

    robot.clickOn("#searchField").write("Traceback");
    WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(120);
    assertThat(body.getText()).contains("Traceback");
  }
}
