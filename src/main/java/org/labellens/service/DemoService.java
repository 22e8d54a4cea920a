package org.labellens.service;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labellens.core.BadInputException;
import org.labellens.service.demo.DemoIssues;

/**
 * Builds the demo project: synthetic issues across the three frameworks, written by us, so that a
 * new user sees LabelLens working before importing anything.
 */
public final class DemoService {
  public static final int ISSUES_PER_FRAMEWORK = 100;
  public static final long SEED = 20250601L;

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
      progress.update("writing demo issues", 0, 1);
      ImportResult imported =
          p.imports().importIssues(DemoIssues.generate(ISSUES_PER_FRAMEWORK, SEED), "demo");
      progress.update("demo ready", 1, 1);
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
