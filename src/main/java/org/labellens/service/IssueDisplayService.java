package org.labellens.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.labellens.classify.BodyZones;
import org.labellens.classify.IssueText;
import org.labellens.classify.KeywordClassifier;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.model.Issue;
import org.labellens.core.model.IssueKey;
import org.labellens.core.model.Occurrence;
import org.labellens.core.model.RunInfo;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.io.TaxonomyReader;
import org.labellens.store.Repositories;

/**
 * Loads what the annotation window shows of a sampled issue: its text, the sample's classifier
 * prediction, every occurrence of the run's keywords (counted or not, with why) and the body's
 * zones. Occurrences are recomputed from the run's stored taxonomy (same content hash as the run),
 * so they are exactly what the classifier saw; the compiled classifier is kept per taxonomy.
 */
public final class IssueDisplayService {
  private final Repositories repos;
  private final IssueService issues;
  private final AnnotationService annotations;
  private final SampleService samples;
  private final Map<String, KeywordClassifier> classifiers = new ConcurrentHashMap<>();

  public IssueDisplayService(
      Repositories repos,
      IssueService issues,
      AnnotationService annotations,
      SampleService samples) {
    this.repos = repos;
    this.issues = issues;
    this.annotations = annotations;
    this.samples = samples;
  }

  /** The display of a sampled issue named by its key (the lead's queue knows keys, not ids). */
  public IssueDisplay display(String sample, IssueKey key) {
    long id =
        repos
            .read(tx -> repos.issues().idOf(tx, key))
            .orElseThrow(() -> new BadInputException("issue " + key + " is not in the project"));
    return display(sample, id);
  }

  public IssueDisplay display(String sample, long issueId) {
    Issue issue =
        issues
            .get(issueId)
            .orElseThrow(
                () -> new BadInputException("issue " + issueId + " is not in the project"));
    Map<String, DecisionValue> predicted = annotations.shownPrediction(sample, issue.key());
    Optional<KeywordClassifier> classifier = classifierOf(sample);
    if (classifier.isEmpty()) {
      return new IssueDisplay(issueId, issue, predicted, List.of(), List.of());
    }
    KeywordClassifier k = classifier.get().copy();
    List<IssueDisplay.Highlight> highlights = new ArrayList<>();
    for (Occurrence o : k.highlight(new IssueText(issue.title(), issue.body(), issue.labels()))) {
      String key = o.field().key();
      String field = key.startsWith("body") ? "body" : key;
      highlights.add(
          new IssueDisplay.Highlight(
              o.dimension(),
              o.label(),
              o.keyword(),
              field,
              o.start(),
              o.end(),
              o.status() == Occurrence.Status.COUNTED,
              why(o.status())));
    }
    List<IssueDisplay.Zone> zones = new ArrayList<>();
    for (BodyZones.Zone z : k.zones(issue.body()).toList()) {
      zones.add(
          new IssueDisplay.Zone(z.kind().name().toLowerCase(Locale.ROOT), z.start(), z.end()));
    }
    return new IssueDisplay(issueId, issue, predicted, highlights, zones);
  }

  private static String why(Occurrence.Status s) {
    return switch (s) {
      case COUNTED -> "";
      case BELOW_MIN_SCORE -> "too little evidence for the label";
      case IGNORED_FIELD -> "in text the taxonomy ignores (logs, environment, template)";
      case EXCLUDED -> "excluded by the rule (e.g. inside another word or a link)";
    };
  }

  /** The compiled classifier of the sample's keyword run, if it has one. */
  private Optional<KeywordClassifier> classifierOf(String sample) {
    SampleInfo info = samples.info(sample);
    if (info.run() == null) {
      return Optional.empty();
    }
    RunInfo run = issues.run(info.run());
    if (run.taxonomyHash() == null) {
      return Optional.empty();
    }
    KeywordClassifier cached = classifiers.get(run.taxonomyHash());
    if (cached != null) {
      return Optional.of(cached);
    }
    String content =
        repos
            .read(tx -> repos.runs().taxonomyContent(tx, run.taxonomyHash()))
            .orElseThrow(
                () -> new BadInputException("the taxonomy of run '" + run.name() + "' is missing"));
    KeywordClassifier compiled =
        KeywordClassifier.forTaxonomy(
            new TaxonomyReader().parse(content, "run " + run.name()).taxonomy());
    classifiers.put(run.taxonomyHash(), compiled);
    return Optional.of(compiled);
  }
}
