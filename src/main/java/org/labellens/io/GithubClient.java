package org.labellens.io;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labellens.core.BadInputException;

/**
 * GET requests to the GitHub REST API, within its rate limits (docs/decisions/0018-fetch.md).
 *
 * <ul>
 *   <li>The token goes only to the API host (scheme, host and port of the base URL), never to a
 *       host a redirect or a {@code Link} header names; it is never part of a message.
 *   <li>{@code X-RateLimit-Remaining: 0} waits until {@code X-RateLimit-Reset}; a 403 or 429 with
 *       {@code Retry-After} waits that long; a 403 or 429 that names a secondary limit without
 *       saying how long waits a minute, then longer. Every wait counts down through the {@link
 *       Listener}.
 *   <li>5xx responses and dropped connections are retried with doubling pauses (1, 2, 4, 8, 16 s).
 *   <li>401, 404 and other refusals stop with a message naming what was asked for.
 * </ul>
 */
public final class GithubClient {
  /** The number of tries for a 5xx response or a dropped connection. */
  static final int TRIES = 6;

  /** How many secondary-limit waits one request may make before giving up. */
  static final int SECONDARY_WAITS = 8;

  private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");
  private static final Pattern LAST_PAGE =
      Pattern.compile("<[^>]*[?&]page=(\\d+)[^>]*>\\s*;\\s*rel=\"last\"");

  /** The clock and the waits, injectable so that tests never sleep. */
  public interface Clock {
    Clock SYSTEM =
        new Clock() {
          @Override
          public Instant now() {
            return Instant.now();
          }

          @Override
          public void sleep(Duration d) throws InterruptedException {
            Thread.sleep(d.toMillis());
          }
        };

    Instant now();

    void sleep(Duration d) throws InterruptedException;
  }

  /** Told about waits and retries, for people watching. */
  public interface Listener {
    /** A wait of {@code secondsLeft} more seconds, for {@code why}; called once a second. */
    void waiting(String why, long secondsLeft);

    /** A retry after a failure. */
    default void retrying(String why, int attempt) {}
  }

  /**
   * A response: 200 with its body, or 304 Not Modified (empty body).
   *
   * @param url the URL finally answered (after redirects)
   * @param nextUrl the {@code Link} header's next page, or null
   * @param lastPage the {@code Link} header's last page number, or -1
   */
  public record Response(
      int status, byte[] body, String etag, String nextUrl, int lastPage, String url) {
    public boolean notModified() {
      return status == 304;
    }
  }

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final Clock clock;
  private final Listener listener;
  private long remaining = -1;
  private Instant resetAt;
  private int requests;
  private int conditional;
  private int notModified;

  /**
   * @param apiUrl the API base, e.g. {@code https://api.github.com}
   * @param token the token, or null to ask without one
   */
  public GithubClient(String apiUrl, String token, Clock clock, Listener listener) {
    this.base = baseUri(apiUrl);
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.clock = clock;
    this.listener = listener;
  }

  /** The API base, without a trailing slash; refuses what is not an http(s) URL. */
  public static URI baseUri(String apiUrl) {
    URI uri;
    try {
      uri = URI.create(apiUrl.strip().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--api-url '" + apiUrl + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new BadInputException(
          "--api-url '" + apiUrl + "' is not an http(s) URL such as https://api.github.com");
    }
    if (uri.getUserInfo() != null) {
      throw new BadInputException(
          "--api-url must not carry a user name or password; give the token in GH_TOKEN");
    }
    return uri;
  }

  public String base() {
    return base.toString();
  }

  public boolean hasToken() {
    return token != null;
  }

  /** Requests made so far (each try counts). */
  public int requests() {
    return requests;
  }

  /** Requests made with {@code If-None-Match}. */
  public int conditionalRequests() {
    return conditional;
  }

  /** Responses 304 Not Modified. */
  public int notModifiedResponses() {
    return notModified;
  }

  /**
   * GETs {@code url}, conditionally when {@code etag} is given; {@code subject} names what is asked
   * for in messages (e.g. the repository).
   */
  public Response get(String url, String etag, String subject) {
    String current = url;
    int failures = 0;
    int secondary = 0;
    int redirects = 0;
    while (true) {
      waitForReset(subject);
      HttpResponse<byte[]> response;
      try {
        response = send(current, etag);
      } catch (IOException e) {
        failures++;
        if (failures >= TRIES) {
          throw new BadInputException(
              subject
                  + ": the connection to "
                  + hostOf(current)
                  + " failed "
                  + failures
                  + " times ("
                  + scrub(describe(e))
                  + "); what was fetched is kept, run fetch again to resume");
        }
        backoff(subject, "connection failed (" + scrub(describe(e)) + ")", failures);
        continue;
      }
      noteLimits(response);
      int status = response.statusCode();
      if (status == 200 || status == 304) {
        if (status == 304) {
          notModified++;
        }
        String link = response.headers().firstValue("Link").orElse("");
        return new Response(
            status,
            status == 304 ? new byte[0] : response.body(),
            response.headers().firstValue("ETag").orElse(null),
            next(link),
            lastPage(link),
            current);
      }
      if (status == 301 || status == 302 || status == 307 || status == 308) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty() || ++redirects > 5) {
          throw new BadInputException(
              subject + ": " + hostOf(current) + " redirected without end (HTTP " + status + ")");
        }
        current = URI.create(current).resolve(location.get()).toString();
        continue;
      }
      String message = GithubPage.errorMessage(response.body());
      String said = message == null ? "" : ": " + shown(message);
      if ((status == 403 || status == 429) && isRateLimit(response, message)) {
        Duration wait = rateLimitWait(response, secondary);
        secondary++;
        if (secondary > SECONDARY_WAITS && !primaryExhausted(response)) {
          throw new BadInputException(
              subject
                  + ": GitHub kept refusing with its secondary rate limit (HTTP "
                  + status
                  + said
                  + "); what was fetched is kept, run fetch again later to resume");
        }
        countdown(subject + ": " + limitName(response, status), wait);
        continue;
      }
      if (status >= 500) {
        failures++;
        if (failures >= TRIES) {
          throw new BadInputException(
              subject
                  + ": "
                  + hostOf(current)
                  + " answered HTTP "
                  + status
                  + " "
                  + failures
                  + " times"
                  + said
                  + "; what was fetched is kept, run fetch again to resume");
        }
        backoff(subject, "HTTP " + status, failures);
        continue;
      }
      throw refusal(subject, status, said);
    }
  }

  private BadInputException refusal(String subject, int status, String said) {
    return switch (status) {
      case 401 ->
          new BadInputException(
              subject
                  + ": "
                  + base.getHost()
                  + " refused the token (HTTP 401"
                  + said
                  + "); check GH_TOKEN or GITHUB_TOKEN, or run gh auth login");
      case 404 ->
          new BadInputException(
              subject
                  + ": not found at "
                  + base
                  + " (HTTP 404"
                  + said
                  + "): no such repository, or a private one "
                  + (token == null ? "(no token was given)" : "the token cannot see"));
      case 403 ->
          new BadInputException(
              subject
                  + ": "
                  + base.getHost()
                  + " refused access (HTTP 403"
                  + said
                  + ")"
                  + (token == null ? "; a token may be needed (GH_TOKEN)" : ""));
      case 422 ->
          new BadInputException(subject + ": GitHub refused the request (HTTP 422" + said + ")");
      default ->
          new BadInputException(
              subject + ": " + base.getHost() + " answered HTTP " + status + said);
    };
  }

  private HttpResponse<byte[]> send(String url, String etag) throws IOException {
    URI uri = URI.create(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "LabelLens")
            .GET();
    if (token != null && sameOrigin(uri)) {
      request.header("Authorization", "Bearer " + token);
    }
    if (etag != null) {
      request.header("If-None-Match", etag);
      conditional++;
    }
    requests++;
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }

  /** Whether {@code uri} is on the API host (scheme, host and port), where the token may go. */
  boolean sameOrigin(URI uri) {
    return base.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
        && base.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
        && port(base) == port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private void noteLimits(HttpResponse<?> response) {
    response
        .headers()
        .firstValue("X-RateLimit-Remaining")
        .ifPresent(v -> remaining = parseLong(v, -1));
    response
        .headers()
        .firstValue("X-RateLimit-Reset")
        .ifPresent(
            v -> {
              long epoch = parseLong(v, -1);
              resetAt = epoch < 0 ? null : Instant.ofEpochSecond(epoch);
            });
  }

  /** Before a request: when the limit is used up, wait until it resets. */
  private void waitForReset(String subject) {
    if (remaining == 0 && resetAt != null) {
      Duration wait = Duration.between(clock.now(), resetAt).plusSeconds(1);
      remaining = -1;
      if (!wait.isNegative() && !wait.isZero()) {
        countdown(subject + ": rate limit used up, it resets at " + resetAt, wait);
      }
    }
  }

  private boolean isRateLimit(HttpResponse<?> response, String message) {
    if (response.statusCode() == 429) {
      return true;
    }
    if (response.headers().firstValue("Retry-After").isPresent() || primaryExhausted(response)) {
      return true;
    }
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return m.contains("rate limit") || m.contains("abuse");
  }

  private static boolean primaryExhausted(HttpResponse<?> response) {
    return response.headers().firstValue("X-RateLimit-Remaining").map("0"::equals).orElse(false);
  }

  private static String limitName(HttpResponse<?> response, int status) {
    if (response.headers().firstValue("Retry-After").isPresent()) {
      return "secondary rate limit (HTTP " + status + ", Retry-After)";
    }
    if (primaryExhausted(response)) {
      return "rate limit used up (HTTP " + status + ")";
    }
    return "secondary rate limit (HTTP " + status + ")";
  }

  /**
   * How long to wait after a rate-limit refusal: {@code Retry-After}; else until the reset when the
   * limit is used up; else a minute, doubling with each further refusal (at most 15 minutes).
   */
  private Duration rateLimitWait(HttpResponse<?> response, int earlier) {
    Optional<String> retryAfter = response.headers().firstValue("Retry-After");
    if (retryAfter.isPresent()) {
      long seconds = parseLong(retryAfter.get().strip(), -1);
      if (seconds >= 0) {
        return Duration.ofSeconds(Math.max(1, seconds));
      }
    }
    if (primaryExhausted(response) && resetAt != null) {
      Duration d = Duration.between(clock.now(), resetAt).plusSeconds(1);
      remaining = -1;
      return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }
    return Duration.ofSeconds(Math.min(900, 60L << Math.min(4, earlier)));
  }

  private void backoff(String subject, String why, int failures) {
    listener.retrying(subject + ": " + why, failures);
    countdown(
        subject + ": " + why + ", try " + (failures + 1) + " of " + TRIES,
        Duration.ofSeconds(1L << (failures - 1)));
  }

  /** Waits {@code wait}, telling the listener the seconds left once a second. */
  private void countdown(String why, Duration wait) {
    long millis = wait.toMillis();
    try {
      while (millis > 0) {
        long secondsLeft = (millis + 999) / 1000;
        listener.waiting(why, secondsLeft);
        long step = Math.min(1000, millis - (secondsLeft - 1) * 1000);
        clock.sleep(Duration.ofMillis(step));
        millis -= step;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
  }

  /** A server's message as shown: the token removed first, then on one line, at most 200 chars. */
  private String shown(String message) {
    String one = scrub(message).replaceAll("[\\r\\n\\t]+", " ").strip();
    return one.length() <= 200 ? one : one.substring(0, 197) + "...";
  }

  /** Removes the token from a text that will be shown (a server may echo what it was sent). */
  private String scrub(String text) {
    if (text == null || token == null) {
      return text;
    }
    return text.replace(token, "[token]");
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static String hostOf(String url) {
    try {
      URI u = URI.create(url);
      return u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "the API host";
    }
  }

  static String next(String link) {
    Matcher m = NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  static int lastPage(String link) {
    Matcher m = LAST_PAGE.matcher(link);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static long parseLong(String s, long otherwise) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
