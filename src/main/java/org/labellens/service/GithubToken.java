package org.labellens.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the GitHub token for {@code fetch}: {@code GH_TOKEN}, then {@code GITHUB_TOKEN}, then what
 * {@code gh auth token} prints when the GitHub CLI is installed and signed in. The token is kept in
 * memory only: never stored, printed or logged.
 *
 * @param token the token, or null when none was found
 * @param from where it came from, for people ("GH_TOKEN", "gh auth token"), or null
 */
public record GithubToken(String token, String from) {
  /** How long {@code gh auth token} may take before it is given up on. */
  static final Duration GH_TIMEOUT = Duration.ofSeconds(5);

  public static final GithubToken NONE = new GithubToken(null, null);

  public boolean present() {
    return token != null;
  }

  @Override
  public String toString() {
    // never the token itself, whoever prints this
    return present() ? "GithubToken[from " + from + "]" : "GithubToken[none]";
  }

  /** The token from {@code env}, else from {@code gh auth token}, else none. */
  public static GithubToken find(Map<String, String> env) {
    return find(env, List.of("gh", "auth", "token"), GH_TIMEOUT);
  }

  static GithubToken find(Map<String, String> env, List<String> ghCommand, Duration timeout) {
    for (String name : List.of("GH_TOKEN", "GITHUB_TOKEN")) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return new GithubToken(value.strip(), name);
      }
    }
    String fromGh = fromCommand(ghCommand, timeout);
    return fromGh == null ? NONE : new GithubToken(fromGh, "gh auth token");
  }

  /**
   * What {@code command} prints on one line, or null when it is not installed, fails, prints
   * nothing usable or takes longer than {@code timeout} (it is then killed).
   */
  static String fromCommand(List<String> command, Duration timeout) {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException | RuntimeException e) {
      return null; // not installed
    }
    try {
      process.getOutputStream().close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader =
          new Thread(
              () -> {
                try (InputStream in = process.getInputStream()) {
                  byte[] buf = new byte[1024];
                  for (int n; (n = in.read(buf)) > 0 && out.size() < 8192; ) {
                    synchronized (out) {
                      out.write(buf, 0, n);
                    }
                  }
                } catch (IOException ignored) {
                  // the process was killed or closed its output
                }
              },
              "labellens-gh-token");
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return null;
      }
      reader.join(timeout.toMillis());
      if (process.exitValue() != 0) {
        return null;
      }
      String text;
      synchronized (out) {
        text = out.toString(StandardCharsets.UTF_8).strip();
      }
      return text.isEmpty() || text.contains("\n") || text.contains(" ") ? null : text;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return null;
    } catch (IOException e) {
      process.destroyForcibly();
      return null;
    }
  }
}
