package org.labellens.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotationQueue;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.simulation.LatentTruth;
import org.labellens.core.simulation.SimulatedAnnotator;

/**
 * A simulated annotator working through its queue exactly as a person in the window would: it takes
 * the queue from {@link AnnotationService}, resumes at the first item not decided, and records each
 * item's decisions (all dimensions of one phase) through {@link AnnotationService#decideAll} in one
 * transaction, which commits before the decisions are handed on. In blind-first samples it decides
 * blind first, then revealed (with the classifier's prediction as shown). It decides {@code
 * category}, {@code primary} and {@code production}.
 */
public final class SimulationService {
  public static final double DEFAULT_ACCURACY = 0.85;
  public static final long DEFAULT_SEED = 1L;

  /** The dimensions the simulated annotator decides, in this order. */
  public static final List<String> DIMENSIONS = List.of("category", "primary", "production");

  private final AnnotationService annotations;

  public SimulationService(AnnotationService annotations) {
    this.annotations = annotations;
  }

  /**
   * What to simulate.
   *
   * @param limit the most items to decide in this run, or null for all that are left
   * @param thinkMillis how long the annotator looks at each item before deciding it (0: not at
   *     all); paces the simulation like a person, for load tests
   */
  public record Request(
      String sample,
      String annotator,
      double accuracy,
      long seed,
      Integer limit,
      long thinkMillis) {
    public Request(String sample, String annotator, double accuracy, long seed, Integer limit) {
      this(sample, annotator, accuracy, seed, limit, 0);
    }
  }

  /** What a run did: items finished, decisions recorded, items still left. */
  public record Summary(int items, int decisions, int remaining) {}

  /**
   * Runs the simulation; {@code committed} receives each decision after its transaction has
   * committed.
   */
  public Summary run(Request r, Consumer<Decision> committed) {
    if (!(r.accuracy() >= 0 && r.accuracy() <= 1)) {
      throw new BadInputException("--accuracy must be between 0 and 1, got " + r.accuracy());
    }
    if (r.limit() != null && r.limit() < 0) {
      throw new BadInputException("--limit cannot be negative, got " + r.limit());
    }
    if (r.thinkMillis() < 0) {
      throw new BadInputException("--think cannot be negative, got " + r.thinkMillis());
    }
    AnnotationQueue queue = annotations.queue(r.sample(), r.annotator());
    AnnotationScheme scheme = annotations.scheme(r.sample());
    List<SchemeDimension> dims = new ArrayList<>();
    for (String id : DIMENSIONS) {
      scheme.dimension(id).filter(SchemeDimension::isCategorical).ifPresent(dims::add);
    }
    if (dims.isEmpty()) {
      throw new BadInputException(
          "the taxonomy "
              + scheme.reference()
              + " has none of the dimensions the simulation decides ("
              + String.join(", ", DIMENSIONS)
              + ")");
    }
    List<String> categories =
        scheme.dimension("category").map(SchemeDimension::labels).orElse(List.of());
    SimulatedAnnotator annotator = new SimulatedAnnotator(r.annotator(), r.accuracy(), r.seed());
    List<QueueItem> todo =
        queue.items().stream().filter(i -> i.state() != ItemState.DECIDED).toList();
    int limit = r.limit() == null ? todo.size() : Math.min(r.limit(), todo.size());
    int decisions = 0;
    for (int k = 0; k < limit; k++) {
      QueueItem item = todo.get(k);
      think(r.thinkMillis());
      Map<String, DecisionValue> shown = annotations.shownPrediction(r.sample(), item.issue());
      LatentTruth truth = LatentTruth.of(item.issue(), shown, categories);
      Map<String, DecisionValue> blind = new HashMap<>();
      if (queue.blindFirst()) {
        if (item.blindDecided()) {
          for (Decision d : annotations.decisions(r.sample(), r.annotator(), item.issue())) {
            if (d.phase() == Phase.BLIND) {
              blind.put(d.dimension(), d.value());
            }
          }
        } else {
          List<Decision> batch = new ArrayList<>();
          for (SchemeDimension dim : dims) {
            DecisionValue v =
                annotator.answer(item.issue(), dim, truth.value(dim.id()), Phase.BLIND, null);
            blind.put(dim.id(), v);
            batch.add(decision(r, item, dim, v, Phase.BLIND, null, annotator));
          }
          decisions += commit(batch, committed);
        }
      }
      List<Decision> batch = new ArrayList<>();
      for (SchemeDimension dim : dims) {
        DecisionValue v =
            annotator.answer(
                item.issue(), dim, truth.value(dim.id()), Phase.REVEALED, blind.get(dim.id()));
        batch.add(decision(r, item, dim, v, Phase.REVEALED, shown.get(dim.id()), annotator));
      }
      decisions += commit(batch, committed);
    }
    return new Summary(limit, decisions, todo.size() - limit);
  }

  private static void think(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the next write reports it
    }
  }

  private int commit(List<Decision> batch, Consumer<Decision> committed) {
    List<AnnotationService.Recorded> recorded =
        annotations.decideAll(batch, DecisionOrigin.SIMULATE);
    for (AnnotationService.Recorded rec : recorded) {
      committed.accept(rec.decision());
    }
    return recorded.size();
  }

  private static Decision decision(
      Request r,
      QueueItem item,
      SchemeDimension dim,
      DecisionValue value,
      Phase phase,
      DecisionValue shown,
      SimulatedAnnotator annotator) {
    return new Decision(
        r.sample(),
        item.issue(),
        r.annotator(),
        dim.id(),
        value,
        phase,
        phase == Phase.BLIND ? null : shown,
        annotator.unsure(item.issue(), dim.id(), phase),
        null,
        null,
        annotator.seconds(item.issue(), dim.id(), phase),
        Instant.now(),
        null);
  }
}
