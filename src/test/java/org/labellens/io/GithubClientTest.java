package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;
import org.labellens.testing.FakeGithub;

/** The API client's own rules: where the token goes, what a refusal says, when it gives up. */
class GithubClientTest {
  private static final String TOKEN = "ghp_onlyForTheApiHost";

  private final List<Duration> sleeps = new ArrayList<>();
  private final GithubClient.Clock clock =
      new GithubClient.Clock() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration d) {
          sleeps.add(d);
        }
      };

  @Test
  void theTokenGoesOnlyToTheApiHost() {
    try (FakeGithub server = new FakeGithub()) {
      server.repo("o/r", getClass().getResourceAsStream("/org/labellens/fetch/vllm-issues.json"));
      GithubClient client = new GithubClient(server.url(), TOKEN, clock, (why, left) -> {});
      String port = server.url().substring(server.url().lastIndexOf(':'));
      client.get(server.url() + "/repos/o/r/issues", null, "o/r");
      // the same server under another name (as a Link header or a redirect might name it)
      client.get("http://localhost" + port + "/repos/o/r/issues", null, "o/r");
      assertThat(server.log()).hasSize(2);
      assertThat(server.log().get(0).authorization()).isEqualTo("Bearer " + TOKEN);
      assertThat(server.log().get(1).authorization()).isNull();
    }
  }

  @Test
  void repeatedServerErrorsGiveUpAfterSixTriesAndSayWhatWasKept() {
    try (FakeGithub server = new FakeGithub()) {
      for (int i = 0; i < GithubClient.TRIES; i++) {
        server.fault("/repos/o/r/issues", FakeGithub.Fault.BAD_GATEWAY_502);
      }
      GithubClient client = new GithubClient(server.url(), null, clock, (why, left) -> {});
      assertThatThrownBy(() -> client.get(server.url() + "/repos/o/r/issues", null, "o/r"))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith("o/r: 127.0.0.1:")
          .hasMessageContaining("HTTP 502 6 times")
          .hasMessageContaining("run fetch again to resume");
      assertThat(server.log()).hasSize(GithubClient.TRIES);
      // doubling pauses between the tries: 1 + 2 + 4 + 8 + 16 s
      assertThat(sleeps.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(31);
    }
  }

  @Test
  void theApiUrlMustBeHttpWithoutCredentials() {
    assertThatThrownBy(() -> GithubClient.baseUri("ftp://example.org"))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> GithubClient.baseUri("https://user:secret@example.org"))
        .hasMessageContaining("must not carry a user name or password")
        .hasMessageNotContaining("secret");
    assertThat(GithubClient.baseUri("https://ghe.example.org/api/v3/").toString())
        .isEqualTo("https://ghe.example.org/api/v3");
  }

  @Test
  void theLinkHeaderGivesTheNextAndLastPage() {
    String link =
        "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\","
            + " <https://api.github.com/repositories/1/issues?page=124>; rel=\"last\"";
    assertThat(GithubClient.next(link))
        .isEqualTo("https://api.github.com/repositories/1/issues?page=2");
    assertThat(GithubClient.lastPage(link)).isEqualTo(124);
    assertThat(GithubClient.next("<https://x/?page=1>; rel=\"first\"")).isNull();
  }
}
