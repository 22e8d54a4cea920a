package org.labellens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.Evidence;
import org.labellens.io.TaxonomyReader;

/**
 * Compares two taxonomies on a JSONL dump of issues: per category, how many issues each labels, how
 * many both label, and how many only one does; optionally writes every issue's predictions and
 * evidence under both taxonomies as JSONL, for reading and analysis.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     org.labellens.bench.TaxonomyCompare ISSUES.jsonl study-v1 llm-serving-v2 [OUT.jsonl]
 * </pre>
 */
public final class TaxonomyCompare {

  private TaxonomyCompare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: TaxonomyCompare ISSUES.jsonl TAXONOMY_A TAXONOMY_B [OUT.jsonl]");
      System.exit(2);
    }
    TaxonomyReader reader = new TaxonomyReader();
    KeywordClassifier a = KeywordClassifier.forTaxonomy(reader.resolve(args[1]).taxonomy());
    KeywordClassifier b = KeywordClassifier.forTaxonomy(reader.resolve(args[2]).taxonomy());
    Dimension category = a.taxonomy().categoryDimension().orElseThrow();
    List<String> labels = new ArrayList<>(category.labelIds());
    labels.add("(none)");
    Map<String, int[]> counts = new LinkedHashMap<>();
    labels.forEach(l -> counts.put(l, new int[4]));
    int[] production = new int[4];
    ObjectMapper mapper = new ObjectMapper();
    int total = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintWriter out =
            args.length > 3
                ? new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))
                : null) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode issue = mapper.readTree(line);
        total++;
        List<String> issueLabels = new ArrayList<>();
        issue
            .path("labels")
            .forEach(l -> issueLabels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        IssueText text =
            new IssueText(
                issue.path("title").asText(""), issue.path("body").asText(""), issueLabels);
        Classification ra = a.classify(text);
        Classification rb = b.classify(text);
        for (String label : labels) {
          boolean inA =
              label.equals("(none)")
                  ? ra.labels(category.id()).isEmpty()
                  : ra.labels(category.id()).contains(label);
          boolean inB =
              label.equals("(none)")
                  ? rb.labels(category.id()).isEmpty()
                  : rb.labels(category.id()).contains(label);
          tally(counts.get(label), inA, inB);
        }
        if (ra.production() != null && rb.production() != null) {
          tally(production, ra.production(), rb.production());
        }
        if (out != null) {
          ObjectNode row = mapper.createObjectNode();
          row.put("repo", issue.path("repo").asText());
          row.put("number", issue.path("number").asInt());
          row.set("a", describe(mapper, ra, category.id()));
          row.set("b", describe(mapper, rb, category.id()));
          out.println(mapper.writeValueAsString(row));
        }
      }
    }
    System.out.printf(
        "%d issues; A = %s, B = %s%n", total, a.taxonomy().reference(), b.taxonomy().reference());
    System.out.printf(
        "%-14s %6s %6s %6s %7s %7s%n", "category", "A", "B", "both", "A only", "B only");
    counts.forEach((label, c) -> print(label, c));
    print("production", production);
  }

  private static void tally(int[] c, boolean inA, boolean inB) {
    c[0] += inA ? 1 : 0;
    c[1] += inB ? 1 : 0;
    c[2] += inA && inB ? 1 : 0;
    c[3] += inA && !inB ? 1 : 0;
  }

  private static void print(String label, int[] c) {
    System.out.printf("%-14s %6d %6d %6d %7d %7d%n", label, c[0], c[1], c[2], c[3], c[1] - c[2]);
  }

  private static ObjectNode describe(ObjectMapper mapper, Classification r, String category) {
    ObjectNode node = mapper.createObjectNode();
    ArrayNode set = node.putArray("categories");
    r.labels(category).forEach(set::add);
    node.put("primary", r.primary());
    if (r.production() != null) {
      node.put("production", r.production());
    }
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : r.evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("dimension", e.dimension());
      ev.put("label", e.label());
      ev.put("keyword", e.keyword());
      ev.put("field", e.field());
      ev.put("start", e.start());
      ev.put("end", e.end());
      ev.put("hits", e.hits());
    }
    return node;
  }
}
