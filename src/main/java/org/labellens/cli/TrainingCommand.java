package org.labellens.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.labellens.core.BadInputException;
import org.labellens.service.bench.StudyLikeData;
import org.labellens.service.demo.DemoIssues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code training-run DIR} (hidden): runs the everyday commands once, in this JVM, on small
 * generated projects in DIR, exactly as a user would type them. The build runs it through the
 * launcher with {@code LABELLENS_WRITE_ARCHIVE=1}, so that the JVM records at its exit the classes
 * these commands load (the class-data archive that later starts make use of). Every command must
 * succeed: a failure fails the build rather than leaving a half-trained archive.
 */
@Command(
    name = "training-run",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Runs init, import, classify, sample, simulate, issues, agreement, validate, export and report"
          + " once on small generated projects in DIR (the build records the class-data archive"
          + " from this run)."
    })
final class TrainingCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "An empty or new folder for the projects.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(dir);
    Path imported = dir.resolve("imported.db");
    Path demo = dir.resolve("demo.db");
    for (Path p : List.of(imported, demo)) {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + suffix));
      }
    }
    Path rest = dir.resolve("issues.json");
    StudyLikeData.writeRestPages(DemoIssues.generate(60, 3), 400, 1, rest);
    String db = imported.toString();
    String d = demo.toString();
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("--version"));
    commands.add(List.of("init", "--db", db));
    commands.add(List.of("import", rest.toString(), "--db", db));
    commands.add(List.of("import", rest.toString(), "--db", db, "--format", "json"));
    commands.add(List.of("classify", "--db", db, "--taxonomy", "study-v1"));
    commands.add(List.of("runs", "--db", db));
    commands.add(List.of("issues", "--db", db, "--run", "study-v1", "--where", "text ~ \"oom\""));
    commands.add(List.of("demo", "--db", d));
    commands.add(List.of("samples", "--db", d));
    commands.add(List.of("issues", "--db", d, "--format", "jsonl"));
    commands.add(List.of("agreement", "--db", d, "--sample", "pilot"));
    commands.add(List.of("validate", "--db", d, "--sample", "pilot", "--bootstrap", "200"));
    commands.add(
        List.of(
            "validate", "--db", d, "--sample", "pilot", "--bootstrap", "200", "--format", "json"));
    commands.add(
        List.of(
            "export",
            "--db",
            d,
            "--sample",
            "pilot",
            "--format",
            "csv",
            "--out",
            dir.resolve("pilot.csv").toString()));
    for (String report : new String[] {"report.html", "report.md"}) {
      commands.add(
          List.of(
              "report",
              "--db",
              d,
              "--sample",
              "pilot",
              "--bootstrap",
              "200",
              "--out",
              dir.resolve(report).toString()));
    }
    WindowOpener noWindow =
        r -> {
          throw new BadInputException("training-run opens no window");
        };
    for (List<String> command : commands) {
      StringWriter errors = new StringWriter();
      int code =
          CliMain.execute(
              command.toArray(String[]::new),
              new PrintWriter(new java.io.OutputStreamWriter(nowhere(), StandardCharsets.UTF_8)),
              new PrintWriter(errors),
              noWindow);
      if (code != 0) {
        throw new BadInputException(
            "training-run: `labellens "
                + String.join(" ", command)
                + "` failed: "
                + errors.toString().strip());
      }
    }
    return 0;
  }

  private static OutputStream nowhere() {
    return OutputStream.nullOutputStream();
  }
}
