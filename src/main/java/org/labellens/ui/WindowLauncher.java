package org.labellens.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.labellens.core.BadInputException;
import org.labellens.service.DemoService;
import org.labellens.service.Project;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.Snapshots;

/** Opens the window, or renders one view off-screen to a PNG with no display at all. */
public final class WindowLauncher {
  public static final int WIDTH = 1280;
  public static final int HEIGHT = 800;

  private WindowLauncher() {}

  /** What to open (see the {@code gui} command). */
  public record Options(
      Path db,
      boolean dbGiven,
      String annotator,
      Path screenshot,
      String view,
      String theme,
      String sample,
      String tab,
      boolean noClobber) {}

  /** The views a screenshot can show. */
  public static final List<String> VIEWS = List.of("issues", "annotate", "start", "review");

  /** The tabs of the review view. */
  public static final List<String> REVIEW_TABS = List.of("agreement", "validation", "adjudication");

  /**
   * Pulses per second of the toolkit, unless the user sets {@code javafx.animation.pulse}. JavaFX
   * applies changes (CSS, layout) and draws a frame on a timer pulse, 60 times a second by default,
   * so whatever a key press changes waits up to 16.7 ms for the next pulse before it is drawn. At
   * 120 that wait is at most 8.3 ms, which is a fair share of the time from Enter to the next issue
   * on screen. A pulse with nothing to do costs microseconds, and on a 60 Hz screen the extra
   * frames of an animation are simply not shown.
   */
  public static final int PULSES_PER_SECOND = 120;

  /** Sets the pulse rate ({@link #PULSES_PER_SECOND}) before the toolkit starts. */
  public static void usePulseRate() {
    if (System.getProperty("javafx.animation.pulse") == null) {
      System.setProperty("javafx.animation.pulse", Integer.toString(PULSES_PER_SECOND));
    }
  }

  /**
   * The toolkit's own logger: kept (a logger nobody holds may be collected with its level) and set
   * to report errors only. JavaFX warns on every start that its classes came from the class path
   * ("unnamed module") rather than from modules; the launcher runs it that way on purpose (one jar,
   * see docs/decisions), so the warning says nothing the user can act on.
   */
  private static final java.util.logging.Logger JAVAFX_LOG =
      java.util.logging.Logger.getLogger("javafx");

  /** Quiets the toolkit's start-up warning about the class path (see {@link #JAVAFX_LOG}). */
  public static void quietClassPathWarning() {
    JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  /** The package the window's toolkit needs on Debian and Ubuntu (GTK 3). */
  public static final String GTK_PACKAGE = "libgtk-3-0";

  /**
   * Why the window cannot open on this machine, before the toolkit tries (null: it can try): no
   * display to draw on (Linux and other X11 systems without DISPLAY or WAYLAND_DISPLAY).
   */
  static String noDisplay(String os, String display, String wayland) {
    boolean x11 = !os.startsWith("Windows") && !os.startsWith("Mac");
    if (!x11
        || (display != null && !display.isBlank())
        || (wayland != null && !wayland.isBlank())) {
      return null;
    }
    return "no display to open the window on (DISPLAY is not set). Run it in a desktop session,"
        + " over 'ssh -X', or in a virtual display ('xvfb-run -s \"-screen 0 1280x800x24\""
        + " ./labellens gui ...'); or render a view to a PNG without any display:"
        + " 'labellens gui --screenshot out.png' (see labellens gui --help)";
  }

  /**
   * The toolkit's failure at start-up in words the user can act on, or null when it is not one we
   * know: a missing GTK library names the package to install.
   */
  static String startFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("Unable to load glass GTK library") || m.contains("libgtk-3")) {
        return "the window needs the GTK 3 library, which is not installed: on Debian or Ubuntu"
            + " run 'sudo apt-get install "
            + GTK_PACKAGE
            + " fonts-dejavu-core' (see the README); or render a view without it:"
            + " 'labellens gui --screenshot out.png'";
      }
      if (m.contains("Unable to open DISPLAY")) {
        return noDisplay("Linux", null, null);
      }
    }
    return null;
  }

  public static int open(Options o) {
    if (o.screenshot() != null) {
      return screenshot(o);
    }
    String noDisplay =
        noDisplay(
            System.getProperty("os.name", ""),
            System.getenv("DISPLAY"),
            System.getenv("WAYLAND_DISPLAY"));
    if (noDisplay != null) {
      throw new BadInputException(noDisplay);
    }
    usePulseRate();
    quietClassPathWarning();
    List<String> args = new ArrayList<>();
    args.add("--db=" + o.db());
    args.add("--db-given=" + o.dbGiven());
    args.add("--theme=" + o.theme());
    if (o.annotator() != null) {
      args.add("--annotator=" + o.annotator());
    }
    checkViewOptions(o);
    if ("review".equals(o.view())) {
      args.add("--view=review");
      if (o.sample() != null) {
        args.add("--sample=" + o.sample());
      }
      if (o.tab() != null) {
        args.add("--tab=" + o.tab());
      }
    }
    try {
      Application.launch(App.class, args.toArray(String[]::new));
    } catch (RuntimeException | Error e) {
      String known = startFailure(e);
      if (known != null) {
        throw new BadInputException(known);
      }
      throw e;
    }
    return 0;
  }

  /** Opens the project the options name: the given file, or the demo project (built if missing). */
  static Project openProject(Path db, boolean given) {
    return given ? Project.open(db) : DemoService.openOrBuild(db);
  }

  /** The view a screenshot shows; {@code annotate} opens the first sample of the annotator. */
  private static Parent screenshotView(AppContext context, Project project, Options o) {
    switch (o.view()) {
      case "issues":
        return context.issuesView();
      case "start":
        return context.mainView(o.annotator());
      case "review":
        return reviewScreenshot(context, project, o);
      default:
        var samples = project.samples().list();
        for (var report : samples) {
          for (var p : report.annotators()) {
            if (o.annotator() == null || o.annotator().equals(p.annotator())) {
              Parent view = context.annotateView();
              context.annotateViewModel().open(report.sample().name(), p.annotator());
              return view;
            }
          }
        }
        throw new BadInputException(
            "--view annotate: the project has no sample assigned to "
                + (o.annotator() == null ? "any annotator" : "'" + o.annotator() + "'"));
    }
  }

  private static Parent reviewScreenshot(AppContext context, Project project, Options o) {
    if (o.sample() != null) {
      project.samples().info(o.sample());
    } else if (project.samples().list().isEmpty()) {
      throw new BadInputException("--view review: the project has no sample");
    }
    var view = context.reviewView(o.sample());
    view.select(o.tab() == null ? "agreement" : o.tab());
    return view;
  }

  private static void checkViewOptions(Options o) {
    if (!VIEWS.contains(o.view())) {
      throw new BadInputException(
          "--view " + o.view() + ": unknown view (known: " + String.join(", ", VIEWS) + ")");
    }
    if (o.tab() != null && !REVIEW_TABS.contains(o.tab())) {
      throw new BadInputException(
          "--tab " + o.tab() + ": unknown tab (known: " + String.join(", ", REVIEW_TABS) + ")");
    }
    if ((o.tab() != null || o.sample() != null) && !"review".equals(o.view())) {
      throw new BadInputException("--sample and --tab apply to --view review");
    }
  }

  private static int screenshot(Options o) {
    checkViewOptions(o);
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    quietClassPathWarning();
    CompletableFuture<Void> done = new CompletableFuture<>();
    try (Project project = openProject(o.db(), o.dbGiven())) {
      Platform.startup(
          () -> {
            try {
              Theme.apply(o.theme());
              AppContext context =
                  new AppContext(
                      project, BackgroundExecutor.direct(), url -> {}, java.time.Clock.systemUTC());
              Parent root = screenshotView(context, project, o);
              Scene scene = new Scene(root, WIDTH, HEIGHT);
              Theme.style(scene);
              root.applyCss();
              root.layout();
              Snapshots.writePng(scene, o.screenshot(), o.noClobber());
              done.complete(null);
            } catch (Exception | Error e) {
              done.completeExceptionally(e);
            }
          });
      done.get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("rendering failed: " + cause, cause);
    } catch (Exception e) {
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("rendering failed: " + e, e);
    } finally {
      Platform.exit();
    }
    return 0;
  }
}
