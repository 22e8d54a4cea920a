package org.labellens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.labellens.classify.BodyZones;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.BadInputException;
import org.labellens.core.model.Classification;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.Issue;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.model.TaxonomyDocument;
import org.labellens.io.TaxonomyReader;
import org.labellens.store.ClassifierRunStore;
import org.labellens.store.Repositories;
import org.labellens.store.Tx;

/**
 * Runs the keyword classifier over a project's issues and stores the run: the exact taxonomy
 * document (by content hash), and per issue its predicted labels, primary label, production and
 * bug/perf flags, and evidence. A run is written in one transaction: cancelled or failed, it leaves
 * nothing behind. Runs are never overwritten; each has its own name.
 */
public final class ClassifyService {
  /** The taxonomy used when none is named. */
  public static final String DEFAULT_TAXONOMY = "study-v1";

  private final Repositories repos;
  private final TaxonomyReader reader = new TaxonomyReader();

  public ClassifyService(Repositories repos) {
    this.repos = repos;
  }

  /** The built-in taxonomy names. */
  public List<String> builtInTaxonomies() {
    return TaxonomyReader.BUILT_IN;
  }

  /** A built-in taxonomy by name, or a taxonomy file by path (null: the default). */
  public TaxonomyDocument taxonomy(String nameOrPath) {
    return reader.resolve(nameOrPath == null ? DEFAULT_TAXONOMY : nameOrPath);
  }

  /**
   * Classifies every issue of the project and stores the run.
   *
   * @param taxonomy a built-in taxonomy name or a taxonomy file (null: {@value #DEFAULT_TAXONOMY})
   * @param runName the run's name (null: the taxonomy's name, suffixed -2, -3, ... when taken)
   * @throws BadInputException for a bad taxonomy, or a run name already taken
   */
  public ClassifyResult classify(
      String taxonomy, String runName, Progress progress, Cancellation cancellation) {
    TaxonomyDocument doc = taxonomy(taxonomy);
    Taxonomy t = doc.taxonomy();
    Dimension category =
        t.categoryDimension()
            .orElseThrow(
                () ->
                    new BadInputException(
                        "taxonomy "
                            + doc.source()
                            + " predicts no set of categories (a set dimension with 'match')"));
    String fallback =
        t.primaryDimension().map(Dimension::fallback).filter(f -> f != null).orElse("other");
    List<String> categories = new ArrayList<>(category.labelIds());
    if (!categories.contains(fallback)) {
      categories.add(fallback);
    }
    KeywordClassifier classifier = KeywordClassifier.forTaxonomy(t);
    String now = Instant.now().toString();
    return repos.writeBulk(
        tx -> {
          String name = runName != null ? runName : freeName(tx, t.name());
          long taxonomyId =
              repos
                  .runs()
                  .saveTaxonomy(
                      tx, t.name(), t.version(), doc.contentHash(), doc.canonicalJson(), now);
          long runId = repos.runs().createKeywordRun(tx, name, taxonomyId, doc.source(), now);
          int total = repos.issues().count(tx);
          Map<String, int[]> counts = new TreeMap<>();
          try (ClassifierRunStore.RunWriter writer = repos.runs().runWriter(tx, runId);
              ClassifyPipeline pipeline = ClassifyPipeline.start(repos, classifier, cancellation)) {
            for (List<ClassifyPipeline.Classified> chunk = pipeline.next();
                !chunk.isEmpty();
                chunk = pipeline.next()) {
              for (ClassifyPipeline.Classified classified : chunk) {
                cancellation.check();
                Classification result = classified.result();
                writer.add(classified.id(), result);
                int[] c =
                    counts.computeIfAbsent(
                        classified.issue().framework(), k -> new int[categories.size() + 1]);
                c[0]++;
                List<String> labels = result.labels(category.id());
                if (labels.isEmpty()) {
                  c[categories.indexOf(fallback) + 1]++;
                }
                for (String label : labels) {
                  c[categories.indexOf(label) + 1]++;
                }
                int done = writer.count();
                if (done % 256 == 0 || done == total) {
                  progress.update("classifying with " + t.reference(), done, total);
                }
              }
            }
            cancellation.check();
            writer.finish();
            return result(name, doc, categories, counts, writer.count());
          }
        });
  }

  /**
   * Every occurrence of the taxonomy's keywords and patterns in an issue, counted or not, for the
   * window to colour.
   */
  public List<Occurrence> highlight(TaxonomyDocument taxonomy, Issue issue) {
    return KeywordClassifier.forTaxonomy(taxonomy.taxonomy()).highlight(text(issue));
  }

  /** The body zones (prose, code, log, env, template) the taxonomy's rules see. */
  public List<BodyZones.Zone> zones(TaxonomyDocument taxonomy, String body) {
    return KeywordClassifier.forTaxonomy(taxonomy.taxonomy()).zones(body).toList();
  }

  /** Classifies one issue without storing anything (for previews and tests). */
  public Classification preview(TaxonomyDocument taxonomy, Issue issue) {
    return KeywordClassifier.forTaxonomy(taxonomy.taxonomy()).classify(text(issue));
  }

  private static IssueText text(Issue issue) {
    return new IssueText(issue.title(), issue.body(), issue.labels());
  }

  private String freeName(Tx tx, String base) {
    if (!repos.runs().runExists(tx, base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String name = base + "-" + n;
      if (!repos.runs().runExists(tx, name)) {
        return name;
      }
    }
  }

  private static ClassifyResult result(
      String name,
      TaxonomyDocument doc,
      List<String> categories,
      Map<String, int[]> counts,
      int total) {
    Map<String, Map<String, Integer>> byFramework = new LinkedHashMap<>();
    int[] all = new int[categories.size() + 1];
    counts.forEach(
        (framework, c) -> {
          byFramework.put(framework, row(categories, c));
          for (int i = 0; i < c.length; i++) {
            all[i] += c[i];
          }
        });
    return new ClassifyResult(
        name,
        doc.taxonomy().reference(),
        doc.contentHash(),
        doc.source(),
        total,
        categories,
        Collections.unmodifiableMap(byFramework),
        row(categories, all));
  }

  private static Map<String, Integer> row(List<String> categories, int[] c) {
    Map<String, Integer> row = new LinkedHashMap<>();
    row.put("issues", c[0]);
    for (int i = 0; i < categories.size(); i++) {
      row.put(categories.get(i), c[i + 1]);
    }
    return Collections.unmodifiableMap(row);
  }
}
