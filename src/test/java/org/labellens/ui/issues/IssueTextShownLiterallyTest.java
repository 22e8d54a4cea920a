package org.labellens.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.model.Issue;
import org.labellens.service.Project;
import org.labellens.testing.FastTempDir;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue text is untrusted input: markup and script in a title, a body or a label are shown as the
 * characters they are, in plain-text controls, never interpreted.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class IssueTextShownLiterallyTest {
  static final String TITLE = "<b>Crash</b> in <i>loader</i> & <script>alert('t')</script>";
  static final String BODY =
      "<script>alert(document.cookie)</script>\n"
          + "<img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">click</a>\n"
          + "&amp; &lt;b&gt; <!-- comment --> </textarea><style>*{display:none}</style>\n"
          + "RTL עברית and emoji 🚀 stay as they are\r\nend";
  static final List<String> LABELS = List.of("<b>bug</b>", "<script>x</script>");

  private static Path dir;
  private static Project project;

  @Start
  void start(Stage stage) throws Exception {
    dir = FastTempDir.create("literal");
    project = Project.create(dir.resolve("p.db"));
    project
        .imports()
        .importIssues(
            List.of(
                new Issue(
                    "a/b",
                    1,
                    "b",
                    TITLE,
                    BODY,
                    LABELS,
                    "open",
                    null,
                    null,
                    "https://github.com/a/b/issues/1",
                    "<u>someone</u>",
                    0)),
            "test");
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
  static void cleanUp() throws Exception {
    project.close();
    FastTempDir.delete(dir);
  }

  @Test
  void markupAndScriptAreShownAsText(FxRobot robot) {
    TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(1);
    robot.interact(() -> table.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();

    TextArea body = robot.lookup("#detailBody").queryAs(TextArea.class);
    // a TextArea drops carriage returns (and other control characters) from what it shows; every
    // other character is there as written
    assertThat(body.getText()).isEqualTo(BODY.replace("\r", ""));
    assertThat(body.isEditable()).isFalse();
    assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo(TITLE);
    FlowPane chips = robot.lookup("#detailLabels").queryAs(FlowPane.class);
    assertThat(chips.getChildren().stream().map(n -> ((Label) n).getText()))
        .containsExactlyElementsOf(LABELS);

    // the table's title cell holds the same characters (clipped on screen to the column's width)
    Set<String> texts =
        robot.lookup("#table").queryAs(TableView.class).lookupAll(".table-cell").stream()
            .map(IssueTextShownLiterallyTest::text)
            .collect(Collectors.toSet());
    assertThat(texts).contains(TITLE);
    // and no control that renders markup is anywhere in the window
    assertThat(robot.lookup(n -> n.getClass().getName().startsWith("javafx.scene.web")).queryAll())
        .isEmpty();
  }

  /** The cell's text as set, before the skin clips it to the column's width. */
  private static String text(Node cell) {
    return cell instanceof Labeled labeled ? String.valueOf(labeled.getText()) : "";
  }
}
