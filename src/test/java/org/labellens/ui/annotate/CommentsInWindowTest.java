package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * A fetched issue's comments are under its body in the annotation window, collapsed, as plain text;
 * an issue without comments shows none.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CommentsInWindowTest {
  private static Path dir;
  private static Project project;
  private static IssueKey first;
  private static IssueKey second;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("comments-window");
    Path file = dir.resolve("p.db");
    project = Project.create(file);
    project.imports().importIssues(TestIssues.make(120, 21), "test");
    project
        .samples()
        .draw(
            new SampleRequest(
                "s",
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
    var queue = project.annotations().queue("s", "ana").items();
    first = queue.get(0).issue();
    second = queue.get(1).issue();
    // two comments on the first issue, as fetch --comments stores them
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO issue_comment (issue_id, comment_id, position, author, body,"
                    + " created_at) SELECT id, ?, ?, ?, ?, '2024-05-01T10:00:00Z' FROM issue"
                    + " WHERE repo = ? AND number = ?")) {
      String[][] rows = {
        {"11", "1", "alice", "Same here on <b>H100</b>: [link](javascript:alert(1))"},
        {"12", "2", "bob", "Fixed by upgrading the driver."}
      };
      for (String[] r : rows) {
        ps.setLong(1, Long.parseLong(r[0]));
        ps.setInt(2, Integer.parseInt(r[1]));
        ps.setString(3, r[2]);
        ps.setString(4, r[3]);
        ps.setString(5, first.repo());
        ps.setInt(6, first.number());
        ps.executeUpdate();
      }
    }
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
  void commentsAreCollapsedUnderTheBodyAndShownAsPlainText(FxRobot robot) {
    ComboBox<?> box = robot.lookup("#annotatorBox").queryAs(ComboBox.class);
    robot.clickOn(box.getEditor());
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    robot.write("ana");
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    var list = robot.lookup("#sampleList").queryListView();
    robot.interact(list::requestFocus);
    robot.type(KeyCode.HOME).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    TitledPane pane = robot.lookup("#commentsPane").queryAs(TitledPane.class);
    assertThat(pane.isVisible()).isTrue();
    assertThat(pane.isExpanded()).isFalse();
    assertThat(pane.getText()).isEqualTo("2 comments");
    robot.interact(() -> pane.setExpanded(true));
    List<String> texts =
        robot.lookup(".comment-body").queryAllAs(Label.class).stream()
            .filter(l -> l.getScene() != null)
            .map(Label::getText)
            .toList();
    assertThat(texts)
        .containsExactly(
            "Same here on <b>H100</b>: [link](javascript:alert(1))",
            "Fixed by upgrading the driver.");
    // the next issue has no comments: no pane
    robot.interact(() -> {});
    robot.type(KeyCode.S);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane.isVisible()).as("after skipping to " + second).isFalse();
  }
}
