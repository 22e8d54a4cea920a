package org.labellens.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.labellens.cli.BenchCommand;
import org.labellens.cli.CliMain;

/**
 * Runs the command line in-process and captures what it prints. {@code bench …} runs the
 * benchmarks' command line (src/bench/java, not part of the product), whose file-writing commands
 * share the product's output rules.
 */
public final class Cli {
  private Cli() {}

  /** The first argument that selects the benchmarks' command line. */
  static final String BENCH = "bench";

  /** Exit code and output of one run. */
  public record Result(int code, String out, String err) {
    public String errorLine() {
      return err.strip();
    }
  }

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    if (args.length > 0 && args[0].equals(BENCH)) {
      int code =
          BenchCommand.execute(
              Arrays.copyOfRange(args, 1, args.length), new PrintWriter(out), new PrintWriter(err));
      return new Result(code, out.toString(), err.toString());
    }
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
