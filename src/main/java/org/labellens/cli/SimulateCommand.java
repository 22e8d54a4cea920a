package org.labellens.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.labellens.core.Counts;
import org.labellens.core.annotation.Decision;
import org.labellens.io.JsonOutput;
import org.labellens.service.SimulationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: a simulated annotator. Each decision is printed only after the transaction that
 * records it has committed, and the output is flushed line by line: every printed line is in the
 * database even if the process is killed.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "A simulated annotator: works through its queue like a person in the window, writing each"
          + " item's decisions through the annotation service and printing each decision as one"
          + " JSON line once it is committed. Resumes where the annotator stopped.",
      "Its answers are a documented latent truth per issue, reported correctly with probability"
          + " --accuracy (see docs/sampling.md)."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions project;

  @Option(names = "--sample", required = true, paramLabel = "S", description = "The sample.")
  String sample;

  @Option(
      names = "--annotator",
      required = true,
      paramLabel = "A",
      description = "The annotator to simulate (must be assigned in the sample).")
  String annotator;

  @Option(
      names = "--accuracy",
      paramLabel = "P",
      defaultValue = "0.85",
      description = "Probability of reporting the truth, per label (default: ${DEFAULT-VALUE}).")
  double accuracy;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the annotator's errors (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--limit",
      paramLabel = "K",
      description = "Decide at most K items in this run (default: all that are left).")
  Integer limit;

  @Option(
      names = "--think",
      paramLabel = "MS",
      defaultValue = "0",
      description =
          "Milliseconds spent on each item before deciding it, like a person reading it; paces"
              + " load tests (default: ${DEFAULT-VALUE}).")
  long thinkMillis;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SimulationService.Summary summary =
        project.with(
            p ->
                p.simulation()
                    .run(
                        new SimulationService.Request(
                            sample, annotator, accuracy, seed, limit, thinkMillis),
                        d -> {
                          out.println(JsonOutput.line(line(d)));
                          out.flush();
                        }));
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "simulated %s in %s: %s, %s; %s left%n",
        annotator,
        sample,
        Counts.of(summary.items(), "item"),
        Counts.of(summary.decisions(), "decision"),
        Counts.of(summary.remaining(), "item"));
    err.flush();
    return 0;
  }

  private static Map<String, Object> line(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repo", d.issue().repo());
    m.put("number", d.issue().number());
    m.put("annotator", d.annotator());
    m.put("dimension", d.dimension());
    m.put("value", d.value().plain());
    m.put("phase", d.phase().key());
    return m;
  }
}
