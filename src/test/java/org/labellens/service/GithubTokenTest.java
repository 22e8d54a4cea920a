package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where fetch finds its token, and that asking {@code gh} can neither hang nor fail. */
class GithubTokenTest {
  @TempDir Path dir;

  private static final List<String> ABSENT =
      List.of("/nonexistent/labellens-no-gh", "auth", "token");

  @Test
  void ghTokenComesBeforeGithubTokenAndNeitherIsShown() {
    GithubToken t =
        GithubToken.find(
            Map.of("GH_TOKEN", " one ", "GITHUB_TOKEN", "two"), ABSENT, Duration.ofSeconds(1));
    assertThat(t.token()).isEqualTo("one");
    assertThat(t.from()).isEqualTo("GH_TOKEN");
    assertThat(t.toString()).doesNotContain("one");
    GithubToken second =
        GithubToken.find(Map.of("GITHUB_TOKEN", "two"), ABSENT, Duration.ofSeconds(1));
    assertThat(second.from()).isEqualTo("GITHUB_TOKEN");
  }

  @Test
  void withoutTheGitHubCliThereIsNoTokenAndNoFailure() {
    GithubToken t = GithubToken.find(Map.of("GH_TOKEN", "  "), ABSENT, Duration.ofSeconds(1));
    assertThat(t.present()).isFalse();
  }

  @Test
  void theGitHubCliIsAskedWhenNoVariableIsSet() throws Exception {
    Path gh = script("gh-ok", "#!/bin/sh\necho tok_from_gh\n");
    GithubToken t = GithubToken.find(Map.of(), List.of(gh.toString()), Duration.ofSeconds(5));
    assertThat(t.token()).isEqualTo("tok_from_gh");
    assertThat(t.from()).isEqualTo("gh auth token");
    Path failing = script("gh-fail", "#!/bin/sh\necho 'not logged in' >&2\nexit 1\n");
    assertThat(
            GithubToken.find(Map.of(), List.of(failing.toString()), Duration.ofSeconds(5))
                .present())
        .isFalse();
  }

  @Test
  void aGitHubCliThatHangsIsGivenUpOnAtTheTimeout() throws Exception {
    Path gh = script("gh-hang", "#!/bin/sh\nexec sleep 30\n");
    long start = System.nanoTime();
    GithubToken t = GithubToken.find(Map.of(), List.of(gh.toString()), Duration.ofMillis(500));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(t.present()).isFalse();
    assertThat(millis).isLessThan(5_000);
  }

  private Path script(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
