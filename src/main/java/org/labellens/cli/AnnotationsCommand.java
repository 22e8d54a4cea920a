package org.labellens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.io.JsonOutput;
import org.labellens.service.ExchangeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotations export|import}: annotation exchange files (see annotations/README.md). */
@Command(
    name = "annotations",
    mixinStandardHelpOptions = true,
    description =
        "Exchange files of annotation decisions (annotations/<annotator>.jsonl, one decision per"
            + " line).",
    subcommands = {AnnotationsCommand.Export.class, AnnotationsCommand.Import.class})
final class AnnotationsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code annotations export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Writes an annotator's decisions to an exchange file (via a temporary file moved into"
            + " place).",
        "By default the whole history (every decision ever recorded); --current-only writes the"
            + " current decision per item, dimension and phase."
      })
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;

    @Option(names = "--annotator", required = true, paramLabel = "A", description = "Annotator.")
    String annotator;

    @Option(names = "--sample", paramLabel = "S", description = "Only this sample.")
    String sample;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The file to write, e.g. annotations/alice.jsonl.")
    Path out;

    @Mixin NoClobberOption output;

    @Option(names = "--current-only", description = "Only the current decisions, no history.")
    boolean currentOnly;

    @Mixin JsonFormatOption format;

    @Override
    public Integer call() {
      boolean json = format.json();
      ExchangeService.ExportSummary s =
          project.with(
              p -> p.exchange().export(annotator, sample, out, currentOnly, output.noClobber()));
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.file().toString());
        m.put("annotator", s.annotator());
        m.put("sample", s.sample());
        m.put("decisions", s.decisions());
        m.put("current_only", currentOnly);
        w.println(JsonOutput.pretty(m));
      } else {
        w.printf(
            "wrote %s of %s%s to %s%n",
            Counts.of(s.decisions(), "decision"),
            s.annotator(),
            s.sample() == null ? "" : " in " + s.sample(),
            s.file());
      }
      return 0;
    }
  }

  /** {@code annotations import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Imports exchange files: all files in one transaction, all or nothing; idempotent; the"
            + " history is kept and the latest decision per (sample, item, annotator, dimension,"
            + " phase) is current, whatever order the files come in."
      })
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Exchange files.")
    List<Path> files;

    @Mixin JsonFormatOption format;

    @Override
    public Integer call() {
      boolean json = format.json();
      ExchangeService.ImportSummary s = project.with(p -> p.exchange().importFiles(files));
      PrintWriter w = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", s.files());
        m.put("decisions", s.lines());
        m.put("added", s.added());
        m.put("already_present", s.repeated());
        m.put("now_current", s.current());
        m.put("by_annotator", s.byAnnotator());
        w.println(JsonOutput.pretty(m));
      } else {
        w.printf(
            "%s from %s: %d added (%d now current), %d already present%n",
            Counts.of(s.lines(), "decision"),
            Counts.of(s.files(), "file"),
            s.added(),
            s.current(),
            s.repeated());
        s.byAnnotator().forEach((a, n) -> w.printf("  %-16s %6d%n", a, n));
      }
      return 0;
    }
  }
}
