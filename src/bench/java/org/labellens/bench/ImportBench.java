package org.labellens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Issue;
import org.labellens.service.Progress;
import org.labellens.service.Project;

/**
 * The import benchmark: study-like issues as GitHub REST pages, imported into a fresh project by
 * the whole {@code import} command (JVM start included), several times; medians of wall time and
 * peak memory.
 */
public final class ImportBench {
  private ImportBench() {}

  /** The figures of one benchmark. */
  public record Result(
      int issues,
      long inputBytes,
      List<Double> seconds,
      List<Long> peakRssKb,
      double medianSeconds,
      long medianPeakRssKb) {}

  public static Result run(
      Path source, int issues, int runs, long seed, Path workDir, Progress progress) {
    List<Issue> pool = StudyLikeData.pool(source);
    Path input = workDir.resolve("issues-" + issues + ".json");
    progress.update("generating " + issues + " study-like issues", 0, runs + 1);
    long bytes = StudyLikeData.writeRestPages(pool, issues, seed, input);
    List<Double> seconds = new ArrayList<>();
    List<Long> peaks = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      Path db = workDir.resolve("bench-" + r + ".db");
      deleteProject(db);
      Project.create(db).close();
      CommandTimer.Measurement m =
          CommandTimer.run(List.of(), List.of("import", input.toString(), "--db", db.toString()));
      if (m.exitCode() != 0) {
        throw new BadInputException("import failed in the benchmark: " + m.stderr().strip());
      }
      seconds.add(m.seconds());
      peaks.add(m.peakRssKb());
      deleteProject(db);
      progress.update("import run " + (r + 1) + " of " + runs, r + 1, runs + 1);
    }
    return new Result(
        issues,
        bytes,
        seconds,
        peaks,
        median(seconds),
        (long) median(peaks.stream().map(Long::doubleValue).toList()));
  }

  public static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static void deleteProject(Path db) {
    try {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
      }
    } catch (IOException e) {
      throw new BadInputException(db + ": cannot delete: " + e.getMessage(), e);
    }
  }
}
