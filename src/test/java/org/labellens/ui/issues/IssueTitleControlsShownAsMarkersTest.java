package org.labellens.ui.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * A title whose right-to-left override would make the window show "invoice_exe.pdf" for a stored
 * "invoice_fdp.exe", and labels and a body with escape sequences: the issues screen shows each such
 * character as a visible marker, in the table, the detail title, the label chips and the body.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class IssueTitleControlsShownAsMarkersTest {
  static final String TITLE = "invoice_\u202efdp.exe crashes";
  static final String BODY = "log\u001b]52;c;ZWNobw==\u0007 and \u2066isolated\u2069";
  static final List<String> LABELS = List.of("bug\u200f", "ok");

  private static Path dir;
  private static Project project;

  @Start
  void start(Stage stage) throws Exception {
    dir = FastTempDir.create("markers");
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
                    "x\u202ey",
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
  void overridesAndEscapesAreShownAsMarkers(FxRobot robot) {
    TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();

    String shownTitle = "invoice_⟨U+202E⟩fdp.exe crashes";
    assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo(shownTitle);
    Set<String> cells =
        table.lookupAll(".table-cell").stream()
            .map(n -> n instanceof Labeled l ? String.valueOf(l.getText()) : "")
            .collect(Collectors.toSet());
    assertThat(cells).contains(shownTitle).doesNotContain(TITLE);
    // the table's labels column too, not only the detail's chips
    assertThat(cells).contains("bug⟨U+200F⟩, ok").doesNotContain(String.join(", ", LABELS));
    FlowPane chips = robot.lookup("#detailLabels").queryAs(FlowPane.class);
    assertThat(chips.getChildren().stream().map(n -> ((Label) n).getText()))
        .containsExactly("bug⟨U+200F⟩", "ok");
    assertThat(robot.lookup("#detailBody").queryAs(TextArea.class).getText())
        .isEqualTo("log⟨U+001B⟩]52;c;ZWNobw==⟨U+0007⟩ and ⟨U+2066⟩isolated⟨U+2069⟩");
    assertThat(robot.lookup("#detailMeta").queryAs(Label.class).getText())
        .contains("by x⟨U+202E⟩y");
  }
}
