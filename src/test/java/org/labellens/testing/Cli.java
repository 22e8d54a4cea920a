package org.labellens.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.labellens.cli.CliMain;

/** Runs the command line in-process and captures what it prints. */
public final class Cli {
  private Cli() {}

  /** Exit code and output of one run. */
  public record Result(int code, String out, String err) {
    public String errorLine() {
      return err.strip();
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CliMain.execute(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            r -> {
              throw new IllegalStateException("no window in tests");
            });
    return new Result(code, out.toString(), err.toString());
  }
}
