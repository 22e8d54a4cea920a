package org.labellens.cli;

import java.nio.file.Path;

/**
 * Opens the window. The CLI does not know the UI; the launcher passes an implementation in.
 *
 * @see org.labellens.Launcher
 */
public interface WindowOpener {
  /** What to open and, for screenshots, what to render. */
  record Request(
      Path db,
      boolean dbGiven,
      String annotator,
      Path screenshot,
      String view,
      String theme,
      String sample,
      String tab,
      boolean noClobber) {}

  /** Opens the window (or renders a screenshot) and returns the exit code. */
  int open(Request request);
}
