package org.labellens.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.labellens.core.JsonText;
import org.labellens.core.model.Frameworks;
import org.labellens.core.model.Issue;

/**
 * Made-up issues for tests, and writers that put the same issues into every input format: GitHub
 * REST page arrays (labels as objects, pull requests mixed in), {@code gh issue list --json}, JSONL
 * and CSV. Text includes the awkward parts of real dumps: quotes, commas, CRLF, tabs, emoji,
 * right-to-left script, HTML, and a leading formula character.
 */
public final class TestIssues {
  private static final String[] REPOS = {
    "vllm-project/vllm", "ggml-org/llama.cpp", "sgl-project/sglang", "example-org/other-server"
  };
  private static final String[] SNIPPETS = {
    "CUDA out of memory, tried to allocate 2.00 GiB",
    "server hangs after the change in https://example.org/x?a=1&b=2",
    "he said \"it works\", then it didn't",
    "line one\r\nline two\r\n\ttabbed",
    "emoji 🚀🔥 and accents: naïve café",
    "عربى right-to-left text עברית",
    "<script>alert('x')</script> <b>bold</b>",
    "=SUM(A1:A2) looks like a formula",
    "```\nTraceback (most recent call last):\n  File \"x.py\", line 1\nRuntimeError: boom\n```",
    "",
  };

  private TestIssues() {}

  /** {@code n} issues, deterministic for a seed. */
  public static List<Issue> make(int n, long seed) {
    Random rnd = new Random(seed);
    List<Issue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String repo = REPOS[i % REPOS.length];
      int number = 100 + i * 3 + rnd.nextInt(3);
      String title =
          "Issue "
              + number
              + ": "
              + SNIPPETS[rnd.nextInt(SNIPPETS.length - 1)].replace("\r\n", " ").replace("\n", " ");
      StringBuilder body = new StringBuilder();
      for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
        body.append(SNIPPETS[rnd.nextInt(SNIPPETS.length)]).append("\n\n");
      }
      List<String> labels = new ArrayList<>();
      if (rnd.nextBoolean()) {
        labels.add("bug");
      }
      if (rnd.nextInt(3) == 0) {
        labels.add("performance");
      }
      if (rnd.nextInt(5) == 0) {
        labels.add("good first issue");
      }
      boolean closed = rnd.nextBoolean();
      out.add(
          new Issue(
              repo,
              number,
              Frameworks.forRepo(repo),
              title,
              body.toString(),
              labels,
              closed ? "closed" : "open",
              "2025-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10) + "T10:15:00Z",
              closed ? "2025-10-01T08:00:00Z" : null,
              "https://github.com/" + repo + "/issues/" + number,
              "user" + rnd.nextInt(20),
              rnd.nextInt(9)));
    }
    return out;
  }

  private static String s(String v) {
    return v == null ? "null" : JsonText.string(v);
  }

  /** REST API objects, split into pages of {@code pageSize}, with a pull request in every page. */
  public static String restPages(List<Issue> issues, int pageSize) {
    StringBuilder sb = new StringBuilder();
    for (int start = 0; start < issues.size(); start += pageSize) {
      List<String> objects = new ArrayList<>();
      for (Issue i : issues.subList(start, Math.min(issues.size(), start + pageSize))) {
        objects.add(restObject(i));
      }
      objects.add(
          "{\"number\": "
              + (90000 + start)
              + ", \"title\": \"A pull request\", \"body\": null,"
              + " \"html_url\": \"https://github.com/vllm-project/vllm/pull/"
              + (90000 + start)
              + "\","
              + " \"repository_url\": \"https://api.github.com/repos/vllm-project/vllm\","
              + " \"labels\": [], \"state\": \"open\","
              + " \"pull_request\": {\"url\": \"https://api.github.com/repos/vllm-project/vllm/pulls/1\"}}");
      sb.append("[\n  ").append(String.join(",\n  ", objects)).append("\n]\n");
    }
    return sb.toString();
  }

  static String restObject(Issue i) {
    String labels =
        i.labels().stream()
            .map(
                l ->
                    "{\"id\": 1, \"name\": "
                        + s(l)
                        + ", \"color\": \"d73a4a\", \"default\": false}")
            .collect(Collectors.joining(", ", "[", "]"));
    return "{\"url\": \"https://api.github.com/repos/"
        + i.repo()
        + "/issues/"
        + i.number()
        + "\","
        + " \"repository_url\": \"https://api.github.com/repos/"
        + i.repo()
        + "\","
        + " \"html_url\": "
        + s(i.url())
        + ", \"number\": "
        + i.number()
        + ","
        + " \"title\": "
        + s(i.title())
        + ", \"body\": "
        + (i.body().isEmpty() ? "null" : s(i.body()))
        + ","
        + " \"user\": {\"login\": "
        + s(i.author())
        + ", \"id\": 7}, \"labels\": "
        + labels
        + ","
        + " \"state\": "
        + s(i.state())
        + ", \"comments\": "
        + i.comments()
        + ","
        + " \"created_at\": "
        + s(i.createdAt())
        + ", \"closed_at\": "
        + s(i.closedAt())
        + ","
        + " \"reactions\": {\"total_count\": 0, \"+1\": 0}}";
  }

  /**
   * {@code gh issue list --json
   * number,title,body,labels,state,createdAt,closedAt,url,author,comments}.
   */
  public static String gh(List<Issue> issues) {
    List<String> objects = new ArrayList<>();
    for (Issue i : issues) {
      String labels =
          i.labels().stream()
              .map(
                  l ->
                      "{\"id\": \"LA_x\", \"name\": "
                          + s(l)
                          + ", \"description\": \"\", \"color\": \"f9d0c4\"}")
              .collect(Collectors.joining(", ", "[", "]"));
      StringBuilder comments = new StringBuilder("[");
      for (int k = 0; k < i.comments(); k++) {
        comments
            .append(k == 0 ? "" : ", ")
            .append("{\"id\": \"c")
            .append(k)
            .append("\", \"body\": \"ok\"}");
      }
      comments.append(']');
      objects.add(
          "{\"number\": "
              + i.number()
              + ", \"title\": "
              + s(i.title())
              + ", \"body\": "
              + s(i.body())
              + ","
              + " \"labels\": "
              + labels
              + ", \"state\": "
              + s(i.state().toUpperCase())
              + ","
              + " \"createdAt\": "
              + s(i.createdAt())
              + ", \"closedAt\": "
              + s(i.closedAt())
              + ","
              + " \"url\": "
              + s(i.url())
              + ", \"author\": {\"login\": "
              + s(i.author())
              + ", \"is_bot\": false},"
              + " \"comments\": "
              + comments
              + "}");
    }
    return "[" + String.join(",\n", objects) + "]\n";
  }

  /** JSONL in the study's dump style (snake_case, labels as names, +00:00 offsets). */
  public static String jsonl(List<Issue> issues) {
    StringBuilder sb = new StringBuilder();
    for (Issue i : issues) {
      sb.append("{\"repo\": ")
          .append(s(i.repo()))
          .append(", \"number\": ")
          .append(i.number())
          .append(", \"url\": ")
          .append(s(i.url()))
          .append(", \"title\": ")
          .append(s(i.title()))
          .append(", \"body\": ")
          .append(s(i.body()))
          .append(", \"labels\": ")
          .append(JsonText.stringArray(i.labels()))
          .append(", \"state\": ")
          .append(s(i.state()))
          .append(", \"created_at\": ")
          .append(s(i.createdAt().replace("Z", "+00:00")))
          .append(", \"closed_at\": ")
          .append(i.closedAt() == null ? "null" : s(i.closedAt().replace("Z", "+00:00")))
          .append(", \"comments\": ")
          .append(i.comments())
          .append(", \"user\": {\"login\": ")
          .append(s(i.author()))
          .append("}}\n");
    }
    return sb.toString();
  }

  /** CSV with every column docs/formats.md ("CSV") names. */
  public static String csv(List<Issue> issues) {
    StringBuilder sb =
        new StringBuilder(
            "repo,number,title,body,labels,state,created_at,closed_at,url,author,comments\r\n");
    for (Issue i : issues) {
      sb.append(
              String.join(
                  ",",
                  q(i.repo()),
                  Integer.toString(i.number()),
                  q(i.title()),
                  q(i.body()),
                  q(String.join(";", i.labels())),
                  q(i.state()),
                  q(i.createdAt()),
                  q(i.closedAt() == null ? "" : i.closedAt()),
                  q(i.url()),
                  q(i.author()),
                  Integer.toString(i.comments())))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String q(String v) {
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }

  public static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
