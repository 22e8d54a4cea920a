package org.labellens.bench;

import com.sun.javafx.perf.PerformanceTracker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.labellens.core.model.IssueFormat;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;
import org.labellens.service.SampleRequest;
import org.labellens.ui.AppContext;
import org.labellens.ui.Theme;
import org.labellens.ui.WindowLauncher;
import org.labellens.ui.annotate.AnnotateViewModel;
import org.labellens.ui.common.FxBackgroundExecutor;

/**
 * The annotation window's latency on a large project, headless (Monocle): the time from the key
 * press that commits a decision to the next issue fully shown, p50, p95, p99 and max over many
 * decisions; and the time from opening the project to the first issue shown.
 *
 * <p>What "fully shown" means here: the next issue is in the view (title, labels, body with every
 * highlight, evidence, draft) and the first frame that contains it has been rendered — the pulse
 * after the change ran CSS and layout, and the renderer finished painting that frame. The clock
 * starts just before the Enter key event is dispatched to the window (the same dispatch a real key
 * press goes through) and stops in the renderer's "frame rendered" notification for the first frame
 * whose pulse began after the issue was set. A frame is only counted if its pulse ran after the
 * issue changed, so a frame that was being painted when the issue arrived does not stop the clock
 * early.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) org.labellens.bench.AnnotateBench \
 *   [issues=100000] [decisions=500] [think=250] [source=FILE] [keep=DIR]
 * </pre>
 *
 * <p>{@code keep=DIR} builds the project once in DIR (import, classify, sample) and reuses it in
 * later runs; every run works on a fresh copy, so each starts at the same first pending issue.
 */
public final class AnnotateBench {
  private AnnotateBench() {}

  public static void main(String[] args) throws Exception {
    int issues = 100_000;
    int decisions = 500;
    int think = 250;
    Path source = null;
    Path keep = null;
    for (String a : args) {
      String[] kv = a.split("=", 2);
      switch (kv[0]) {
        case "issues" -> issues = Integer.parseInt(kv[1]);
        case "decisions" -> decisions = Integer.parseInt(kv[1]);
        case "source" -> source = Path.of(kv[1]);
        case "keep" -> keep = Path.of(kv[1]);
        case "think" -> think = Integer.parseInt(kv[1]);
        default -> throw new IllegalArgumentException(a);
      }
    }
    Path dir = Files.createTempDirectory("annotate-bench");
    Path pristine =
        keep == null
            ? dir.resolve("pristine.db")
            : keep.resolve("annotate-" + issues + "-" + sampleSize(decisions) + ".db");
    if (!Files.exists(pristine)) {
      if (keep != null) {
        Files.createDirectories(keep);
      }
      build(pristine, issues, decisions, source, dir);
    } else {
      System.out.printf("reusing the project %s%n", pristine);
    }
    Path db = dir.resolve("bench.db");
    Files.copy(pristine, db, StandardCopyOption.REPLACE_EXISTING);

    CountDownLatch started = new CountDownLatch(1);
    WindowLauncher.usePulseRate(); // as the window does
    Platform.startup(started::countDown);
    started.await();
    FxBackgroundExecutor background = new FxBackgroundExecutor(2);
    FrameClock frames = new FrameClock();
    FrameClock.Arm opening = frames.arm();
    long openStart = System.nanoTime();
    Project project = Project.open(db);
    AppContext[] context = new AppContext[1];
    Parent[] view = new Parent[1];
    Platform.runLater(
        () -> {
          Theme.apply("light");
          context[0] = new AppContext(project, background, url -> {}, Clock.systemUTC());
          view[0] = context[0].annotateView();
          Stage stage = new Stage();
          stage.setScene(new Scene(view[0], 1280, 800));
          Theme.style(stage.getScene());
          frames.attach(stage.getScene());
          stage.show();
          // as when a session starts in the window: keys go to the view, not to a text field
          view[0].requestFocus();
          AnnotateViewModel vm = context[0].annotateViewModel();
          frames.listen(opening, vm);
          vm.open("bench", "ana");
        });
    long openEnd = opening.await(60);
    if (openEnd < 0) {
      throw new IllegalStateException(
          "no first issue: " + context[0].annotateViewModel().statusProperty().get());
    }
    double openSeconds = (openEnd - openStart) / 1e9;

    AnnotateViewModel vm = context[0].annotateViewModel();
    double[] millis = new double[decisions];
    double[] cpuMillis = new double[decisions];
    double[] storedMillis = new double[decisions];
    double[] renderMillis = new double[decisions];
    long cpuBefore = processCpuNanos();
    for (int d = 0; d < decisions; d++) {
      final int i = d;
      // the annotator's choices (not timed), then a settled frame before the timed key press
      CountDownLatch chosen = new CountDownLatch(1);
      Platform.runLater(
          () -> {
            press(view[0], digit(i % 8 + 1));
            press(view[0], i % 2 == 0 ? KeyCode.Y : KeyCode.N);
            chosen.countDown();
          });
      chosen.await();
      // reading time: the annotator looks at the issue before committing (real annotators take
      // seconds); the frame of the choices is painted and the background work started when the
      // issue was shown (preparing the next one) has its chance to finish, as it would
      Thread.sleep(think);
      AtomicLong start = new AtomicLong();
      FrameClock.Arm arm = frames.arm();
      Platform.runLater(
          () -> {
            frames.listen(arm, vm);
            start.set(System.nanoTime());
            press(view[0], KeyCode.ENTER);
          });
      long end = arm.await(30);
      if (end < 0) {
        throw new IllegalStateException(
            "no next issue after decision " + i + ": " + vm.statusProperty().get());
      }
      millis[d] = (end - start.get()) / 1e6;
      storedMillis[d] = (arm.changedAt - start.get()) / 1e6;
      renderMillis[d] = (end - arm.changedAt) / 1e6;
      cpuMillis[d] = (arm.cpuAtFrame - arm.cpuAtStart) / 1e6;
    }
    double cpuPerDecision = (processCpuNanos() - cpuBefore) / 1e6 / decisions;
    // every decision must have reached the disk before the figures count
    int stored = 0;
    for (long until = System.nanoTime() + 60_000_000_000L; System.nanoTime() < until; ) {
      stored = project.annotations().queue("bench", "ana").progress().decided();
      if (stored >= decisions) {
        break;
      }
      Thread.sleep(50);
    }
    Arrays.sort(millis);
    Arrays.sort(cpuMillis);
    Arrays.sort(storedMillis);
    Arrays.sort(renderMillis);
    System.out.printf("load average at the end: %s%n", loadAverage());
    System.out.printf("open project to first issue shown: %.2f s%n", openSeconds);
    System.out.printf("reading time before each commit: %d ms%n", think);
    System.out.printf(
        "key press to next issue rendered, %d decisions (%d stored): p50 %.1f ms, p95 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms; process CPU %.1f ms per decision%n",
        millis.length,
        stored,
        pct(millis, 0.50),
        pct(millis, 0.95),
        pct(millis, 0.99),
        millis[millis.length - 1],
        cpuPerDecision);
    System.out.printf(
        "CPU of the FX and render threads from key press to frame: p50 %.1f ms, p95 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms%n",
        pct(cpuMillis, 0.50),
        pct(cpuMillis, 0.95),
        pct(cpuMillis, 0.99),
        cpuMillis[cpuMillis.length - 1]);
    System.out.printf(
        "of which: key press to decision stored and next issue handed to the view: p50 %.1f ms,"
            + " p95 %.1f ms; from there to its frame rendered: p50 %.1f ms, p95 %.1f ms%n",
        pct(storedMillis, 0.50),
        pct(storedMillis, 0.95),
        pct(renderMillis, 0.50),
        pct(renderMillis, 0.95));
    Platform.exit();
    background.close();
    project.close();
    System.exit(stored == decisions ? 0 : 1);
  }

  private static void build(Path db, int issues, int decisions, Path source, Path dir)
      throws Exception {
    Path dump = dir.resolve("issues.json");
    long t = System.nanoTime();
    StudyLikeData.writeRestPages(StudyLikeData.pool(source), issues, 1, dump);
    Path building = db.resolveSibling(db.getFileName() + ".building");
    Files.deleteIfExists(building);
    try (Project p = Project.create(building)) {
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
                  sampleSize(decisions),
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
    Files.move(building, db, StandardCopyOption.ATOMIC_MOVE);
    System.out.printf(
        "project of %,d issues built in %.1f s%n", issues, (System.nanoTime() - t) / 1e9);
  }

  /** The sample: at least 550 items, always 50 more than the decisions timed. */
  private static int sampleSize(int decisions) {
    return Math.max(550, decisions + 50);
  }

  /** Dispatches a key press to the window the way a real key press is: to the focus owner. */
  private static void press(Parent root, KeyCode code) {
    Scene scene = root.getScene();
    Node target = scene.getFocusOwner() == null ? root : scene.getFocusOwner();
    Event.fireEvent(
        target,
        new KeyEvent(KeyEvent.KEY_PRESSED, "", code.getName(), code, false, false, false, false));
  }

  private static KeyCode digit(int n) {
    return KeyCode.valueOf("DIGIT" + n);
  }

  /**
   * Stops a clock when the first frame rendered after a change of the shown issue is painted. The
   * renderer calls back on its own thread once a frame is painted. The frame that counts is the one
   * of the first pulse after the change: the toolkit's post-scene pulse listener runs after that
   * pulse's CSS, layout and synchronisation (which waits for any earlier frame to finish painting)
   * and before its frame is handed to the renderer. Each measurement has its own flags, so nothing
   * carries over from one to the next.
   */
  private static final class FrameClock {
    private volatile Arm current;
    private volatile long fxThread = -1;
    private volatile long renderThread = -1;
    // the toolkit holds pulse listeners weakly: keep this one
    private com.sun.javafx.tk.TKPulseListener afterPulse;

    /** One measurement. */
    static final class Arm {
      final CountDownLatch done = new CountDownLatch(1);
      volatile boolean changed;

      /** When the next issue was handed to the view (the decision was stored by then). */
      volatile long changedAt = -1;

      volatile boolean pulsed;
      volatile long renderedAt = -1;

      /** CPU time of the FX and render threads when armed and when the frame was rendered. */
      volatile long cpuAtStart = -1;

      volatile long cpuAtFrame = -1;

      /** The render time of the frame that showed the change, or -1 after {@code seconds}. */
      long await(int seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS) ? renderedAt : -1;
      }
    }

    void attach(Scene scene) {
      afterPulse =
          () -> {
            Arm a = current;
            if (a != null && a.changed) {
              a.pulsed = true;
            }
          };
      com.sun.javafx.tk.Toolkit.getToolkit().addPostSceneTkPulseListener(afterPulse);
      PerformanceTracker.getSceneTracker(scene)
          .setOnRenderedFrameTask(
              () -> {
                renderThread = Thread.currentThread().getId();
                Arm a = current;
                if (a != null && a.pulsed && a.renderedAt < 0) {
                  a.renderedAt = System.nanoTime();
                  a.cpuAtFrame = criticalCpu();
                  a.done.countDown();
                }
              });
    }

    /** A new measurement (any thread); {@link #listen} must follow on the FX thread. */
    Arm arm() {
      Arm a = new Arm();
      current = a;
      return a;
    }

    /** CPU time so far of the FX thread and the render thread together. */
    long criticalCpu() {
      java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      long fx = fxThread < 0 ? 0 : Math.max(0, mx.getThreadCpuTime(fxThread));
      long render = renderThread < 0 ? 0 : Math.max(0, mx.getThreadCpuTime(renderThread));
      return fx + render;
    }

    /** On the FX thread: the next change of the shown issue marks {@code a} as changed. */
    void listen(Arm a, AnnotateViewModel vm) {
      fxThread = Thread.currentThread().getId();
      a.cpuAtStart = criticalCpu();
      javafx.beans.value.ChangeListener<Object> l =
          new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> obs, Object o, Object n) {
              if (n != null) {
                vm.shownProperty().removeListener(this);
                a.changedAt = System.nanoTime();
                a.changed = true;
              }
            }
          };
      vm.shownProperty().addListener(l);
    }
  }

  private static double pct(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    return String.format(
        "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
