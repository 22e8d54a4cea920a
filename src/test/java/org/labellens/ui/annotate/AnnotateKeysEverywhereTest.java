package org.labellens.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.annotation.Decision;
import org.labellens.service.Project;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.BackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The annotation window on real issue bodies, keyboard only: every key the help lists, from every
 * place the focus can be (first open, after a click on the queue, the issue, the tab header, after
 * switching tabs and back, after closing and reopening), does what the help says; and a session
 * labels, goes back, skips, writes a note, switches to the source text and pages a long issue.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AnnotateKeysEverywhereTest {
  private static final ViewPreferences PREFERENCES = ViewPreferences.inMemory();
  private static Path dir;
  private static Project project;
  private Stage stage;
  private AppContext context;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    dir = Files.createTempDirectory("annotate-keys");
    project = RealBodiesWindow.create(dir, null);
    Theme.apply("light");
    show();
  }

  private void show() {
    context =
        new AppContext(
            project,
            BackgroundExecutor.direct(),
            url -> {},
            Clock.systemUTC(),
            javafx.application.Platform::runLater,
            PREFERENCES);
    Scene scene = new Scene(context.mainView(null), 1280, 800);
    Theme.style(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterAll
  static void cleanUp() {
    project.close();
  }

  private AnnotateViewModel vm() {
    return context.annotateViewModel();
  }

  private void settle() {
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void shift(FxRobot robot, KeyCode k) {
    robot.press(KeyCode.SHIFT).type(k).release(KeyCode.SHIFT);
    settle();
  }

  /** Opens the longest issue of the queue (the one to page through), by a click in the queue. */
  private void openLongest(FxRobot robot) {
    int longest = 0;
    int best = -1;
    var queue = vm().queue();
    for (int i = 0; i < queue.size(); i++) {
      int n = project.issues().get(queue.get(i).issueId()).orElseThrow().body().length();
      if (n > best) {
        best = n;
        longest = i;
      }
    }
    int target = longest;
    robot.interact(() -> vm().open(target));
    settle();
    assertThat(vm().indexProperty().get()).isEqualTo(target);
  }

  private double scrolled(FxRobot robot) {
    return robot.lookup(".issue-scroll").queryAs(ScrollPane.class).getVvalue();
  }

  private String selectedTab(FxRobot robot) {
    return robot
        .lookup("#mainTabs")
        .queryAs(TabPane.class)
        .getSelectionModel()
        .getSelectedItem()
        .getText();
  }

  /** Each key of the help and its effect, checked from the focus state the window is in. */
  private void everyKeyWorks(FxRobot robot, String state) {
    String as = "after " + state + ": ";
    openLongest(robot);
    String dim =
        AnnotateViewModel.categoryDimension(vm().schemeProperty().get()).orElseThrow().id();
    // 1 … 8: a category
    boolean before = vm().chosen(dim, 0).get();
    robot.type(KeyCode.DIGIT1);
    settle();
    assertThat(vm().chosen(dim, 0).get()).as(as + "1").isNotEqualTo(before);
    // Shift+digit: primary
    shift(robot, KeyCode.DIGIT3);
    assertThat(vm().valueProperty("primary").get()).as(as + "Shift+3").isEqualTo("concurrency");
    shift(robot, KeyCode.DIGIT9);
    assertThat(vm().valueProperty("primary").get()).as(as + "Shift+9").isEqualTo("other");
    // Y / N
    robot.type(KeyCode.Y);
    settle();
    assertThat(vm().valueProperty("production").get()).as(as + "Y").isEqualTo("yes");
    robot.type(KeyCode.N);
    settle();
    assertThat(vm().valueProperty("production").get()).as(as + "N").isEqualTo("no");
    // R, V, O step; U toggles
    String root = vm().valueProperty("root_cause").get();
    robot.type(KeyCode.R);
    settle();
    assertThat(vm().valueProperty("root_cause").get()).as(as + "R").isNotEqualTo(root).isNotNull();
    String sev = vm().valueProperty("severity").get();
    robot.type(KeyCode.V);
    settle();
    assertThat(vm().valueProperty("severity").get()).as(as + "V").isNotEqualTo(sev).isNotNull();
    String stepped = vm().valueProperty("severity").get();
    shift(robot, KeyCode.V);
    assertThat(vm().valueProperty("severity").get()).as(as + "Shift+V").isNotEqualTo(stepped);
    String reason = vm().reasonProperty().get();
    robot.type(KeyCode.O);
    settle();
    assertThat(vm().reasonProperty().get()).as(as + "O").isNotEqualTo(reason).isNotNull();
    boolean unsure = vm().unsureProperty().get();
    robot.type(KeyCode.U);
    settle();
    assertThat(vm().unsureProperty().get()).as(as + "U").isNotEqualTo(unsure);
    // paging: Page Down, arrows scroll the issue and never switch the tab
    robot.interact(() -> robot.lookup(".issue-scroll").queryAs(ScrollPane.class).setVvalue(0));
    robot.type(KeyCode.PAGE_DOWN);
    settle();
    double paged = scrolled(robot);
    assertThat(paged).as(as + "Page Down").isPositive();
    robot.type(KeyCode.DOWN);
    settle();
    assertThat(scrolled(robot)).as(as + "Down").isGreaterThan(paged);
    robot.type(KeyCode.PAGE_UP);
    robot.type(KeyCode.UP);
    settle();
    assertThat(scrolled(robot)).as(as + "Page Up, Up").isLessThan(paged);
    robot.type(KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.RIGHT, KeyCode.LEFT);
    settle();
    assertThat(selectedTab(robot)).as(as + "arrows").isEqualTo("Annotate");
    // T: source text and back
    boolean source = vm().sourceViewProperty().get();
    robot.type(KeyCode.T);
    settle();
    assertThat(vm().sourceViewProperty().get()).as(as + "T").isNotEqualTo(source);
    robot.type(KeyCode.T);
    settle();
    // F1 shows the help, Esc closes it; keys do nothing behind it
    robot.type(KeyCode.F1);
    settle();
    assertThat(robot.lookup(".help-overlay").query().isVisible()).as(as + "F1").isTrue();
    robot.type(KeyCode.U);
    robot.type(KeyCode.ESCAPE);
    settle();
    assertThat(robot.lookup(".help-overlay").query().isVisible()).as(as + "Esc").isFalse();
    assertThat(vm().unsureProperty().get()).as(as + "U behind the help").isEqualTo(!unsure);
    // M: the note takes the typing, without the M; Esc gives the keys back
    robot.type(KeyCode.M);
    robot.write("see log");
    settle();
    assertThat(vm().noteProperty().get()).as(as + "M").endsWith("see log").doesNotContain("msee");
    robot.type(KeyCode.ESCAPE);
    settle();
    assertThat(stage.getScene().getFocusOwner())
        .as(as + "Esc leaves the note")
        .isNotInstanceOf(TextField.class);
    robot.type(KeyCode.DIGIT2);
    settle();
    assertThat(vm().noteProperty().get()).as(as + "2 after Esc").endsWith("see log");
    // Enter commits and moves on; Backspace goes back to it; S skips it to the end
    int at = vm().indexProperty().get();
    var issue = vm().queue().get(at).issue();
    String typed = vm().noteProperty().get();
    robot.type(KeyCode.ENTER);
    settle();
    List<Decision> stored = project.annotations().decisions(RealBodiesWindow.SAMPLE, "ana", issue);
    assertThat(stored).as(as + "Enter stores").isNotEmpty();
    assertThat(stored)
        .anyMatch(d -> d.dimension().equals("production") && d.value().label().equals("no"));
    assertThat(stored)
        .as(as + "the note stored exactly as typed")
        .anyMatch(d -> typed.strip().equals(d.note()));
    int next = vm().indexProperty().get();
    assertThat(next).as(as + "Enter moves on").isNotEqualTo(at);
    robot.type(KeyCode.BACK_SPACE);
    settle();
    if (next > 0) {
      assertThat(vm().indexProperty().get()).as(as + "Backspace").isEqualTo(next - 1);
    }
    robot.interact(() -> vm().open(at));
    settle();
    robot.type(KeyCode.S);
    settle();
    var queue = project.annotations().queue(RealBodiesWindow.SAMPLE, "ana").items();
    assertThat(queue.get(queue.size() - 1).issue()).as(as + "S").isEqualTo(issue);
  }

  @Test
  void everyKeyOfTheHelpWorksFromEveryFocus(FxRobot robot) {
    Map<String, Consumer<FxRobot>> states = new LinkedHashMap<>();
    states.put(
        "first open", r -> RealBodiesWindow.chooseSession(r, "ana", RealBodiesWindow.SAMPLE));
    states.put("a click on the queue", r -> r.clickOn("#queueList"));
    states.put("a click on the issue", r -> r.clickOn(".issue-scroll"));
    states.put("a click on the tab header", r -> r.clickOn("Annotate"));
    states.put(
        "switching tabs and back",
        r -> {
          r.clickOn("Issues");
          settle();
          r.clickOn("Annotate");
        });
    states.put(
        "closing and reopening",
        r -> {
          r.interact(this::show);
          RealBodiesWindow.chooseSession(r, "ana", RealBodiesWindow.SAMPLE);
        });
    states.put("a click on a decision button", r -> r.clickOn("#production-yes"));
    List<String> checked = new ArrayList<>();
    for (var state : states.entrySet()) {
      state.getValue().accept(robot);
      settle();
      everyKeyWorks(robot, state.getKey());
      checked.add(state.getKey());
    }
    assertThat(checked).hasSize(states.size());
  }

  /** The text nodes shown under {@code n} (the renderer's runs are Text subclasses). */
  private static List<Node> texts(Node n) {
    List<Node> out = new ArrayList<>();
    if (!n.isVisible()) {
      return out;
    }
    if (n instanceof javafx.scene.text.Text) {
      out.add(n);
    } else if (n instanceof javafx.scene.Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        out.addAll(texts(c));
      }
    }
    return out;
  }

  @Test
  void theSourceTextIsTheBodyExactlyAndTheChoiceIsKeptForTheAnnotator(FxRobot robot) {
    RealBodiesWindow.chooseSession(robot, "ana", RealBodiesWindow.SAMPLE);
    openLongest(robot);
    robot.type(KeyCode.T);
    settle();
    PreparedIssue shown = vm().presentedProperty().get().issue();
    String body = shown.display().issue().body();
    StringBuilder text = new StringBuilder();
    Supplier<List<Node>> blocks =
        () -> robot.lookup("#issueTitle").query().getParent().lookupAll("Text").stream().toList();
    for (Node n : blocks.get()) {
      if (n instanceof javafx.scene.text.Text t && org.labellens.ui.common.WindowKeys.shown(t)) {
        text.append(t.getText());
      }
    }
    for (Node n : texts(robot.lookup("#issueTitle").query().getParent())) {
      text.append(((javafx.scene.text.Text) n).getText());
    }
    assertThat(text.toString().replace("\n", ""))
        .contains(body.substring(0, 200).replace("\n", ""));
    // closed and reopened, the window shows the source text again for this annotator
    robot.interact(this::show);
    RealBodiesWindow.chooseSession(robot, "ana", RealBodiesWindow.SAMPLE);
    assertThat(vm().sourceViewProperty().get()).isTrue();
    robot.type(KeyCode.T);
    settle();
    assertThat(vm().sourceViewProperty().get()).isFalse();
  }
}
