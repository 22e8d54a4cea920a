package org.labellens.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.labellens.core.BadInputException;
import org.labellens.core.Notices;
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

  /** The {@code project_meta} key that records how far the demo build got. */
  static final String DEMO_KEY = "demo_build";

  static final String BUILDING = "building";
  static final String COMPLETE = "complete";

  private DemoService() {}

  /** What the demo build did. */
  public record DemoResult(Path file, ImportResult imported) {}

  /** Builds a new demo project at {@code file}; refuses to overwrite an existing file. */
  public static DemoResult build(Path file, Progress progress) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(
          file + ": is a directory, not a project file; give a file name inside it (--db)");
    }
    if (Files.exists(file) && halfBuilt(file)) {
      removeHalfBuilt(file);
      Notices.say(
          "note: "
              + file
              + " was a demo project whose build was interrupted; it is built again from the start");
    }
    if (Files.exists(file)) {
      throw new BadInputException(
          file
              + ": the file already exists; the demo never overwrites a project (remove it or give another --db)");
    }
    try (Project p = Project.create(file, Map.of(DEMO_KEY, BUILDING))) {
      progress.update("writing demo issues", 0, 4);
      ImportResult imported =
          p.imports().importIssues(DemoIssues.generate(ISSUES_PER_FRAMEWORK, SEED), "demo");
      progress.update("classifying with the study's rules", 1, 4);
      p.classifier().classify("study-v1", "study-v1", Progress.NONE, new Cancellation());
      progress.update("drawing the pilot sample", 2, 4);
      p.samples().draw(byFramework(SAMPLE, 90, 7L, "0.3", false));
      p.samples().draw(byFramework(BLIND_SAMPLE, 30, 8L, "0.5", true));
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
      p.putMeta(DEMO_KEY, COMPLETE);
      progress.update("demo ready", 4, 4);
      return new DemoResult(p.file(), imported);
    }
  }

  /**
   * Whether {@code file} is a demo project whose build did not finish: marked as being built (the
   * mark is written with the schema, and replaced only at the very end), or an empty file that the
   * build had just created.
   */
  static boolean halfBuilt(Path file) {
    if (!Project.isProject(file)) {
      // (read with its write-ahead log: a project whose changes are all still in its -wal file is
      // a project here, and is judged by its mark below)
      try {
        return Files.isRegularFile(file) && Files.size(file) == 0;
      } catch (IOException e) {
        return false;
      }
    }
    try (Project p = Project.open(file)) {
      return p.meta(DEMO_KEY).map(BUILDING::equals).orElse(false);
    } catch (BadInputException e) {
      return false;
    }
  }

  private static void removeHalfBuilt(Path file) {
    try {
      for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
      }
      Files.delete(file);
    } catch (IOException e) {
      throw new BadInputException(
          file + ": a half-built demo project that cannot be removed (" + e.getMessage() + ")", e);
    }
  }

  /** Opens the demo project at {@code file}, building it first when it does not exist yet. */
  public static Project openOrBuild(Path file) {
    if (!Files.exists(file) || halfBuilt(file)) {
      build(file, Progress.NONE);
    }
    return Project.open(file);
  }

  /** A sample of the study's run, stratified by framework, for the demo's annotators. */
  private static SampleRequest byFramework(
      String name, int size, long seed, String overlap, boolean blind) {
    return new SampleRequest(
        name,
        size,
        null,
        null,
        "study-v1",
        "all",
        "framework",
        "proportional",
        2,
        seed,
        ANNOTATORS,
        overlap,
        blind);
  }
}
