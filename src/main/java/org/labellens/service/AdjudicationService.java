package org.labellens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.AnnotatorNames;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.Adjudication;
import org.labellens.store.Repositories;
import org.labellens.store.ReviewStore;
import org.labellens.store.Tx;

/**
 * The lead's adjudication: the queue of items where annotators disagree (on any dimension) or
 * someone was unsure, each with every decision side by side and the classifier's prediction and
 * evidence; and the adjudication itself, which sets an item's gold on one dimension.
 *
 * <p>An adjudication is validated against the sample's scheme like any decision, and written with
 * its history row in one write transaction. The latest adjudication of a (sample, issue, dimension)
 * is its gold; the history keeps every earlier one. Every method blocks: call them off the FX
 * thread.
 */
public final class AdjudicationService {
  private final Repositories repos;
  private final AnnotationService.SchemeSource schemes;

  public AdjudicationService(Repositories repos, AnnotationService.SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /**
   * The items the lead is asked to look at, ordered by repo and number.
   *
   * @param includeDone also the items whose flagged dimensions are all adjudicated
   */
  public List<AdjudicationCase> queue(String sample, boolean includeDone) {
    SampleSnapshot s =
        repos.read(tx -> SampleSnapshot.read(repos, tx, sample, null, false, schemes));
    List<AdjudicationCase> out = new ArrayList<>();
    for (ReviewStore.ItemRow row : s.items) {
      AdjudicationCase c = caseOf(s, row);
      if (c.flagged() && (includeDone || c.open())) {
        out.add(c);
      }
    }
    return out;
  }

  /** One sampled item, flagged or not. */
  public AdjudicationCase item(String sample, IssueKey issue) {
    SampleSnapshot s =
        repos.read(tx -> SampleSnapshot.read(repos, tx, sample, null, false, schemes));
    for (ReviewStore.ItemRow row : s.items) {
      if (row.issue().equals(issue)) {
        return caseOf(s, row);
      }
    }
    throw new BadInputException("issue " + issue + " is not in sample '" + sample + "'");
  }

  /** Every adjudication ever made for an item, oldest first. */
  public List<Adjudication> history(String sample, IssueKey issue) {
    return repos.read(
        tx -> {
          SampleInfo s =
              repos.samples().byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
          return repos.reviews().adjudicationHistory(tx, s.id(), s.name(), issueId(tx, s, issue));
        });
  }

  /**
   * Sets the gold value of one dimension of one sampled item.
   *
   * @param value the value (a set for a set-valued dimension), checked against the scheme
   * @param note why, or null
   * @param lead who decides (a name like an annotator's)
   * @return the adjudication as stored
   * @throws BadInputException for an unknown sample, issue, dimension or label, or a bad name;
   *     nothing is written then
   */
  public Adjudication adjudicate(
      String sample,
      IssueKey issue,
      String dimension,
      DecisionValue value,
      String note,
      String lead) {
    AnnotatorNames.check(lead);
    String now = DecisionTime.format(Instant.now());
    return repos.write(
        tx -> {
          SampleInfo s =
              repos.samples().byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
          long issueId = issueId(tx, s, issue);
          AnnotationScheme scheme = schemes.forSample(s);
          scheme.requireCategorical(dimension);
          DecisionValue canonical = scheme.canonical(dimension, value);
          Adjudication a =
              new Adjudication(
                  s.name(),
                  issue,
                  dimension,
                  canonical,
                  note == null || note.isBlank() ? null : note,
                  lead,
                  now);
          repos.reviews().putAdjudication(tx, s.id(), issueId, a);
          return a;
        });
  }

  private long issueId(Tx tx, SampleInfo s, IssueKey issue) {
    Optional<Long> id = repos.issues().idOf(tx, issue);
    if (id.isEmpty() || !repos.annotations().inSample(tx, s.id(), id.get())) {
      throw new BadInputException("issue " + issue + " is not in sample '" + s.name() + "'");
    }
    return id.get();
  }

  static AdjudicationCase caseOf(SampleSnapshot s, ReviewStore.ItemRow row) {
    List<AdjudicationCase.DimensionState> states = new ArrayList<>();
    for (SchemeDimension d : s.scheme.categorical()) {
      Map<String, Decision> fin = s.finalDecisions(row.issue(), d.id());
      if (fin.isEmpty() && s.adjudication(row.issue(), d.id()) == null) {
        continue;
      }
      boolean disagree =
          new HashSet<>(fin.values().stream().map(x -> new HashSet<>(x.value().labels())).toList())
                  .size()
              > 1;
      boolean unsure = fin.values().stream().anyMatch(Decision::unsure);
      states.add(
          new AdjudicationCase.DimensionState(
              d.id(),
              disagree,
              unsure,
              s.gold(row.issue(), d),
              s.adjudication(row.issue(), d.id())));
    }
    List<Decision> decisions = new ArrayList<>(s.decisions(row.issue()));
    decisions.sort(Decision.BY_ANNOTATOR_DIMENSION_PHASE);
    var runItem = s.runItem(row);
    return new AdjudicationCase(
        row.issue(),
        row.title(),
        row.url(),
        row.framework(),
        row.stratum().label(),
        row.overlap(),
        decisions,
        s.predicted(row),
        runItem == null ? List.of() : runItem.evidence(),
        states);
  }
}
