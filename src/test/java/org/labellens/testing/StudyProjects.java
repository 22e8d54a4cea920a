package org.labellens.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.model.IssueFormat;
import org.labellens.service.Cancellation;
import org.labellens.service.ImportRequest;
import org.labellens.service.Progress;
import org.labellens.service.Project;

/**
 * Small generated projects for sampling and annotation tests: issues of three frameworks, each with
 * an outside classifier's categories (imported as run {@link #RUN}; the primary category of an
 * imported run is its first label) and some GitHub labels.
 */
public final class StudyProjects {
  public static final String RUN = "outside";
  public static final String LABEL_FIELD = "cats";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[][] REPOS = {
    {"vllm-project/vllm", "vLLM"},
    {"ggml-org/llama.cpp", "llama.cpp"},
    {"sgl-project/sglang", "SGLang"}
  };
  private static final List<List<String>> CATEGORY_SETS =
      List.of(List.of("gpu", "memory"), List.of("memory"), List.of("crash", "api"), List.of());

  private StudyProjects() {}

  /** A generated issue: its key, GitHub labels and the outside classifier's categories. */
  public record Spec(String repo, int number, List<String> labels, List<String> categories) {}

  /**
   * Issues in 3 frameworks × 4 predicted primaries (gpu, memory, crash, other): {@code perCell}
   * plus a few more per cell, so that strata differ in size.
   */
  public static List<Spec> specs(int perCell) {
    List<Spec> out = new ArrayList<>();
    for (int f = 0; f < REPOS.length; f++) {
      int number = 1;
      for (int s = 0; s < CATEGORY_SETS.size(); s++) {
        for (int i = 0; i < perCell + f + 2 * s; i++) {
          List<String> labels = new ArrayList<>();
          if (number % 3 == 0) {
            labels.add(number % 2 == 0 ? "Bug" : "bug");
          }
          if (number % 5 == 0) {
            labels.add("performance");
          }
          if (number % 7 == 0) {
            labels.add("question");
          }
          out.add(new Spec(REPOS[f][0], number, labels, CATEGORY_SETS.get(s)));
          number += 1 + (i % 3);
        }
      }
    }
    return out;
  }

  /** Extra issues that all fall in the stratum vLLM / gpu, numbered from {@code from}. */
  public static List<Spec> extraVllmGpu(int count, int from) {
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new Spec("vllm-project/vllm", from + i, List.of(), List.of("gpu")));
    }
    return out;
  }

  public static Path writeJsonl(Path file, List<Spec> specs) {
    StringBuilder sb = new StringBuilder();
    for (Spec s : specs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("repo", s.repo());
      m.put("number", s.number());
      m.put("title", "Issue " + s.number() + " of " + s.repo());
      m.put("body", "Something happens with " + String.join(" and ", s.categories()));
      m.put("labels", s.labels());
      m.put("state", "open");
      m.put("created_at", "2025-01-01T00:00:00Z");
      m.put(LABEL_FIELD, s.categories());
      try {
        sb.append(JSON.writeValueAsString(m)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      Files.writeString(file, sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A new project in {@code dir} with the issues imported and their categories as run RUN. */
  public static Project create(Path dir, List<Spec> specs) {
    Path db = dir.resolve("project.db");
    Project p = Project.create(db);
    importInto(p, dir.resolve("issues-" + System.nanoTime() + ".jsonl"), specs);
    return p;
  }

  public static void importInto(Project p, Path file, List<Spec> specs) {
    writeJsonl(file, specs);
    p.imports()
        .importFiles(
            List.of(file),
            new ImportRequest(null, null, IssueFormat.AUTO, LABEL_FIELD, RUN),
            Progress.NONE,
            new Cancellation());
  }
}
