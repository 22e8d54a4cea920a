package org.labellens.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.validation.Adjudication;
import org.labellens.service.Project;
import org.labellens.testing.Cli;
import org.labellens.testing.LeadProjects;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.common.FxBackgroundExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lead adjudicates three disagreements in the review window with the keyboard only (real
 * background threads, headless), and the export written afterwards by the command line carries the
 * lead's gold values, marked adjudicated, with the notes.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReviewAdjudicationTest {
  private static Path dir;
  private static Project project;
  private static FxBackgroundExecutor background;
  private AppContext context;

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("review-adjudication");
    project = LeadProjects.create(dir, 20, 80, "0.5", false);
    background = new FxBackgroundExecutor(2);
    Theme.apply("light");
    context = new AppContext(project, background, url -> {}, Clock.systemUTC());
    context.reviewViewModel().replicatesProperty().set(50);
    ReviewView view = context.reviewView(LeadProjects.SAMPLE);
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

  private record Expected(
      AdjudicationCase item, String dimension, List<String> value, String note) {}

  @Test
  void threeDisagreementsAdjudicatedWithTheKeyboardReachTheExport(FxRobot robot) throws Exception {
    AdjudicationViewModel vm = context.reviewViewModel().adjudication();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.queue().isEmpty());
    settle(vm);
    AnnotationScheme scheme = project.annotations().scheme(LeadProjects.SAMPLE);
    List<Expected> expected = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      // down the queue to an item with an open disagreement, then across to that dimension
      while (openDisagreement(vm.currentProperty().get()) == null) {
        int before = vm.selectedProperty().get();
        robot.type(KeyCode.DOWN);
        settle(vm);
        assertThat(vm.selectedProperty().get()).as("queue moves down").isGreaterThan(before);
      }
      AdjudicationCase item = vm.currentProperty().get();
      String dim = openDisagreement(item);
      for (int i = 0; i < 10 && !dim.equals(vm.dimensionProperty().get()); i++) {
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
      }
      assertThat(vm.dimensionProperty().get()).isEqualTo(dim);
      SchemeDimension d = scheme.require(dim);
      List<String> value = new ArrayList<>();
      if (d.kind().isSet()) {
        robot.type(KeyCode.DIGIT0);
        // a different set each round: labels 1+3, 2, and none
        if (round == 0) {
          robot.type(KeyCode.DIGIT1, KeyCode.DIGIT3);
          value.addAll(List.of(d.labels().get(0), d.labels().get(2)));
        } else if (round == 1) {
          robot.type(KeyCode.DIGIT2);
          value.add(d.labels().get(1));
        }
      } else {
        robot.type(KeyCode.DIGIT2);
        value.add(d.labels().get(1));
      }
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(vm.draft()).containsExactlyElementsOf(value);
      String note = "lead note " + (round + 1) + ": read the logs";
      robot.type(KeyCode.N);
      robot.write(note);
      robot.type(KeyCode.ENTER);
      WaitForAsyncUtils.waitFor(
          30, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("saved"));
      settle(vm);
      expected.add(new Expected(item, dim, value, note));
    }

    // stored: the latest adjudication of each, with its note and the lead's name
    for (Expected e : expected) {
      AdjudicationCase now = project.adjudication().item(LeadProjects.SAMPLE, e.item().issue());
      Adjudication a =
          now.dimensions().stream()
              .filter(s -> s.dimension().equals(e.dimension()))
              .findFirst()
              .orElseThrow()
              .adjudication();
      assertThat(a).isNotNull();
      assertThat(a.value().labels()).containsExactlyElementsOf(e.value());
      assertThat(a.note()).isEqualTo(e.note());
      assertThat(a.adjudicator()).isEqualTo(AdjudicationViewModel.DEFAULT_LEAD);
    }

    // the export (through the command line) carries them as adjudicated gold, with the notes
    Path out = dir.resolve("labels.jsonl");
    Cli.Result r =
        Cli.run(
            "export",
            "--sample",
            LeadProjects.SAMPLE,
            "--format",
            "jsonl",
            "--out",
            out.toString(),
            "--db",
            project.file().toString());
    assertThat(r.code()).as(r.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      rows.add(json.readTree(line));
    }
    for (Expected e : expected) {
      JsonNode row =
          rows.stream()
              .filter(
                  n ->
                      n.get("repo").asText().equals(e.item().issue().repo())
                          && n.get("number").asInt() == e.item().issue().number())
              .findFirst()
              .orElseThrow();
      JsonNode gold = row.get("gold").get(e.dimension());
      assertThat(gold.get("source").asText()).isEqualTo("adjudicated");
      List<String> exported = new ArrayList<>();
      if (gold.get("value").isArray()) {
        gold.get("value").forEach(v -> exported.add(v.asText()));
      } else {
        exported.add(gold.get("value").asText());
      }
      assertThat(exported).containsExactlyElementsOf(e.value());
      List<String> notes = new ArrayList<>();
      row.get("adjudications").forEach(a -> notes.add(a.get("note").asText()));
      assertThat(notes).contains(e.note());
    }
  }

  private static String openDisagreement(AdjudicationCase c) {
    if (c == null) {
      return null;
    }
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      if (d.disagreement() && d.adjudication() == null) {
        return d.dimension();
      }
    }
    return null;
  }
}
