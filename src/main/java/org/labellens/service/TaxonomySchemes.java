package org.labellens.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.model.Dimension;
import org.labellens.core.model.RunInfo;
import org.labellens.core.model.Taxonomy;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.io.TaxonomyReader;
import org.labellens.store.Repositories;

/**
 * The annotation scheme of a sample: the dimensions of its run's stored taxonomy (their kinds and
 * labels, in taxonomy order), with the default reason codes. The study's taxonomy, a sample without
 * a run or a run without a stored taxonomy (imported labels) get {@link
 * AnnotationScheme#STUDY_DEFAULT}. Schemes are kept per taxonomy content.
 */
final class TaxonomySchemes implements AnnotationService.SchemeSource {
  private final Repositories repos;
  private final IssueService issues;
  private final Map<String, AnnotationScheme> byHash = new ConcurrentHashMap<>();

  TaxonomySchemes(Repositories repos, IssueService issues) {
    this.repos = repos;
    this.issues = issues;
  }

  @Override
  public AnnotationScheme forSample(SampleInfo sample) {
    if (sample == null || sample.run() == null) {
      return AnnotationScheme.STUDY_DEFAULT;
    }
    RunInfo run = issues.run(sample.run());
    if (run == null || run.taxonomyHash() == null) {
      return AnnotationScheme.STUDY_DEFAULT;
    }
    return byHash.computeIfAbsent(
        run.taxonomyHash(),
        hash ->
            repos
                .read(tx -> repos.runs().taxonomyContent(tx, hash))
                .map(
                    content ->
                        scheme(new TaxonomyReader().parse(content, "run " + run.name()).taxonomy()))
                .orElse(AnnotationScheme.STUDY_DEFAULT));
  }

  /** The scheme of {@code t}; the study's own taxonomy keeps the study's scheme. */
  static AnnotationScheme scheme(Taxonomy t) {
    AnnotationScheme study = AnnotationScheme.STUDY_DEFAULT;
    if ((t.name() + "@" + t.version()).equals(study.reference())) {
      return study;
    }
    List<SchemeDimension> dims = new ArrayList<>();
    for (Dimension d : t.dimensions()) {
      ValueKind kind = ValueKind.fromKey(d.kind().key()).orElse(null);
      List<String> labels = new ArrayList<>(d.labelIds());
      if (labels.isEmpty() && d.derivedFrom() != null) {
        t.dimensions().stream()
            .filter(from -> from.id().equals(d.derivedFrom()))
            .findFirst()
            .ifPresent(from -> labels.addAll(from.labelIds()));
      }
      if (kind == ValueKind.TEXT) {
        dims.add(new SchemeDimension(d.id(), kind, List.of()));
      } else if (kind != null && !labels.isEmpty()) {
        if (d.fallback() != null && !labels.contains(d.fallback())) {
          labels.add(d.fallback());
        }
        dims.add(new SchemeDimension(d.id(), kind, List.copyOf(labels)));
      }
    }
    return dims.isEmpty()
        ? study
        : new AnnotationScheme(t.name(), t.version(), dims, AnnotationScheme.DEFAULT_REASON_CODES);
  }
}
