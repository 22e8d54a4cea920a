package org.labellens;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.labellens.cli.CliMain;
import org.labellens.cli.WindowOpener;
import org.labellens.ui.WindowLauncher;

/**
 * The program's entry point: with no arguments it opens the window, with a command it runs
 * headless. It is not a JavaFX {@code Application} (on the class path that would fail to start),
 * and it is the one place that knows both the CLI and the UI.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    WindowOpener window =
        r ->
            WindowLauncher.open(
                new WindowLauncher.Options(
                    r.db(),
                    r.dbGiven(),
                    r.annotator(),
                    r.screenshot(),
                    r.view(),
                    r.theme(),
                    r.sample(),
                    r.tab(),
                    r.noClobber()));
    int code = CliMain.execute(effective, out, err, window);
    System.exit(code);
  }
}
