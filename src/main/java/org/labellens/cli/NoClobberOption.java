package org.labellens.cli;

import picocli.CommandLine.Option;

/** {@code --no-clobber}, taken by every command that writes an output file. */
public final class NoClobberOption {
  @Option(
      names = "--no-clobber",
      description =
          "Refuse to overwrite an existing file (by default an existing file that is not a"
              + " project is replaced, keeping its permissions).")
  boolean noClobber;

  public boolean noClobber() {
    return noClobber;
  }
}
