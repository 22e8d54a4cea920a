package org.labellens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local server answering like the GitHub REST API, for fetch tests: a repository's issues ({@code
 * GET /repos/{owner}/{repo}/issues}: state, labels, since, sort=updated, pages with {@code Link}),
 * an issue's comments, the search API ({@code GET /search/issues}, with its cap on results), ETags
 * with 304 Not Modified, {@code X-RateLimit-*} headers, and faults on demand: a 403 secondary rate
 * limit, a 429 with {@code Retry-After}, a 502, a dropped connection, a used-up rate limit, a
 * request that hangs. Every request is logged.
 */
public final class FakeGithub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the server saw it. */
  public record Request(String pathAndQuery, String ifNoneMatch, String authorization, int status) {
    public boolean conditional() {
      return ifNoneMatch != null;
    }
  }

  /** What the server does instead of answering a request. */
  public enum Fault {
    SECONDARY_403,
    TOO_MANY_429,
    BAD_GATEWAY_502,
    DROP,
    LIMIT_USED_UP,
    ECHO_AUTHORIZATION_403,
    HANG
  }

  private record Pending(String pathContains, Fault fault) {}

  private record Action(String pathContains, Runnable action) {}

  private final Deque<Action> actions = new ArrayDeque<>();

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, List<ObjectNode>> issues = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> comments = new LinkedHashMap<>();
  private final Deque<Pending> faults = new ArrayDeque<>();
  private final List<Request> log = new ArrayList<>();
  private volatile int perPage = 5;
  private volatile int searchCap = 1000;
  private volatile String token;
  private final CountDownLatch hung = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  public FakeGithub() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Loads a JSON array of REST issues (pull requests included) for {@code repo}. */
  public FakeGithub repo(String repo, InputStream restIssues) {
    try {
      JsonNode root = JSON.readTree(restIssues);
      List<ObjectNode> list = new ArrayList<>();
      root.forEach(n -> list.add((ObjectNode) n));
      synchronized (this) {
        issues.put(repo.toLowerCase(Locale.ROOT), list);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issues (and pull requests) of {@code repo} as served, in their order. */
  public synchronized List<ObjectNode> items(String repo) {
    return issues.get(repo.toLowerCase(Locale.ROOT));
  }

  /** Changes issue {@code number} of {@code repo} and marks it updated at {@code updatedAt}. */
  public synchronized void edit(
      String repo, int number, String updatedAt, Consumer<ObjectNode> how) {
    for (ObjectNode n : items(repo)) {
      if (n.path("number").asInt() == number) {
        how.accept(n);
        n.put("updated_at", updatedAt);
        return;
      }
    }
    throw new IllegalArgumentException("no issue " + number);
  }

  /** Serves these comments for issue {@code number} of {@code repo}. */
  public synchronized void comments(String repo, int number, ArrayNode list) {
    List<ObjectNode> l = new ArrayList<>();
    list.forEach(n -> l.add((ObjectNode) n));
    comments.put(repo.toLowerCase(Locale.ROOT) + "#" + number, l);
  }

  /** Requires this token (else 401). */
  public void requireToken(String token) {
    this.token = token;
  }

  /** At most this many items a page, whatever per_page asks. */
  public void perPage(int n) {
    perPage = n;
  }

  /** The search API returns at most this many results (GitHub: 1,000). */
  public void searchCap(int n) {
    searchCap = n;
  }

  /** The next request whose path and query contain {@code pathContains} gets {@code fault}. */
  public synchronized void fault(String pathContains, Fault fault) {
    faults.add(new Pending(pathContains, fault));
  }

  /**
   * Runs {@code action} once, before answering the next request whose path and query contain {@code
   * pathContains} (e.g. an issue edited while a fetch runs).
   */
  public synchronized void whenAsked(String pathContains, Runnable action) {
    actions.add(new Action(pathContains, action));
  }

  private void runActions(String pathAndQuery) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      for (Action a : List.copyOf(actions)) {
        if (pathAndQuery.contains(a.pathContains())) {
          actions.remove(a);
          due.add(a.action());
        }
      }
    }
    due.forEach(Runnable::run);
  }

  /** Waits until a request hangs (fault HANG). */
  public boolean awaitHang(long seconds) throws InterruptedException {
    return hung.await(seconds, TimeUnit.SECONDS);
  }

  public synchronized List<Request> log() {
    return List.copyOf(log);
  }

  public synchronized void clearLog() {
    log.clear();
  }

  private synchronized Fault takeFault(String pathAndQuery) {
    for (Pending p : faults) {
      if (pathAndQuery.contains(p.pathContains())) {
        faults.remove(p);
        return p.fault();
      }
    }
    return null;
  }

  private synchronized void logged(HttpExchange ex, int status) {
    log.add(
        new Request(
            ex.getRequestURI().toString(),
            ex.getRequestHeaders().getFirst("If-None-Match"),
            ex.getRequestHeaders().getFirst("Authorization"),
            status));
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String pq = ex.getRequestURI().toString();
      runActions(pq);
      Fault fault = takeFault(pq);
      if (fault == Fault.DROP) {
        logged(ex, -1);
        // the connection is closed without a response
        return;
      }
      if (fault == Fault.HANG) {
        logged(ex, -2);
        hung.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (token != null
          && !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(
            ex,
            401,
            "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}",
            null,
            4999);
        return;
      }
      if (fault != null) {
        switch (fault) {
          case SECONDARY_403 -> {
            send(
                ex,
                403,
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}",
                null,
                4000);
            return;
          }
          case TOO_MANY_429 -> {
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 429, "{\"message\":\"Too many requests\"}", null, 4000);
            return;
          }
          case BAD_GATEWAY_502 -> {
            send(ex, 502, "<html>bad gateway</html>", null, 4000);
            return;
          }
          case ECHO_AUTHORIZATION_403 -> {
            send(
                ex,
                403,
                "{\"message\":\"Forbidden for "
                    + ex.getRequestHeaders().getFirst("Authorization")
                    + "\"}",
                null,
                4000);
            return;
          }
          case LIMIT_USED_UP -> {
            // answered, but the limit is now used up until the reset
            answer(ex, pq, 0);
            return;
          }
          default -> throw new IllegalStateException(fault.toString());
        }
      }
      answer(ex, pq, 4999);
    }
  }

  private void answer(HttpExchange ex, String pq, int remaining) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String[] parts = path.split("/");
    if (parts.length == 5 && parts[1].equals("repos") && parts[4].equals("issues")) {
      List<ObjectNode> all;
      synchronized (this) {
        all = items(parts[2] + "/" + parts[3]);
      }
      if (all == null) {
        send(ex, 404, "{\"message\":\"Not Found\"}", null, remaining);
        return;
      }
      List<ObjectNode> selected = new ArrayList<>();
      synchronized (this) {
        for (ObjectNode n : all) {
          if (matches(
              n, q.getOrDefault("state", "open"), labels(q.get("labels")), q.get("since"))) {
            selected.add(n.deepCopy());
          }
        }
      }
      if ("updated".equals(q.get("sort"))) {
        Comparator<ObjectNode> c =
            Comparator.comparing((ObjectNode n) -> n.path("updated_at").asText())
                .thenComparingInt(n -> n.path("number").asInt());
        selected.sort("asc".equals(q.get("direction")) ? c : c.reversed());
      } else {
        selected.sort(
            Comparator.comparingInt((ObjectNode n) -> n.path("number").asInt()).reversed());
      }
      page(ex, pq, q, selected, null, remaining);
      return;
    }
    if (parts.length == 7
        && parts[1].equals("repos")
        && parts[4].equals("issues")
        && parts[6].equals("comments")) {
      List<ObjectNode> list;
      synchronized (this) {
        list =
            comments.getOrDefault(
                parts[2].toLowerCase(Locale.ROOT)
                    + "/"
                    + parts[3].toLowerCase(Locale.ROOT)
                    + "#"
                    + parts[5],
                List.of());
      }
      page(ex, pq, q, new ArrayList<>(list), null, remaining);
      return;
    }
    if (path.equals("/search/issues")) {
      search(ex, pq, q, remaining);
      return;
    }
    send(ex, 404, "{\"message\":\"Not Found\"}", null, remaining);
  }

  private void search(HttpExchange ex, String pq, Map<String, String> q, int remaining)
      throws IOException {
    String repo = null;
    String state = "all";
    List<String> labels = new ArrayList<>();
    String since = null;
    List<String> words = new ArrayList<>();
    for (String token : q.getOrDefault("q", "").split(" ")) {
      if (token.startsWith("repo:")) {
        repo = token.substring(5);
      } else if (token.startsWith("state:")) {
        state = token.substring(6);
      } else if (token.startsWith("label:")) {
        labels.add(token.substring(6).replace("\"", ""));
      } else if (token.startsWith("updated:>=")) {
        since = token.substring(10);
      } else if (!token.equals("is:issue") && !token.isBlank()) {
        words.add(token.toLowerCase(Locale.ROOT));
      }
    }
    List<ObjectNode> selected = new ArrayList<>();
    synchronized (this) {
      List<ObjectNode> all = repo == null ? null : items(repo);
      if (all == null) {
        send(ex, 422, "{\"message\":\"Validation Failed\"}", null, remaining);
        return;
      }
      for (ObjectNode n : all) {
        String text =
            (n.path("title").asText() + " " + n.path("body").asText()).toLowerCase(Locale.ROOT);
        boolean has = words.stream().allMatch(text::contains);
        if (!n.has("pull_request") && has && matches(n, state, labels, since)) {
          ObjectNode copy = n.deepCopy();
          copy.put("score", 1.0);
          selected.add(copy);
        }
      }
    }
    selected.sort(
        Comparator.comparing((ObjectNode n) -> n.path("updated_at").asText())
            .thenComparingInt(n -> n.path("number").asInt()));
    int total = selected.size();
    List<ObjectNode> capped = new ArrayList<>(selected.subList(0, Math.min(total, searchCap)));
    page(ex, pq, q, capped, total, remaining);
  }

  private static boolean matches(ObjectNode n, String state, List<String> labels, String since) {
    if (!state.equals("all") && !state.equals(n.path("state").asText())) {
      return false;
    }
    List<String> names = new ArrayList<>();
    n.path("labels").forEach(l -> names.add(l.path("name").asText()));
    if (!names.containsAll(labels)) {
      return false;
    }
    return since == null
        || !Instant.parse(n.path("updated_at").asText()).isBefore(Instant.parse(since));
  }

  private static List<String> labels(String value) {
    return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  private void page(
      HttpExchange ex,
      String pq,
      Map<String, String> q,
      List<ObjectNode> all,
      Integer searchTotal,
      int remaining)
      throws IOException {
    int per = Math.min(perPage, Integer.parseInt(q.getOrDefault("per_page", "30")));
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    int last = Math.max(1, (all.size() + per - 1) / per);
    List<ObjectNode> slice =
        all.subList(Math.min(all.size(), (page - 1) * per), Math.min(all.size(), page * per));
    String body;
    if (searchTotal != null) {
      ObjectNode root = JSON.createObjectNode();
      root.put("total_count", searchTotal);
      root.put("incomplete_results", false);
      root.putArray("items").addAll(slice);
      body = JSON.writeValueAsString(root);
    } else {
      ArrayNode arr = JSON.createArrayNode();
      arr.addAll(slice);
      body = JSON.writeValueAsString(arr);
    }
    StringBuilder link = new StringBuilder();
    if (page < last) {
      link.append("<").append(url()).append(withPage(pq, page + 1)).append(">; rel=\"next\", ");
      link.append("<").append(url()).append(withPage(pq, last)).append(">; rel=\"last\"");
    } else if (page > 1) {
      link.append("<").append(url()).append(withPage(pq, 1)).append(">; rel=\"first\"");
    }
    if (link.length() > 0) {
      ex.getResponseHeaders().add("Link", link.toString());
    }
    send(ex, 200, body, "W/\"" + sha(body) + "\"", remaining);
  }

  private static String withPage(String pq, int page) {
    String without = pq.replaceAll("([?&])page=\\d+&?", "$1").replaceAll("[?&]$", "");
    return without + (without.contains("?") ? "&" : "?") + "page=" + page;
  }

  private void send(HttpExchange ex, int status, String body, String etag, int remaining)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().add("X-RateLimit-Limit", "5000");
    ex.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(remaining));
    ex.getResponseHeaders()
        .add(
            "X-RateLimit-Reset",
            Long.toString(Instant.now().getEpochSecond() + (remaining == 0 ? 30 : 3600)));
    if (etag != null) {
      ex.getResponseHeaders().add("ETag", etag);
      if (status == 200 && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
        logged(ex, 304);
        ex.sendResponseHeaders(304, -1);
        return;
      }
    }
    logged(ex, status);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  private static String sha(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
