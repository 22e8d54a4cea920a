package org.labellens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotatorNames;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.core.validation.Adjudication;
import org.labellens.store.AnnotationStore;
import org.labellens.store.Database;
import org.labellens.store.IssueStore;
import org.labellens.store.ReviewStore;
import org.labellens.store.SampleStore;
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
  private final Database db;
  private final AnnotationService.SchemeSource schemes;

  public AdjudicationService(Database db, AnnotationService.SchemeSource schemes) {
    this.db = db;
    this.schemes = schemes;
  }

  /**
   * The items the lead is asked to look at, ordered by repo and number.
   *
   * @param includeDone also the items whose flagged dimensions are all adjudicated
   */
  public List<AdjudicationCase> queue(String sample, boolean includeDone) {
    SampleSnapshot s = db.read(tx -> SampleSnapshot.read(tx, sample, null, false, schemes));
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
    SampleSnapshot s = db.read(tx -> SampleSnapshot.read(tx, sample, null, false, schemes));
    for (ReviewStore.ItemRow row : s.items) {
      if (row.issue().equals(issue)) {
        return caseOf(s, row);
      }
    }
    throw new BadInputException("issue " + issue + " is not in sample '" + sample + "'");
  }

  /** Every adjudication ever made for an item, oldest first. */
  public List<Adjudication> history(String sample, IssueKey issue) {
    return db.read(
        tx -> {
          SampleInfo s =
              SampleStore.byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
          return ReviewStore.adjudicationHistory(tx, s.id(), s.name(), issueId(tx, s, issue));
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
    return db.write(
        tx -> {
          SampleInfo s =
              SampleStore.byName(tx, sample).orElseThrow(() -> SampleService.noSample(sample));
          long issueId = issueId(tx, s, issue);
          DecisionValue canonical = schemes.forSample(s).canonical(dimension, value);
          Adjudication a =
              new Adjudication(
                  s.name(),
                  issue,
                  dimension,
                  canonical,
                  note == null || note.isBlank() ? null : note,
                  lead,
                  now);
          ReviewStore.putAdjudication(tx, s.id(), issueId, a);
          return a;
        });
  }

  private static long issueId(Tx tx, SampleInfo s, IssueKey issue) {
    Optional<Long> id = IssueStore.idOf(tx, issue);
    if (id.isEmpty() || !AnnotationStore.inSample(tx, s.id(), id.get())) {
      throw new BadInputException("issue " + issue + " is not in sample '" + s.name() + "'");
    }
    return id.get();
  }

  static AdjudicationCase caseOf(SampleSnapshot s, ReviewStore.ItemRow row) {
    List<AdjudicationCase.DimensionState> states = new ArrayList<>();
    for (SchemeDimension d : s.scheme.dimensions()) {
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
