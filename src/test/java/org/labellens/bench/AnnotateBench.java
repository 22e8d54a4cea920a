package org.labellens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.labellens.core.model.IssueFormat;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.service.bench.StudyLikeData;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.annotate.AnnotateViewModel;
import org.labellens.ui.common.FxBackgroundExecutor;

/**
 * The annotation window's latency on a large project, headless (Monocle): the time from committing
 * a decision to the next issue fully shown (its decision committed, the next issue loaded, the body
 * rendered with highlights and laid out), p50 and p95 over many decisions; and the time from
 * opening the project to the first issue shown.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) org.labellens.bench.AnnotateBench \
 *   [issues=100000] [decisions=500] [source=FILE]
 * </pre>
 */
public final class AnnotateBench {
  private AnnotateBench() {}

  public static void main(String[] args) throws Exception {
    int issues = 100_000;
    int decisions = 500;
    Path source = null;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "issues" -> issues = Integer.parseInt(kv[1]);
        case "decisions" -> decisions = Integer.parseInt(kv[1]);
        case "source" -> source = Path.of(kv[1]);
        default -> throw new IllegalArgumentException(a);
      }
    }
    Path dir = Files.createTempDirectory("annotate-bench");
    Path db = dir.resolve("bench.db");
    Path dump = dir.resolve("issues.json");
    long t = System.nanoTime();
    StudyLikeData.writeRestPages(StudyLikeData.pool(source), issues, 1, dump);
    try (Project p = Project.create(db)) {
      p.imports()
          .importFiles(
              List.of(dump),
              new ImportRequest(null, null, IssueFormat.AUTO, null, null),
              Progress.NONE,
              new Cancellation());
      p.classifier().classify("study-v1", "study-v1", Progress.NONE, new Cancellation());
      p.samples()
          .draw(
              new SampleRequest(
                  "bench",
                  decisions + 50,
                  null,
                  null,
                  "study-v1",
                  "all",
                  "framework,predicted",
                  null,
                  null,
                  3L,
                  List.of("ana"),
                  null,
                  false));
    }
    Files.deleteIfExists(dump);
    System.out.printf(
        "project of %,d issues built in %.1f s%n", issues, (System.nanoTime() - t) / 1e9);

    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    FxBackgroundExecutor background = new FxBackgroundExecutor(2);
    long openStart = System.nanoTime();
    Project project = Project.open(db);
    AppContext[] context = new AppContext[1];
    CountDownLatch firstShown = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          Theme.apply("light");
          context[0] = new AppContext(project, background, url -> {}, Clock.systemUTC());
          Parent view = context[0].annotateView();
          Stage stage = new Stage();
          stage.setScene(new Scene(view, 1280, 800));
          Theme.style(stage.getScene());
          stage.show();
          AnnotateViewModel vm = context[0].annotateViewModel();
          vm.shownProperty()
              .addListener(
                  (obs, o, n) -> {
                    if (n != null) {
                      view.applyCss();
                      view.layout();
                      firstShown.countDown();
                    }
                  });
          vm.open("bench", "ana");
        });
    firstShown.await(60, TimeUnit.SECONDS);
    double openSeconds = (System.nanoTime() - openStart) / 1e9;

    AnnotateViewModel vm = context[0].annotateViewModel();
    Parent view = context[0].annotateView();
    List<Double> millis = new ArrayList<>();
    for (int d = 0; d < decisions; d++) {
      final int i = d;
      CountDownLatch shown = new CountDownLatch(1);
      AtomicLong end = new AtomicLong();
      long[] start = new long[1];
      Platform.runLater(
          () -> {
            javafx.beans.value.ChangeListener<Object> l =
                new javafx.beans.value.ChangeListener<>() {
                  @Override
                  public void changed(
                      javafx.beans.value.ObservableValue<?> obs, Object o, Object n) {
                    view.applyCss();
                    view.layout();
                    end.set(System.nanoTime());
                    vm.shownProperty().removeListener(this);
                    shown.countDown();
                  }
                };
            vm.shownProperty().addListener(l);
            vm.toggleCategory(i % 8);
            vm.productionProperty().set(i % 2 == 0 ? "yes" : "no");
            start[0] = System.nanoTime();
            vm.commit();
          });
      if (!shown.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "no next issue after decision " + i + ": " + vm.statusProperty().get());
      }
      millis.add((end.get() - start[0]) / 1e6);
    }
    double[] v = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    System.out.printf("open project to first issue shown: %.2f s%n", openSeconds);
    System.out.printf(
        "commit to next issue shown, %d decisions: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
        v.length, v[v.length / 2], v[(int) Math.ceil(v.length * 0.95) - 1], v[v.length - 1]);
    Platform.exit();
    background.close();
    project.close();
    System.exit(0);
  }
}
