package org.labellens.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.labellens.core.JsonText;

/**
 * Random JSON documents shaped like issue dumps, with every field's value of the right type or of
 * any other: numbers where strings belong, objects where labels belong, huge and negative numbers,
 * deep nesting, pull-request markers, unknown keys, and top-level values that are not issues at
 * all. The text is always well-formed JSON, so a reader's type checks, not its parser, are tested.
 */
public final class JsonTrees {
  private static final List<String> ISSUE_KEYS =
      List.of(
          "number",
          "title",
          "body",
          "labels",
          "state",
          "created_at",
          "closed_at",
          "createdAt",
          "closedAt",
          "html_url",
          "url",
          "repository_url",
          "repo",
          "user",
          "author",
          "comments",
          "pull_request",
          "items",
          "issues",
          "metadata",
          "cls",
          "reactions");

  private JsonTrees() {}

  /** Strings a reader must keep intact or refuse clearly. */
  public static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(6).map(JsonTrees::withoutLoneSurrogates),
        Arbitraries.of(
            "",
            " ",
            "a/b",
            "vllm-project/vllm",
            "ggerganov/llama.cpp",
            "not a repo",
            "https://github.com/a/b/issues/1",
            "https://api.github.com/repos/a/b",
            "https://github.com/",
            "2024-07-08T04:40:38+02:00",
            "2024-13-45T99:99:99Z",
            "yesterday",
            "OPEN",
            "closed",
            "bug",
            "x\u0000y",
            "🚀🔥",
            "عربى עברית",
            "<script>alert('x')</script>",
            "=SUM(A1:A2)",
            "line\r\nbreak",
            "\uFEFF"));
  }

  /** Any JSON value, nested up to {@code depth}. */
  public static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            text().map(JsonText::string),
            Arbitraries.integers().map(Object::toString),
            Arbitraries.longs().map(Object::toString),
            Arbitraries.of(
                "0",
                "-1",
                "1",
                "2147483647",
                "2147483648",
                "-2147483649",
                "99999999999999999999999999",
                "1.5",
                "-0.0",
                "1e308",
                "1e999",
                "true",
                "false",
                "null"));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> array =
        Arbitraries.lazy(() -> value(depth - 1))
            .list()
            .ofMaxSize(3)
            .map(items -> "[" + String.join(", ", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(ISSUE_KEYS), Arbitraries.of("name", "login", "x"))
                    .list()
                    .uniqueElements()
                    .ofMaxSize(3),
                Arbitraries.lazy(() -> value(depth - 1)).list().ofSize(3))
            .as(JsonTrees::object);
    return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(2, array), Tuple.of(2, object));
  }

  /** An issue-like object: each known field present or not, its value right or of any type. */
  public static Arbitrary<String> issueObject() {
    Arbitrary<List<String>> right =
        Arbitraries.of(
                "\"number\": 7",
                "\"title\": \"a title\"",
                "\"body\": \"a body\"",
                "\"labels\": [{\"name\": \"bug\"}, \"gpu\"]",
                "\"state\": \"open\"",
                "\"created_at\": \"2024-07-08T04:40:38+02:00\"",
                "\"repo\": \"a/b\"",
                "\"html_url\": \"https://github.com/a/b/issues/7\"",
                "\"user\": {\"login\": \"someone\"}",
                "\"comments\": 3")
            .list()
            .uniqueElements()
            .ofMaxSize(10);
    Arbitrary<String> wrong =
        Combinators.combine(Arbitraries.of(ISSUE_KEYS), value(3))
            .as((k, v) -> JsonText.string(k) + ": " + v);
    return Combinators.combine(right, wrong.list().ofMaxSize(4))
        .as(
            (good, bad) -> {
              // a wrong value replaces the right one of the same key: duplicates are another test
              List<String> fields = new ArrayList<>();
              for (String g : good) {
                String key = g.substring(0, g.indexOf(':'));
                if (bad.stream().noneMatch(b -> b.startsWith(key + ":"))) {
                  fields.add(g);
                }
              }
              List<String> seen = new ArrayList<>();
              for (String b : bad) {
                String key = b.substring(0, b.indexOf(':'));
                if (!seen.contains(key)) {
                  seen.add(key);
                  fields.add(b);
                }
              }
              return "{" + String.join(", ", fields) + "}";
            });
  }

  /** A whole document: REST pages, a wrapper, JSONL lines, or any value at the top. */
  public static Arbitrary<String> document() {
    Arbitrary<List<String>> objects = issueObject().list().ofMaxSize(4);
    return Arbitraries.oneOf(
        objects.map(o -> "[" + String.join(",\n", o) + "]"),
        objects.list().ofMinSize(2).ofMaxSize(3).map(JsonTrees::pages),
        objects.map(o -> "{\"metadata\": {\"n\": 1}, \"items\": [" + String.join(", ", o) + "]}"),
        objects.map(o -> String.join("\n", o) + "\n"),
        value(4));
  }

  private static String pages(List<List<String>> pages) {
    StringBuilder sb = new StringBuilder();
    for (List<String> page : pages) {
      sb.append('[').append(String.join(", ", page)).append("]\n");
    }
    return sb.toString();
  }

  private static String object(List<String> keys, List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(JsonText.string(keys.get(i))).append(": ").append(values.get(i));
    }
    return sb.append('}').toString();
  }

  private static String withoutLoneSurrogates(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
