package org.labellens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Evidence;
import org.labellens.io.TaxonomyReader;

/**
 * Checks the built-in {@code study-v1} taxonomy against the study's own output: for every issue of
 * a study JSONL dump, the predicted category set ({@code other} when empty), the production flag,
 * the bug/perf flag and the matched keywords must equal {@code study_keyword_categories}, {@code
 * study_is_production}, {@code study_has_bug_label} and {@code study_keyword_hits}.
 *
 * <p>Not a unit test (it needs the study's data, which is not part of the project):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     org.labellens.bench.StudyCheck study-sample-issues.jsonl
 * </pre>
 */
public final class StudyCheck {

  private StudyCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: StudyCheck STUDY.jsonl");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    KeywordClassifier classifier =
        KeywordClassifier.forTaxonomy(new TaxonomyReader().builtIn("study-v1").taxonomy());
    int total = 0;
    int categoriesEqual = 0;
    int productionEqual = 0;
    int bugEqual = 0;
    int hitsEqual = 0;
    int allEqual = 0;
    List<String> failures = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode issue = mapper.readTree(line);
        total++;
        List<String> labels = new ArrayList<>();
        issue
            .path("labels")
            .forEach(l -> labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        Classification result =
            classifier.classify(
                new IssueText(
                    issue.path("title").asText(""), issue.path("body").asText(""), labels));
        List<String> categories = new ArrayList<>(result.labels("category"));
        if (categories.isEmpty()) {
          categories.add("other");
        }
        List<String> expected = new ArrayList<>();
        issue.path("study_keyword_categories").forEach(c -> expected.add(c.asText()));
        Map<String, Set<String>> hits = new TreeMap<>();
        for (Evidence e : result.evidence()) {
          if (e.dimension().equals("category")) {
            hits.computeIfAbsent(e.label(), k -> new LinkedHashSet<>()).add(e.keyword());
          }
        }
        Map<String, Set<String>> expectedHits = new TreeMap<>();
        issue
            .path("study_keyword_hits")
            .fields()
            .forEachRemaining(
                e -> {
                  Set<String> set = new LinkedHashSet<>();
                  e.getValue().forEach(k -> set.add(k.asText()));
                  expectedHits.put(e.getKey(), set);
                });
        boolean c = categories.equals(expected);
        boolean p = result.production() == issue.path("study_is_production").asBoolean();
        boolean b = result.bugPerf() == issue.path("study_has_bug_label").asBoolean();
        boolean h = hits.equals(expectedHits);
        categoriesEqual += c ? 1 : 0;
        productionEqual += p ? 1 : 0;
        bugEqual += b ? 1 : 0;
        hitsEqual += h ? 1 : 0;
        allEqual += c && p && b && h ? 1 : 0;
        if (!(c && p && b && h) && failures.size() < 20) {
          failures.add(
              issue.path("repo").asText()
                  + "#"
                  + issue.path("number").asText()
                  + ": categories "
                  + categories
                  + " vs "
                  + expected
                  + ", production "
                  + result.production()
                  + ", bug "
                  + result.bugPerf()
                  + ", hits "
                  + hits
                  + " vs "
                  + expectedHits);
        }
      }
    }
    System.out.printf("categories identical:      %d/%d%n", categoriesEqual, total);
    System.out.printf("production flag identical: %d/%d%n", productionEqual, total);
    System.out.printf("bug/perf flag identical:   %d/%d%n", bugEqual, total);
    System.out.printf("matched keywords identical: %d/%d%n", hitsEqual, total);
    System.out.printf("all identical:             %d/%d%n", allEqual, total);
    failures.forEach(System.out::println);
    System.exit(allEqual == total ? 0 : 1);
  }
}
