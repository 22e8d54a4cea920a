package org.labellens.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.service.demo.DemoIssues;

/**
 * Builds the demo project: synthetic issues across the three frameworks, written by us, so that a
 * new user sees LabelLens working before importing anything.
 */
public final class DemoService {
  public static final int ISSUES_PER_FRAMEWORK = 100;
  public static final long SEED = 20250601L;

  /** The demo's samples: a revealed pilot partly annotated by three simulated annotators. */
  public static final String SAMPLE = "pilot";

  /** A blind-first sample, not yet started. */
  public static final String BLIND_SAMPLE = "pilot-blind";

  public static final List<String> ANNOTATORS = List.of("ana", "ben", "cy");

  private DemoService() {}

  /** What the demo build did. */
  public record DemoResult(Path file, ImportResult imported) {}

  /** Builds a new demo project at {@code file}; refuses to overwrite an existing file. */
  public static DemoResult build(Path file, Progress progress) {
    if (Files.exists(file)) {
      throw new BadInputException(
          file
              + ": the file already exists; the demo never overwrites a project (remove it or give another --db)");
    }
    try (Project p = Project.create(file)) {
      progress.update("writing demo issues", 0, 4);
      ImportResult imported =
          p.imports().importIssues(DemoIssues.generate(ISSUES_PER_FRAMEWORK, SEED), "demo");
      progress.update("classifying with the study's rules", 1, 4);
      p.classifier().classify("study-v1", "study-v1", Progress.NONE, new Cancellation());
      progress.update("drawing the pilot sample", 2, 4);
      p.samples()
          .draw(
              new SampleRequest(
                  SAMPLE,
                  90,
                  null,
                  null,
                  "study-v1",
                  "all",
                  "framework",
                  "proportional",
                  2,
                  7L,
                  ANNOTATORS,
                  "0.3",
                  false));
      p.samples()
          .draw(
              new SampleRequest(
                  BLIND_SAMPLE,
                  30,
                  null,
                  null,
                  "study-v1",
                  "all",
                  "framework",
                  "proportional",
                  2,
                  8L,
                  ANNOTATORS,
                  "0.5",
                  true));
      progress.update("simulated annotators at work", 3, 4);
      double[] accuracy = {0.92, 0.85, 0.75};
      int[] limit = {40, 25, 12};
      for (int i = 0; i < ANNOTATORS.size(); i++) {
        p.simulation()
            .run(
                new SimulationService.Request(
                    SAMPLE, ANNOTATORS.get(i), accuracy[i], 11L + i, limit[i]),
                d -> {});
      }
      progress.update("demo ready", 4, 4);
      return new DemoResult(p.file(), imported);
    }
  }

  /** Opens the demo project at {@code file}, building it first when it does not exist yet. */
  public static Project openOrBuild(Path file) {
    if (!Files.exists(file)) {
      build(file, Progress.NONE);
    }
    return Project.open(file);
  }
}
