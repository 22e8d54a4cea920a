package org.labellens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.model.Classification;
import org.labellens.io.TaxonomyReader;

/**
 * Throughput of the keyword classifier on one thread.
 *
 * <p>Resamples (with replacement, seeded) a corpus of study-like issues from a JSONL dump of real
 * issues given on the command line (the data is not part of the project), then classifies the whole
 * corpus repeatedly with each taxonomy and prints the median MB/s, where MB is 10^6 bytes of UTF-8
 * title and body text:
 *
 * <pre>
 * taskset -c 0 java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     org.labellens.bench.ClassifierBench study-sample-issues.jsonl [issues] [repetitions]
 * </pre>
 */
public final class ClassifierBench {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ClassifierBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ClassifierBench ISSUES.jsonl [issues=12349] [repetitions=7]");
      System.exit(2);
    }
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 12_349;
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    List<String> taxonomies =
        args.length > 3 ? List.of(args[3].split(",")) : TaxonomyReader.BUILT_IN;
    List<IssueText> source = read(Path.of(args[0]));
    Random random = new Random(20_250_718L);
    List<IssueText> corpus = new ArrayList<>(size);
    long bytes = 0;
    long chars = 0;
    for (int i = 0; i < size; i++) {
      IssueText issue = source.get(random.nextInt(source.size()));
      corpus.add(issue);
      bytes += issue.title().getBytes(StandardCharsets.UTF_8).length;
      bytes += issue.body().getBytes(StandardCharsets.UTF_8).length;
      chars += issue.title().length() + issue.body().length();
    }
    System.out.printf(
        "corpus: %d issues resampled from %d, %.1f MB UTF-8 (%.1f M chars)%n",
        size, source.size(), bytes / 1e6, chars / 1e6);
    TaxonomyReader reader = new TaxonomyReader();
    for (String name : taxonomies) {
      KeywordClassifier classifier = KeywordClassifier.forTaxonomy(reader.resolve(name).taxonomy());
      long sink = 0;
      for (int w = 0; w < 3; w++) {
        sink += run(classifier, corpus);
      }
      double[] seconds = new double[repetitions];
      double[] cpu = new double[repetitions];
      for (int r = 0; r < repetitions; r++) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sink += run(classifier, corpus);
        seconds[r] = (System.nanoTime() - t0) / 1e9;
        cpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
      }
      double median = median(seconds);
      double cpuMedian = median(cpu);
      System.out.printf(
          "%-16s wall: median %.3f s = %.0f MB/s (%.0f issues/s), min %.3f s = %.0f MB/s;"
              + "  thread CPU: median %.3f s = %.0f MB/s  (%d reps; check %d)%n",
          name,
          median,
          bytes / 1e6 / median,
          size / median,
          min(seconds),
          bytes / 1e6 / min(seconds),
          cpuMedian,
          bytes / 1e6 / cpuMedian,
          repetitions,
          sink);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static long run(KeywordClassifier classifier, List<IssueText> corpus) {
    long evidence = 0;
    for (IssueText issue : corpus) {
      Classification result = classifier.classify(issue);
      evidence += result.evidence().size();
    }
    return evidence;
  }

  static List<IssueText> read(Path path) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<IssueText> issues = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = mapper.readTree(line);
        List<String> labels = new ArrayList<>();
        node.path("labels")
            .forEach(l -> labels.add(l.isTextual() ? l.asText() : l.path("name").asText()));
        issues.add(
            new IssueText(node.path("title").asText(""), node.path("body").asText(""), labels));
      }
    }
    return issues;
  }
}
