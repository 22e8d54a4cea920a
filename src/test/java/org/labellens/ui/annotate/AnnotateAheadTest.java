package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.annotation.QueueItem;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.testing.TestIssues;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.FxBackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The next issue is laid out ahead, on the page behind the one shown, while the annotator reads;
 * once the decision is stored, showing it is a swap of pages: the page shown afterwards is the very
 * page laid out before the commit, with the body nodes it had then.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnnotateAheadTest {
  private Path dir;
  private Project project;
  private FxBackgroundExecutor background;
  private AnnotateViewModel vm;
  private Parent view;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("annotate-ahead");
    project = Project.create(dir.resolve("p.db"));
    project.imports().importIssues(TestIssues.make(60, 4), "test");
    project
        .samples()
        .draw(
            new SampleRequest(
                "s",
                8,
                null,
                null,
                null,
                null,
                "framework",
                null,
                null,
                3L,
                List.of("ana"),
                null,
                false));
    Theme.apply("light");
    background = new FxBackgroundExecutor(2);
    AppContext context = new AppContext(project, background, url -> {}, Clock.systemUTC());
    view = context.annotateView();
    vm = context.annotateViewModel();
    Scene scene = new Scene(view, 1280, 800);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
    view.requestFocus();
  }

  @AfterEach
  void close() {
    background.close();
    project.close();
  }

  @Test
  void theNextIssueIsLaidOutBehindAndShownBySwappingPages(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open("s", "ana"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.indexProperty().get() == 0);
    QueueItem next = vm.queue().get(1);
    String nextTitle = project.issues().get(next.issueId()).orElseThrow().title();

    // while the first issue is shown, the second is laid out on the hidden page
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> onFx(() -> title(hiddenPage()).equals(nextTitle)));
    VBox ahead = onFx(this::hiddenPage);
    Node firstBlock = onFx(() -> body(ahead).getChildren().get(0));
    assertThat(onFx(() -> ahead.isVisible())).isFalse();
    assertThat(onFx(() -> ahead.getHeight())).isPositive();
    assertThat(onFx(() -> title(shownPage()))).isNotEqualTo(nextTitle);

    robot.interact(
        () -> {
          vm.toggleCategory(0);
          vm.commit();
        });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.indexProperty().get() == 1);
    WaitForAsyncUtils.waitForFxEvents();

    // the page laid out ahead is the page now shown, with the same body nodes
    assertThat(onFx(this::shownPage)).isSameAs(ahead);
    assertThat(onFx(() -> ahead.isVisible())).isTrue();
    assertThat(onFx(() -> body(ahead).getChildren().get(0))).isSameAs(firstBlock);
    assertThat(onFx(() -> hiddenPage().isVisible())).isFalse();
    // the window's title label is the one shown (the hidden page's title has no id)
    assertThat(robot.lookup("#issueTitle").queryLabeled().getText()).isEqualTo(nextTitle);
    assertThat(project.annotations().decisions("s", "ana", vm.queue().get(0).issue())).isNotEmpty();
  }

  private PageStackView pages() {
    ScrollPane scroll = (ScrollPane) view.lookup(".issue-scroll");
    // the pages, alone or above the issue's comments
    javafx.scene.Node content = scroll.getContent();
    return new PageStackView(
        content instanceof AnnotateView.PageStack stack
            ? stack
            : (AnnotateView.PageStack) ((VBox) content).getChildren().get(0));
  }

  private VBox shownPage() {
    return pages().page(true);
  }

  private VBox hiddenPage() {
    return pages().page(false);
  }

  private static String title(VBox page) {
    return ((Label) page.getChildren().get(0)).getText();
  }

  private static VBox body(VBox page) {
    return (VBox) page.getChildren().get(3);
  }

  private record PageStackView(AnnotateView.PageStack stack) {
    VBox page(boolean visible) {
      return (VBox)
          stack.getChildrenUnmodifiable().stream()
              .filter(n -> n.isVisible() == visible)
              .findFirst()
              .orElseThrow();
    }
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
  }
}
