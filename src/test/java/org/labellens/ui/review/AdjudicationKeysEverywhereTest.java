package org.labellens.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.service.Project;
import org.labellens.testing.LeadProjects;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.FxBackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The adjudication pane's keys (↑↓ / J K item, ←→ dimension, digits label, N note, Esc leaves it)
 * work from every place the focus can be: on opening, after a click on the sample box, on the tab
 * header, on the issue text, and after switching tabs and back.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AdjudicationKeysEverywhereTest {
  private static Path dir;
  private static Project project;
  private static FxBackgroundExecutor background;
  private AppContext context;
  private ReviewView view;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("adjudication-keys");
    project = LeadProjects.create(dir, 20, 80, "0.5", false);
    background = new FxBackgroundExecutor(2);
    Theme.apply("light");
    context = new AppContext(project, background, url -> {}, Clock.systemUTC());
    context.reviewViewModel().replicatesProperty().set(50);
    view = context.reviewView(LeadProjects.SAMPLE);
    Scene scene = new Scene(view, 1280, 800);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
    view.select("adjudication");
  }

  @AfterAll
  static void cleanUp() {
    background.close();
    project.close();
  }

  private void settle(AdjudicationViewModel vm) throws Exception {
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> !vm.busyProperty().get() && vm.displayProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void everyKeyWorks(FxRobot robot, AdjudicationViewModel vm, String state)
      throws Exception {
    String as = "after " + state + ": ";
    settle(vm);
    int at = vm.selectedProperty().get();
    robot.type(at + 1 < vm.queue().size() ? KeyCode.DOWN : KeyCode.UP);
    settle(vm);
    assertThat(vm.selectedProperty().get()).as(as + "↓").isNotEqualTo(at);
    int moved = vm.selectedProperty().get();
    robot.type(moved > at ? KeyCode.K : KeyCode.J);
    settle(vm);
    assertThat(vm.selectedProperty().get()).as(as + "K / J").isEqualTo(at);
    String dim = vm.dimensionProperty().get();
    robot.type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.dimensionProperty().get()).as(as + "→").isNotEqualTo(dim);
    robot.type(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.dimensionProperty().get()).as(as + "←").isEqualTo(dim);
    assertThat(
            robot
                .lookup("#reviewTabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getText())
        .as(as + "arrows keep the tab")
        .isEqualTo("Adjudication");
    robot.type(KeyCode.DIGIT2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.draft()).as(as + "2").isNotEmpty();
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.getScene().getFocusOwner()).as(as + "N").isInstanceOf(TextField.class);
    robot.write("x");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(vm.noteProperty().get())
        .as(as + "the note has what was typed, not the N")
        .isEqualTo("x");
    robot.interact(() -> vm.noteProperty().set(""));
    assertThat(view.getScene().getFocusOwner()).as(as + "Esc").isNotInstanceOf(TextField.class);
  }

  @Test
  void everyKeyWorksFromEveryFocus(FxRobot robot) throws Exception {
    AdjudicationViewModel vm = context.reviewViewModel().adjudication();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.queue().isEmpty());
    Map<String, Consumer<FxRobot>> states = new LinkedHashMap<>();
    states.put("opening", r -> {});
    states.put(
        "a click on the sample box",
        r -> r.interact(() -> r.lookup("#reviewSampleBox").query().requestFocus()));
    states.put("a click on the tab header", r -> r.clickOn("Adjudication"));
    states.put(
        "switching tabs and back",
        r -> {
          r.clickOn("Validation");
          WaitForAsyncUtils.waitForFxEvents();
          r.clickOn("Adjudication");
        });
    for (var state : states.entrySet()) {
      state.getValue().accept(robot);
      WaitForAsyncUtils.waitForFxEvents();
      everyKeyWorks(robot, vm, state.getKey());
    }
  }
}
