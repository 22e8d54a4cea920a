package org.labellens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.JsonOutput;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.ImportResult;
import org.labellens.service.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: reads issue dumps (and outside predictions) into the project, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports GitHub issues: REST API JSON (arrays, concatenated pages), gh issue list --json,"
          + " JSONL or CSV; optionally an outside classifier's labels.",
      "All files are imported in one transaction: on any error nothing is written."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Issue files (or a predictions CSV repo,number,label).")
  List<Path> files;

  @Option(
      names = "--repo",
      paramLabel = "OWNER/NAME",
      description = "Repository of every issue (else taken from each issue).")
  String repo;

  @Option(
      names = "--framework",
      paramLabel = "NAME",
      description =
          "Framework of every issue (else vLLM, llama.cpp, SGLang or the repository name).")
  String framework;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description = "auto, github, gh, jsonl or csv (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(
      names = "--label-field",
      paramLabel = "NAME",
      description = "Field holding an outside classifier's labels (string or list).")
  String labelField;

  @Option(
      names = "--run",
      paramLabel = "NAME",
      description = "Name of the classifier run the outside labels form.")
  String run;

  @Mixin JsonFormatOption format;

  @Override
  public Integer call() {
    boolean asJson = format.json();
    IssueFormat inputFormat;
    try {
      inputFormat = IssueFormat.parse(from);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--from: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    ImportResult result;
    try (Project p = Project.open(project.db());
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr())) {
      result =
          p.imports()
              .importFiles(
                  files,
                  new ImportRequest(repo, framework, inputFormat, labelField, run),
                  progress,
                  new Cancellation());
    }
    StoredIssueCounts counts = StoredIssueCounts.of(result);
    if (asJson) {
      Map<String, Object> json = counts.json();
      json.put("formats", result.formats());
      if (result.run() != null) {
        json.put("run", result.run());
        json.put("predicted_issues", result.predictedIssues());
      }
      out.println(JsonOutput.pretty(json));
    } else {
      counts.print(out);
      if (result.run() != null) {
        out.printf(
            "outside labels for %s stored as run '%s'%n",
            Counts.of(result.predictedIssues(), "issue"), result.run());
      }
    }
    return 0;
  }
}
