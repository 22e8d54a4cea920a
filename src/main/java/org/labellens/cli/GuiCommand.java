package org.labellens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gui}: opens the window, or renders one view to a PNG without a display. */
@Command(
    name = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the window. With no --db, opens (and if needed builds) the demo project"
          + " annotations/demo.db.",
      "With --view review, opens the lead's review (agreement dashboard, validation tables,"
          + " adjudication queue) on --sample S, showing --tab T.",
      "With --screenshot, renders a view off-screen to a PNG and exits (no display needed)."
    })
final class GuiCommand implements Callable<Integer> {
  private final WindowOpener window;

  @Spec CommandSpec spec;

  @Mixin NoClobberOption output;

  @Option(names = "--db", paramLabel = "PATH", description = "Project to open.")
  Path db;

  @Option(names = "--annotator", paramLabel = "NAME", description = "Annotator name to preselect.")
  String annotator;

  @Option(
      names = "--screenshot",
      paramLabel = "FILE.png",
      description = "Render a view to this PNG and exit.")
  Path screenshot;

  @Option(
      names = "--view",
      paramLabel = "VIEW",
      defaultValue = "issues",
      description =
          "View to open or render: issues, annotate, start or review (default:"
              + " ${DEFAULT-VALUE}; without --screenshot only review changes what opens).")
  String view;

  @Option(
      names = "--sample",
      paramLabel = "S",
      description = "With --view review: the sample to review (default: the first sample).")
  String sample;

  @Option(
      names = "--tab",
      paramLabel = "TAB",
      description = "With --view review: agreement, validation or adjudication.")
  String tab;

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      defaultValue = "light",
      description = "light or dark.")
  String theme;

  GuiCommand(WindowOpener window) {
    this.window = window;
  }

  @Override
  public Integer call() {
    if (window == null) {
      throw new IllegalStateException("no window available in this build");
    }
    return window.open(
        new WindowOpener.Request(
            db == null ? Path.of("annotations", "demo.db") : db,
            db != null,
            annotator,
            screenshot,
            view,
            theme,
            sample,
            tab,
            output.noClobber()));
  }
}
