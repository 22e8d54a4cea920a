package org.labellens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationQueue;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.AnnotatorProgress;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionTime;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.InvalidDecisionException;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.MadeBy;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.model.IssueKey;
import org.labellens.core.model.Prediction;
import org.labellens.core.sampling.SampleInfo;
import org.labellens.store.AnnotationStore;
import org.labellens.store.Repositories;
import org.labellens.store.RunQueries;
import org.labellens.store.Tx;

/**
 * The one path every annotation decision takes: the window, the simulated annotator and imported
 * exchange files all record through here, with the same validation.
 *
 * <p>Recording a decision appends it to the append-only log ({@code annotation_event}) and updates
 * the current decision of its (sample, issue, annotator, dimension, phase) in the same write
 * transaction. The current decision is the latest by decision time, ties broken by the larger event
 * key; because that is a property of the set of events, not of their arrival order, merging
 * exchange files in any order gives the same project. A decision whose event key is already in the
 * log is a repeat and adds nothing.
 *
 * <p>A live decision (window or simulation) is made now: if its time is not after the current
 * decision's (a clock step back, or two decisions in one microsecond), it is recorded one
 * microsecond after it, so the annotator's latest word always wins.
 *
 * <p>An item is <em>decided</em> for an annotator when it has a revealed-phase decision; in a
 * blind-first sample the blind decisions come first. A skipped item returns at the end of the
 * queue; deciding it clears the skip.
 *
 * <p>Every method blocks until its read or write is done (writes run on the database's writer
 * thread): call them off the FX thread, through the window's background executor.
 */
public final class AnnotationService {

  /**
   * Supplies the scheme a sample's decisions are validated against. The default gives the study's
   * taxonomy (docs/taxonomy-format.md, "The study's taxonomy") to every sample; a source that reads
   * the sample's taxonomy (from its run) replaces it where taxonomies are stored.
   */
  @FunctionalInterface
  public interface SchemeSource {
    AnnotationScheme forSample(SampleInfo sample);

    SchemeSource DEFAULT = sample -> AnnotationScheme.STUDY_DEFAULT;
  }

  /**
   * What recording one decision did.
   *
   * @param decision the decision as stored (canonical value, time and taxonomy filled in)
   * @param eventKey its key in the log
   * @param newEvent false when the log had this exact decision already
   * @param current whether it is now the current decision
   */
  public record Recorded(Decision decision, String eventKey, boolean newEvent, boolean current) {}

  private final Repositories repos;
  private final SchemeSource schemes;

  public AnnotationService(Repositories repos) {
    this(repos, SchemeSource.DEFAULT);
  }

  public AnnotationService(Repositories repos, SchemeSource schemes) {
    this.repos = repos;
    this.schemes = schemes;
  }

  /** Where this service finds each sample's scheme (for services that read samples). */
  SchemeSource schemes() {
    return schemes;
  }

  /** Records one decision made in the window. */
  public Recorded record(Decision decision) {
    return record(decision, DecisionOrigin.WINDOW);
  }

  public Recorded record(Decision decision, DecisionOrigin origin) {
    try {
      return decideAll(List.of(decision), origin).get(0);
    } catch (InvalidDecisionException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** Records several decisions made in the window (e.g. every dimension of an item) at once. */
  public List<Recorded> decideAll(List<Decision> decisions) {
    return decideAll(decisions, DecisionOrigin.WINDOW);
  }

  /**
   * Records decisions in one write transaction: all of them, or (on any invalid decision) none.
   *
   * @throws InvalidDecisionException naming the decision (its index) and field at fault
   */
  public List<Recorded> decideAll(List<Decision> decisions, DecisionOrigin origin) {
    return decideAll(
        decisions, origin, java.util.Collections.nCopies(decisions.size(), MadeBy.of(origin)));
  }

  /**
   * Records decisions as {@link #decideAll(List, DecisionOrigin)} does, each with who made it (an
   * exchange file says so per line).
   */
  public List<Recorded> decideAll(
      List<Decision> decisions, DecisionOrigin origin, List<MadeBy> madeBy) {
    if (madeBy.size() != decisions.size()) {
      throw new IllegalArgumentException("one maker per decision");
    }
    if (decisions.isEmpty()) {
      return List.of();
    }
    String recordedAt = DecisionTime.format(Instant.now());
    return repos.write(
        tx -> {
          Resolver resolver = new Resolver(tx);
          List<Recorded> out = new ArrayList<>(decisions.size());
          for (int i = 0; i < decisions.size(); i++) {
            out.add(
                recordOne(tx, resolver, i, decisions.get(i), origin, madeBy.get(i), recordedAt));
          }
          return out;
        });
  }

  private Recorded recordOne(
      Tx tx,
      Resolver resolver,
      int index,
      Decision d,
      DecisionOrigin origin,
      MadeBy madeBy,
      String at) {
    SampleContext sample = resolver.sample(index, d.sample());
    Optional<Long> issueId = resolver.issueId(d.issue());
    if (issueId.isEmpty() || !repos.annotations().inSample(tx, sample.info.id(), issueId.get())) {
      throw new InvalidDecisionException(
          index, "number", "issue " + d.issue() + " is not in sample '" + d.sample() + "'");
    }
    long annotatorId =
        resolver
            .annotatorId(d.annotator())
            .orElseThrow(
                () ->
                    new InvalidDecisionException(
                        index,
                        "annotator",
                        "annotator '"
                            + d.annotator()
                            + "' has no assignment in sample '"
                            + d.sample()
                            + "'"));
    AnnotationStore.Refs refs =
        new AnnotationStore.Refs(sample.info.id(), issueId.get(), annotatorId);
    if (repos.annotations().position(tx, refs).isEmpty()) {
      throw new InvalidDecisionException(
          index,
          "annotator",
          "issue "
              + d.issue()
              + " is not assigned to annotator '"
              + d.annotator()
              + "' in sample '"
              + d.sample()
              + "'");
    }
    Decision checked = validate(index, sample, d);
    if (origin.isLive() && checked.taxonomy() == null) {
      checked = checked.withTaxonomy(sample.scheme.reference());
    }
    Optional<AnnotationStore.Current> current =
        repos.annotations().current(tx, refs, checked.dimension(), checked.phase());
    if (origin.isLive() && current.isPresent()) {
      Instant previous = DecisionTime.parse(current.get().decidedAt());
      if (!checked.decidedAt().isAfter(previous)) {
        checked = checked.withDecidedAt(DecisionTime.after(previous));
      }
    }
    String key = checked.eventKey();
    Optional<Long> existing = repos.annotations().eventId(tx, key);
    if (existing.isPresent()) {
      boolean isCurrent = current.isPresent() && current.get().eventId() == existing.get();
      return new Recorded(checked, key, false, isCurrent);
    }
    long eventId = repos.annotations().appendEvent(tx, refs, checked, key, origin, madeBy, at);
    boolean wins =
        current.isEmpty()
            || isLater(
                DecisionTime.format(checked.decidedAt()),
                key,
                current.get().decidedAt(),
                current.get().eventKey());
    if (wins) {
      repos.annotations().putDecision(tx, refs, checked, eventId, madeBy);
    }
    repos.annotations().clearSkip(tx, refs);
    return new Recorded(checked, key, true, wins);
  }

  /** Later time wins; at the same time the larger event key wins. */
  static boolean isLater(String at, String key, String otherAt, String otherKey) {
    int byTime = at.compareTo(otherAt);
    return byTime != 0 ? byTime > 0 : key.compareTo(otherKey) > 0;
  }

  private static Decision validate(int index, SampleContext sample, Decision d) {
    AnnotationScheme scheme = sample.scheme;
    DecisionValue value;
    try {
      scheme.require(d.dimension());
    } catch (BadInputException e) {
      throw new InvalidDecisionException(index, "dimension", e.getMessage());
    }
    try {
      value = scheme.canonical(d.dimension(), d.value());
    } catch (BadInputException e) {
      throw new InvalidDecisionException(index, "value", e.getMessage());
    }
    if (d.phase() == Phase.BLIND && !sample.info.blindFirst()) {
      throw new InvalidDecisionException(
          index,
          "phase",
          "sample '"
              + sample.info.name()
              + "' is not blind-first: its decisions are made with the classifier shown"
              + " (phase 'revealed')");
    }
    if (d.phase() == Phase.BLIND && d.predicted() != null) {
      throw new InvalidDecisionException(
          index, "predicted", "a blind decision was made without the prediction: it must be null");
    }
    try {
      scheme.checkReason(d.reason());
    } catch (BadInputException e) {
      throw new InvalidDecisionException(index, "reason", e.getMessage());
    }
    if (d.seconds() != null && !(d.seconds() >= 0 && Double.isFinite(d.seconds()))) {
      throw new InvalidDecisionException(
          index, "seconds", "time on task must be a number of seconds, 0 or more");
    }
    return d.withValue(value);
  }

  /** The samples in which the annotator has items, oldest first (for choosing what to work on). */
  public List<SampleInfo> samplesOf(String annotator) {
    return repos.read(tx -> repos.samples().assignedTo(tx, annotator));
  }

  /** An annotator's queue for a sample, with item states and where to resume. */
  public AnnotationQueue queue(String sample, String annotator) {
    return repos.read(
        tx -> {
          SampleInfo s = repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample));
          long annotatorId = assignedAnnotator(tx, s, annotator);
          List<AnnotationStore.QueueRow> rows = repos.annotations().queue(tx, s.id(), annotatorId);
          List<QueueItem> inOrder = new ArrayList<>();
          List<AnnotationStore.QueueRow> skipped = new ArrayList<>();
          int decided = 0;
          for (AnnotationStore.QueueRow r : rows) {
            if (r.revealedDecided()) {
              decided++;
            }
            if (!r.revealedDecided() && r.skippedAt() != null) {
              skipped.add(r);
            } else {
              inOrder.add(item(r, r.revealedDecided() ? ItemState.DECIDED : ItemState.PENDING));
            }
          }
          skipped.sort(
              (a, b) -> {
                int byTime = a.skippedAt().compareTo(b.skippedAt());
                return byTime != 0 ? byTime : Integer.compare(a.position(), b.position());
              });
          for (AnnotationStore.QueueRow r : skipped) {
            inOrder.add(item(r, ItemState.SKIPPED));
          }
          int resume = -1;
          for (int i = 0; i < inOrder.size(); i++) {
            if (inOrder.get(i).state() != ItemState.DECIDED) {
              resume = i;
              break;
            }
          }
          AnnotatorProgress progress =
              new AnnotatorProgress(annotator, rows.size(), decided, skipped.size());
          return new AnnotationQueue(sample, annotator, s.blindFirst(), inOrder, resume, progress);
        });
  }

  private static QueueItem item(AnnotationStore.QueueRow r, ItemState state) {
    return new QueueItem(
        r.position(),
        r.issueId(),
        r.issue(),
        r.framework(),
        r.title(),
        r.overlap(),
        state,
        r.blindDecided());
  }

  /**
   * The annotator's current decisions for an item (every dimension and phase), to show them when
   * the annotator goes back to it.
   */
  public List<Decision> decisions(String sample, String annotator, IssueKey issue) {
    return repos.read(
        tx -> repos.annotations().currentDecisions(tx, assignedRefs(tx, sample, annotator, issue)));
  }

  /**
   * Every current decision of a sample: each (issue, annotator, dimension, phase) once, ordered by
   * repo, number, annotator, dimension and phase.
   */
  public List<Decision> sampleDecisions(String sample) {
    return repos.read(
        tx ->
            repos
                .annotations()
                .currentDecisions(
                    tx,
                    repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample)).id()));
  }

  /**
   * Each annotator's final word per (issue, dimension) in a sample: the revealed decision where
   * there is one, else the blind one. This is what agreement and gold derivation count
   * (docs/validation.md, "Gold").
   */
  public List<Decision> finalDecisions(String sample) {
    Map<List<Object>, Decision> last = new LinkedHashMap<>();
    for (Decision d : sampleDecisions(sample)) {
      List<Object> key = List.of(d.issue(), d.annotator(), d.dimension());
      Decision seen = last.get(key);
      if (seen == null || d.phase() == Phase.REVEALED) {
        last.put(key, d);
      }
    }
    return new ArrayList<>(last.values());
  }

  /** Skips an item: it returns at the end of the queue. A decided item cannot be skipped. */
  public void skip(String sample, String annotator, IssueKey issue) {
    String now = DecisionTime.format(Instant.now());
    repos.write(
        tx -> {
          AnnotationStore.Refs refs = assignedRefs(tx, sample, annotator, issue);
          if (repos.annotations().decided(tx, refs)) {
            throw new BadInputException(
                "issue " + issue + " is already decided by '" + annotator + "': nothing to skip");
          }
          repos.annotations().skip(tx, refs, now);
          return null;
        });
  }

  /** The scheme (dimensions, labels, reason codes) decisions in this sample are checked against. */
  public AnnotationScheme scheme(String sample) {
    return schemes.forSample(sampleInfo(sample));
  }

  /**
   * What the sample's classifier run says about an issue, per dimension, as an annotator is shown
   * it in the revealed phase (and records as {@code predicted}): {@code category} (the set), {@code
   * primary} (the primary category), {@code production} (yes/no, where the run has production
   * flags), and any other predicted dimension. Empty without a run or when the run does not cover
   * the issue.
   */
  public Map<String, DecisionValue> shownPrediction(String sample, IssueKey issue) {
    return repos.read(
        tx -> {
          SampleInfo s = repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample));
          if (s.runId() == null) {
            return Map.of();
          }
          long issueId =
              repos
                  .issues()
                  .idOf(tx, issue)
                  .orElseThrow(
                      () -> new BadInputException("no issue " + issue + " in the project"));
          Optional<Prediction> prediction;
          try (RunQueries.PredictionReader reader =
              repos.runQueries().predictionReader(tx, s.runId())) {
            prediction = reader.forIssue(issueId);
          }
          if (prediction.isEmpty()) {
            return Map.of();
          }
          Map<String, DecisionValue> shown = new LinkedHashMap<>();
          List<String> categories = prediction.get().labels().getOrDefault("category", List.of());
          shown.put("category", DecisionValue.set(categories));
          shown.put("primary", DecisionValue.single(prediction.get().primary()));
          repos
              .annotations()
              .productionFlag(tx, s.runId(), issueId)
              .ifPresent(f -> shown.put("production", DecisionValue.single(f == 1 ? "yes" : "no")));
          prediction.get().labels().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .filter(e -> !shown.containsKey(e.getKey()))
              .forEach(
                  e ->
                      shown.put(
                          e.getKey(),
                          e.getValue().size() == 1
                              ? DecisionValue.single(e.getValue().get(0))
                              : DecisionValue.set(e.getValue())));
          return shown;
        });
  }

  /** Each annotator's progress in a sample. */
  public List<AnnotatorProgress> progress(String sample) {
    return repos.read(
        tx ->
            repos
                .samples()
                .progress(
                    tx,
                    repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample)).id()));
  }

  private SampleInfo sampleInfo(String sample) {
    return repos.read(tx -> repos.samples().byName(tx, sample)).orElseThrow(() -> noSample(sample));
  }

  private AnnotationStore.Refs assignedRefs(
      Tx tx, String sample, String annotator, IssueKey issue) {
    SampleInfo s = repos.samples().byName(tx, sample).orElseThrow(() -> noSample(sample));
    long annotatorId = assignedAnnotator(tx, s, annotator);
    Optional<Long> issueId = repos.issues().idOf(tx, issue);
    if (issueId.isEmpty() || !repos.annotations().inSample(tx, s.id(), issueId.get())) {
      throw new BadInputException("issue " + issue + " is not in sample '" + sample + "'");
    }
    AnnotationStore.Refs refs = new AnnotationStore.Refs(s.id(), issueId.get(), annotatorId);
    if (repos.annotations().position(tx, refs).isEmpty()) {
      throw new BadInputException(
          "issue "
              + issue
              + " is not assigned to annotator '"
              + annotator
              + "' in sample '"
              + sample
              + "'");
    }
    return refs;
  }

  private long assignedAnnotator(Tx tx, SampleInfo s, String annotator) {
    Optional<Long> id = repos.samples().annotatorId(tx, annotator);
    if (id.isEmpty() || !repos.samples().hasAssignments(tx, s.id(), id.get())) {
      throw new BadInputException(
          "annotator '" + annotator + "' has no assignment in sample '" + s.name() + "'");
    }
    return id.get();
  }

  private static BadInputException noSample(String name) {
    return SampleService.noSample(name);
  }

  /** A sample with its scheme, resolved once per batch. */
  private record SampleContext(SampleInfo info, AnnotationScheme scheme) {}

  /** Looks up names once per transaction. */
  private final class Resolver {
    private final Tx tx;
    private final Map<String, SampleContext> samples = new HashMap<>();
    private final Map<IssueKey, Optional<Long>> issues = new HashMap<>();
    private final Map<String, Optional<Long>> annotators = new HashMap<>();

    Resolver(Tx tx) {
      this.tx = tx;
    }

    SampleContext sample(int index, String name) {
      SampleContext s = samples.get(name);
      if (s == null) {
        SampleInfo info =
            repos
                .samples()
                .byName(tx, name)
                .orElseThrow(
                    () ->
                        new InvalidDecisionException(
                            index,
                            "sample",
                            "no sample named '"
                                + name
                                + "' in this project (see: labellens samples)"));
        s = new SampleContext(info, schemes.forSample(info));
        samples.put(name, s);
      }
      return s;
    }

    Optional<Long> issueId(IssueKey key) {
      return issues.computeIfAbsent(key, k -> repos.issues().idOf(tx, k));
    }

    Optional<Long> annotatorId(String name) {
      return annotators.computeIfAbsent(name, n -> repos.samples().annotatorId(tx, n));
    }
  }
}
