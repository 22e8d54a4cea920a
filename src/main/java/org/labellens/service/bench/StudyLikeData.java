package org.labellens.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.labellens.core.BadInputException;
import org.labellens.core.JsonText;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.service.demo.DemoIssues;

/**
 * Generates study-like projects of any size for benchmarks: issues whose titles, bodies and labels
 * are resampled (with replacement, seeded) from a source dump — or from the synthetic demo issues
 * when no source is given — spread over the three frameworks in the study's proportions, and
 * written as GitHub REST API pages of 100 issues with a pull request in every page, as a paginated
 * download saves them.
 */
public final class StudyLikeData {
  /** The study's repositories and their share of its ~12,349 issues. */
  private static final String[] REPOS = {
    "vllm-project/vllm", "ggml-org/llama.cpp", "sgl-project/sglang"
  };

  private static final double[] SHARES = {4100.0 / 12349, 5549.0 / 12349, 2700.0 / 12349};

  private StudyLikeData() {}

  /** Loads the issues to resample from: a dump in any import format, or the demo issues. */
  public static List<Issue> pool(Path source) {
    if (source == null) {
      return DemoIssues.generate(200, 1);
    }
    List<Issue> pool = new ArrayList<>();
    new IssueFileReader(ReadOptions.DEFAULT)
        .read(
            source,
            IssueFormat.AUTO,
            new IssueSink() {
              @Override
              public void issue(ImportedIssue issue) {
                pool.add(issue.issue());
              }

              @Override
              public void pullRequestSkipped(String location) {}
            });
    if (pool.isEmpty()) {
      throw new BadInputException(source + ": no issues to resample from");
    }
    return pool;
  }

  /**
   * Writes {@code count} resampled issues as REST pages to {@code out}; returns the bytes written.
   */
  public static long writeRestPages(List<Issue> pool, int count, long seed, Path out) {
    Random rnd = new Random(seed);
    int[] next = {1, 1, 1};
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int start = 0; start < count; start += 100) {
        w.write("[\n");
        int end = Math.min(count, start + 100);
        for (int k = start; k < end; k++) {
          double u = rnd.nextDouble();
          int f = u < SHARES[0] ? 0 : u < SHARES[0] + SHARES[1] ? 1 : 2;
          Issue src = pool.get(rnd.nextInt(pool.size()));
          int number = next[f];
          next[f] += 1 + rnd.nextInt(3);
          writeIssue(w, REPOS[f], number, src, rnd);
          w.write(",\n");
        }
        String repo = REPOS[0];
        int pr = 1_000_000 + start;
        w.write(
            "  {\"number\": "
                + pr
                + ", \"title\": \"Pull request\", \"body\": null, \"html_url\": \"https://github.com/"
                + repo
                + "/pull/"
                + pr
                + "\", \"labels\": [], \"state\": \"open\", \"pull_request\": {\"url\": \"https://api.github.com/repos/"
                + repo
                + "/pulls/"
                + pr
                + "\"}}\n]\n");
      }
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot write: " + e.getMessage(), e);
    }
    try {
      return Files.size(out);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void writeIssue(BufferedWriter w, String repo, int number, Issue src, Random rnd)
      throws IOException {
    StringBuilder sb = new StringBuilder(src.body().length() + 1024);
    sb.append("  {\"url\": \"https://api.github.com/repos/")
        .append(repo)
        .append("/issues/")
        .append(number);
    sb.append("\", \"repository_url\": \"https://api.github.com/repos/").append(repo);
    sb.append("\", \"html_url\": \"https://github.com/")
        .append(repo)
        .append("/issues/")
        .append(number);
    sb.append("\", \"id\": ").append(1_000_000_000L + rnd.nextInt(1_000_000_000));
    sb.append(", \"number\": ").append(number).append(", \"title\": ");
    JsonText.appendString(sb, src.title());
    sb.append(", \"user\": {\"login\": \"user")
        .append(rnd.nextInt(5000))
        .append("\", \"id\": 1, \"type\": \"User\"}");
    sb.append(", \"labels\": [");
    for (int i = 0; i < src.labels().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append("{\"id\": ").append(100 + i).append(", \"name\": ");
      JsonText.appendString(sb, src.labels().get(i));
      sb.append(", \"color\": \"d73a4a\", \"default\": false, \"description\": \"\"}");
    }
    sb.append("], \"state\": \"").append(src.state() == null ? "open" : src.state()).append('"');
    sb.append(", \"locked\": false, \"assignee\": null, \"assignees\": [], \"milestone\": null");
    sb.append(", \"comments\": ").append(src.comments() == null ? 0 : src.comments());
    sb.append(", \"created_at\": ")
        .append(src.createdAt() == null ? "null" : "\"" + src.createdAt() + "\"");
    sb.append(", \"updated_at\": ")
        .append(src.createdAt() == null ? "null" : "\"" + src.createdAt() + "\"");
    sb.append(", \"closed_at\": ")
        .append(src.closedAt() == null ? "null" : "\"" + src.closedAt() + "\"");
    sb.append(", \"author_association\": \"NONE\", \"body\": ");
    if (src.body().isEmpty()) {
      sb.append("null");
    } else {
      JsonText.appendString(sb, src.body());
    }
    sb.append(
        ", \"reactions\": {\"total_count\": 0, \"+1\": 0, \"-1\": 0, \"laugh\": 0, \"hooray\": 0, \"confused\": 0, \"heart\": 0, \"rocket\": 0, \"eyes\": 0}}");
    w.write(sb.toString());
  }
}
