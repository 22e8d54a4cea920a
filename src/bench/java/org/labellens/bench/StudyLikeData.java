package org.labellens.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.labellens.core.BadInputException;
import org.labellens.core.JsonText;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueFormat;
import org.labellens.io.AtomicFile;
import org.labellens.io.ImportedIssue;
import org.labellens.io.IssueFileReader;
import org.labellens.io.IssueSink;
import org.labellens.io.ReadOptions;
import org.labellens.service.Progress;
import org.labellens.service.demo.DemoIssues;

/**
 * Generates study-like projects of any size for benchmarks: issues whose titles, bodies and labels
 * are resampled (with replacement, seeded) from a source dump — or from the synthetic demo issues
 * when no source is given — spread over the three frameworks in the study's proportions, with
 * numbers unique per repository. Written as a stream (one issue at a time: memory does not depend
 * on the count), either as GitHub REST API pages of 100 issues with a pull request in every page,
 * as a paginated download saves them, or as JSONL in the shape of the study's scraper.
 *
 * <p>The same pool, count, seed and options always give the same bytes.
 */
public final class StudyLikeData {
  /** The study's repositories and their share of its ~12,349 issues. */
  private static final String[] REPOS = {
    "vllm-project/vllm", "ggml-org/llama.cpp", "sgl-project/sglang"
  };

  private static final double[] SHARES = {4100.0 / 12349, 5549.0 / 12349, 2700.0 / 12349};

  private static final int PAGE = 100;

  /** How the generated issues are written. */
  public enum Format {
    /** GitHub REST API pages (JSON arrays of 100 issues, each with one pull request). */
    REST,
    /** One issue per line: {@code repo, number, url, title, body, labels, state, …}. */
    JSONL;

    public static Format of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--format " + name + ": unknown (known: rest, jsonl)");
      }
    }
  }

  /**
   * What to generate.
   *
   * @param count issues to write
   * @param seed seed of every random choice
   * @param format REST pages or JSONL
   * @param maxBody bodies longer than this many characters are cut (0: never)
   */
  public record Options(int count, long seed, Format format, int maxBody) {
    public Options {
      if (count < 0) {
        throw new BadInputException("--issues " + count + ": must be 0 or more");
      }
      if (maxBody < 0) {
        throw new BadInputException("--max-body " + maxBody + ": must be 0 or more");
      }
    }
  }

  /** What was written. */
  public record Written(int issues, int pullRequests, long bytes, int[] byRepo) {}

  private StudyLikeData() {}

  /** The repositories the generator writes to, in the order of {@link Written#byRepo()}. */
  public static List<String> repos() {
    return List.of(REPOS);
  }

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
    return write(pool, new Options(count, seed, Format.REST, 0), out, Progress.NONE).bytes();
  }

  /** Writes the issues to {@code out} (replaced), streaming; reports progress every 10,000. */
  public static Written write(List<Issue> pool, Options o, Path out, Progress progress) {
    return write(pool, o, out, false, progress);
  }

  /**
   * Writes the issues to {@code out} (with {@code noClobber}, never over an existing file),
   * streaming; reports progress every 10,000.
   */
  public static Written write(
      List<Issue> pool, Options o, Path out, boolean noClobber, Progress progress) {
    if (pool.isEmpty()) {
      throw new BadInputException("no issues to resample from");
    }
    Random rnd = new Random(o.seed());
    int[] next = {1, 1, 1};
    int[] byRepo = new int[REPOS.length];
    int pullRequests = 0;
    StringBuilder sb = new StringBuilder(1 << 16);
    Path written;
    try (AtomicFile file = AtomicFile.open(out, noClobber);
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8))) {
      written = file.destination();
      for (int k = 0; k < o.count(); k++) {
        boolean pageStart = k % PAGE == 0;
        if (o.format() == Format.REST && pageStart) {
          w.write("[\n");
        }
        double u = rnd.nextDouble();
        int f = u < SHARES[0] ? 0 : u < SHARES[0] + SHARES[1] ? 1 : 2;
        Issue src = pool.get(rnd.nextInt(pool.size()));
        int number = next[f];
        next[f] += 1 + rnd.nextInt(3);
        byRepo[f]++;
        String body = src.body();
        if (o.maxBody() > 0 && body.length() > o.maxBody()) {
          body = body.substring(0, o.maxBody());
        }
        sb.setLength(0);
        if (o.format() == Format.REST) {
          restIssue(sb, REPOS[f], number, src, body, rnd);
          sb.append(",\n");
          w.append(sb);
          if (k % PAGE == PAGE - 1 || k == o.count() - 1) {
            // every page also lists a pull request, as the REST issues endpoint does
            int pr = next[0];
            next[0] += 1;
            pullRequests++;
            writePullRequest(w, REPOS[0], pr);
            w.write("]\n");
          }
        } else {
          jsonlIssue(sb, REPOS[f], number, src, body);
          w.append(sb);
        }
        if ((k + 1) % 10_000 == 0) {
          progress.update("generated", k + 1, o.count());
        }
      }
      w.flush();
      file.commit();
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot write: " + e.getMessage(), e);
    }
    try {
      return new Written(o.count(), pullRequests, Files.size(written), byRepo);
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot read its size: " + e.getMessage(), e);
    }
  }

  private static void writePullRequest(Writer w, String repo, int pr) throws IOException {
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
            + "\"}}\n");
  }

  private static void jsonlIssue(
      StringBuilder sb, String repo, int number, Issue src, String body) {
    sb.append("{\"repo\": \"").append(repo);
    sb.append("\", \"number\": ").append(number);
    sb.append(", \"url\": \"https://github.com/")
        .append(repo)
        .append("/issues/")
        .append(number)
        .append('"');
    sb.append(", \"title\": ");
    JsonText.appendString(sb, src.title());
    sb.append(", \"body\": ");
    JsonText.appendString(sb, body);
    sb.append(", \"labels\": ").append(JsonText.stringArray(src.labels()));
    sb.append(", \"state\": \"").append(src.state() == null ? "open" : src.state()).append('"');
    sb.append(", \"created_at\": ")
        .append(src.createdAt() == null ? "null" : "\"" + src.createdAt() + "\"");
    sb.append(", \"closed_at\": ")
        .append(src.closedAt() == null ? "null" : "\"" + src.closedAt() + "\"");
    sb.append(", \"comments\": ").append(src.comments() == null ? 0 : src.comments());
    sb.append("}\n");
  }

  private static void restIssue(
      StringBuilder sb, String repo, int number, Issue src, String body, Random rnd) {
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
    if (body.isEmpty()) {
      sb.append("null");
    } else {
      JsonText.appendString(sb, body);
    }
    sb.append(
        ", \"reactions\": {\"total_count\": 0, \"+1\": 0, \"-1\": 0, \"laugh\": 0, \"hooray\": 0, \"confused\": 0, \"heart\": 0, \"rocket\": 0, \"eyes\": 0}}");
  }
}
