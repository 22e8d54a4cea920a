package org.labellens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.labellens.core.BadInputException;
import org.labellens.core.Notices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code labellens} command line. Output for people by default, {@code --format json} for
 * machines; errors are one {@code error:} line on stderr with exit 1 (bad input or state, nothing
 * changed) or 2 (bad usage).
 */
@Command(
    name = "labellens",
    mixinStandardHelpOptions = true,
    versionProvider = CliMain.Version.class,
    description = {
      "Validate keyword-classified GitHub issues with human annotators.",
      "With no command, opens the window."
    },
    footer = {
      "",
      "The project: every command works on one project file, given with --db PATH; without it,"
          + " the file named by the environment variable LABELLENS_DB, else"
          + " annotations/labellens.db.",
      "Run 'labellens COMMAND --help' for a command's options."
    },
    // the subcommands are added in commandLine(): see SUBCOMMANDS
    subcommands = {})
public final class CliMain implements Runnable {
  /**
   * The commands, in the order {@code --help} lists them. Building picocli's model of a command
   * reflects over all its options, so a run builds only the command it runs (see {@link
   * #commandLine(PrintWriter, PrintWriter, WindowOpener, String)}).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          InitCommand.class,
          ImportCommand.class,
          FetchCommand.class,
          IssuesCommand.class,
          SampleCommand.class,
          SamplesCommand.class,
          SimulateCommand.class,
          AnnotationsCommand.class,
          AgreementCommand.class,
          ValidateCommand.class,
          AdjudicateCommand.class,
          ExportCommand.class,
          ReportCommand.class,
          ClassifyCommand.class,
          RunsCommand.class,
          DemoCommand.class,
          DoctorCommand.class,
          GuiCommand.class);

  /** What each command does, in the user's terms, for the top-level help. */
  static final java.util.Map<String, String> SUMMARIES =
      java.util.Map.ofEntries(
          java.util.Map.entry("init", "Creates a new, empty project file."),
          java.util.Map.entry(
              "import",
              "Adds issues from files (GitHub API JSON, gh output, JSONL or CSV), or an outside"
                  + " classifier's labels."),
          java.util.Map.entry(
              "fetch", "Downloads the issues of GitHub repositories into the project."),
          java.util.Map.entry(
              "issues", "Lists and filters the issues, with their predicted labels and evidence."),
          java.util.Map.entry(
              "sample",
              "Draws a reproducible random sample of issues (stratified) and shares it out among"
                  + " annotators."),
          java.util.Map.entry(
              "samples", "Lists the samples drawn, their strata and each annotator's progress."),
          java.util.Map.entry(
              "simulate",
              "Plays an annotator of known accuracy, to try the workflow or check the figures."),
          java.util.Map.entry(
              "annotations",
              "Exports or imports annotators' decisions as files (one JSONL file per annotator)."),
          java.util.Map.entry(
              "agreement",
              "Measures how far raters agree (kappa, alpha and more) in a ratings file."),
          java.util.Map.entry(
              "validate",
              "Measures the classifier against the annotators' gold labels (precision, recall,"
                  + " F1) and estimates each category's true share."),
          java.util.Map.entry(
              "adjudicate",
              "Lists the items annotators disagree on and sets their final (gold) label."),
          java.util.Map.entry(
              "export", "Writes a sample's labels (classifier, gold, each annotator's) to a file."),
          java.util.Map.entry(
              "report",
              "Writes the full report of a sample as Markdown, HTML or LaTeX, for a paper."),
          java.util.Map.entry(
              "classify",
              "Labels every issue with the keyword classifier and keeps the result as a run."),
          java.util.Map.entry("runs", "Lists or deletes classifier runs."),
          java.util.Map.entry(
              "demo", "Builds a demo project of synthetic issues to try things on."),
          java.util.Map.entry(
              "doctor", "Checks a project file for damage and for leftovers of interrupted work."),
          java.util.Map.entry(
              "gui", "Opens the window, or renders a view to a PNG with --screenshot."),
          java.util.Map.entry("help", "Shows the help of a command."));

  /** The widest help line, in columns. */
  static final int HELP_WIDTH = 100;

  @Spec CommandSpec spec;

  /**
   * Read before parsing ({@link #rawRequested}); declared so that every command accepts it and
   * lists it in its help.
   */
  @Option(
      names = RAW,
      scope = ScopeType.INHERIT,
      description =
          "Print stored text byte for byte. By default characters a terminal would obey (escape"
              + " sequences, control and bidirectional characters) in titles, labels and other"
              + " stored text are printed as visible \\uXXXX escapes.")
  boolean raw;

  static final String RAW = "--raw";

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(
      String[] args, PrintWriter rawOut, PrintWriter rawErr, WindowOpener window) {
    boolean raw = rawRequested(args);
    // every byte printed passes here: text from issues is shown, never obeyed (docs/robustness.md)
    ShownTextWriter.Shown shownOut = raw ? null : ShownTextWriter.wrap(rawOut, false);
    ShownTextWriter.Shown shownErr = raw ? null : ShownTextWriter.wrap(rawErr, true);
    PrintWriter out = raw ? rawOut : shownOut;
    PrintWriter err = raw ? rawErr : shownErr;
    CommandLine cl = commandLine(out, err, window, args.length == 0 ? null : args[0]);
    cl.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            raw ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
    int code;
    try (Notices.Handle notices = Notices.to(line -> err.println(oneLine(line)))) {
      code = cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // picocli hands only Exceptions to the handler below; the JVM's own failures come here. The
      // work they interrupted is gone with its stack, and its transaction was rolled back.
      err.println("error: " + describe(e));
      code = 1;
    }
    if (shownOut != null) {
      shownOut.finish();
    }
    if (shownOut != null ? shownOut.failed() : out.checkError()) {
      // a PrintWriter never throws: a full disk or a closed pipe only shows here
      err.println(
          "error: the output could not be written completely (the disk may be full, or the"
              + " program reading it stopped); the project was not changed by writing it");
      code = 1;
    }
    if (shownErr != null) {
      shownErr.finish();
    }
    err.flush();
    return code;
  }

  /**
   * Whether the arguments ask for {@value #RAW} (before a {@code --} that ends the options): known
   * before parsing, since the writers are chosen before picocli prints anything.
   */
  static boolean rawRequested(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals(RAW)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(VirtualMachineError e) {
    if (e instanceof OutOfMemoryError) {
      long max = Runtime.getRuntime().maxMemory();
      return "out of memory (Java may use "
          + (max >> 20)
          + " MB here); nothing was saved by the interrupted work. Give Java more, e.g."
          + " LABELLENS_JAVA_OPTS=-Xmx"
          + suggestedHeapGb(max)
          + "g ./labellens … or java -Xmx"
          + suggestedHeapGb(max)
          + "g -jar labellens.jar …";
    }
    return "the work nested too deeply for the stack (" + e.getClass().getSimpleName() + ")";
  }

  /**
   * The heap to suggest after running out of {@code maxHeapBytes}: twice that, rounded up to a
   * whole gigabyte, so the advice is always more than what was just used up.
   */
  static long suggestedHeapGb(long maxHeapBytes) {
    long gb = 1L << 30;
    long twice = maxHeapBytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * maxHeapBytes;
    return Math.max(1, twice / gb + (twice % gb == 0 ? 0 : 1));
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, WindowOpener window) {
    return commandLine(out, err, window, null);
  }

  /**
   * The command line for arguments starting with {@code first}: when that names a command, only
   * that command is added (the others would be built and never used); otherwise ({@code --help},
   * {@code help}, a misspelt command, nothing) all of them, so that help and suggestions list them.
   */
  static CommandLine commandLine(
      PrintWriter out, PrintWriter err, WindowOpener window, String first) {
    Factory factory = new Factory(window);
    CommandLine cl = new CommandLine(new CliMain(), factory);
    boolean known = first != null && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
    for (Class<?> command : SUBCOMMANDS) {
      if (!known || nameOf(command).equals(first)) {
        cl.addSubcommand(nameOf(command), new CommandLine(command, factory));
      }
    }
    cl.addSubcommand("help", new CommandLine(CommandLine.HelpCommand.class, factory));
    cl.setUsageHelpWidth(HELP_WIDTH);
    cl.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CliMain::commandList);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine failed = ex.getCommandLine();
          // picocli starts some of its messages (option groups) with an "Error: " of its own
          err.println(
              "error: "
                  + oneLine(ex.getMessage()).replaceFirst("^Error: ", "")
                  + suggestion(ex)
                  + " (see: "
                  + failed.getCommandSpec().qualifiedName()
                  + " --help)");
          err.flush();
          return 2;
        });
    cl.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          if (ex instanceof BadInputException) {
            err.println("error: " + oneLine(ex.getMessage()));
          } else if (ex instanceof CancellationException) {
            err.println("error: cancelled; nothing was changed");
          } else {
            err.println(
                "error: "
                    + oneLine(String.valueOf(ex.getMessage()))
                    + " ("
                    + ex.getClass().getSimpleName()
                    + ")");
            if (System.getenv("LABELLENS_DEBUG") != null) {
              ex.printStackTrace(err);
            }
          }
          err.flush();
          return 1;
        });
    return cl;
  }

  /**
   * For an unknown option or command, the nearest valid one of the command that refused it (fewest
   * edits), as {@code "; did you mean --bootstrap?"}; nothing when none is close.
   */
  static String suggestion(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String given = unmatched.getUnmatched().get(0);
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    List<String> candidates = new java.util.ArrayList<>();
    if (given.startsWith("-")) {
      given = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
      spec.options().stream()
          .filter(o -> !o.hidden())
          .forEach(o -> candidates.addAll(List.of(o.names())));
    } else {
      candidates.addAll(spec.subcommands().keySet());
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(given, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // a guess further than a third of the word away is noise, not a suggestion
    if (best == null || bestDistance > Math.max(2, given.length() / 3)) {
      return "";
    }
    return "; did you mean " + best + "?";
  }

  /** Levenshtein distance: insertions, deletions and substitutions to turn a into b. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** The top-level list of commands: each with what it does for the user, wrapped to fit. */
  private static String commandList(CommandLine.Help help) {
    int nameWidth =
        2 + help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder b = new StringBuilder();
    for (var e : help.subcommands().entrySet()) {
      if (e.getValue().commandSpec().usageMessage().hidden()) {
        continue;
      }
      String summary = SUMMARIES.get(e.getKey());
      if (summary == null) {
        String[] d = e.getValue().commandSpec().usageMessage().description();
        summary = d.length == 0 ? "" : d[0];
      }
      String indent = " ".repeat(2 + nameWidth);
      StringBuilder line = new StringBuilder("  " + e.getKey());
      line.append(" ".repeat(indent.length() - line.length()));
      int start = 0; // where the current output line starts
      for (String word : summary.split(" ")) {
        int column = line.length() - start;
        if (column > indent.length() && column + 1 + word.length() > HELP_WIDTH) {
          line.append('\n');
          start = line.length();
          line.append(indent);
        } else if (column > indent.length()) {
          line.append(' ');
        }
        line.append(word);
      }
      b.append(line).append('\n');
    }
    return b.toString();
  }

  static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace("\r", " ").replace("\n", " ").strip();
  }

  /** Creates command objects, handing the window opener to the commands that need it. */
  private static final class Factory implements CommandLine.IFactory {
    private final WindowOpener window;

    Factory(WindowOpener window) {
      this.window = window;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == GuiCommand.class) {
        return cls.cast(new GuiCommand(window));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CliMain.class.getPackage().getImplementationVersion();
      return new String[] {"LabelLens " + (v == null ? "(development build)" : v)};
    }
  }
}
