package org.labellens.core.sampling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.labellens.core.BadInputException;
import org.labellens.core.annotation.AnnotatorNames;
import org.labellens.core.model.IssueKey;

/**
 * Draws a stratified sample in hash order and assigns it to annotators. Pure: the same candidates
 * and design give the same result, whatever order the candidates come in.
 *
 * <ol>
 *   <li>Strata are the distinct stratum keys of the candidates, in key order; N_h is the number of
 *       candidates in stratum h. The sizes n_h come from {@link Allocation}.
 *   <li>Within each stratum, candidates are ordered by {@link HashOrder#drawHash} and the first n_h
 *       are taken. The sample's items are then ranked 1..n by the same hash over the whole sample.
 *   <li>Overlap: the first m = ⌈F · n⌉ items by rank (F as the exact decimal given) go to every
 *       annotator.
 *   <li>The other items, taken stratum by stratum in key order and within a stratum by rank, are
 *       dealt in turn to the annotators in code-point order of their names (a, b, c, a, b, c, …),
 *       the turn carrying on from one stratum to the next. Each annotator's count then differs from
 *       any other's by at most one, overall and within every stratum.
 *   <li>Each annotator's queue is ordered by {@link HashOrder#queueHash} (seed, annotator, issue):
 *       an independent shuffle per annotator, so position effects do not line up across annotators.
 *       Positions are numbered from 1.
 * </ol>
 */
public final class SampleDraw {
  private SampleDraw() {}

  /** A stratum of the drawn sample. */
  public record Stratum(StratumKey key, long population, int size) {
    /** n_h / N_h. */
    public double inclusionProbability() {
      return population == 0 ? 0 : (double) size / population;
    }
  }

  /**
   * A drawn item: its rank in the sample's hash order, whether it is in the overlap, who has it.
   */
  public record Item(
      long issueId,
      IssueKey issue,
      StratumKey stratum,
      int rank,
      String hash,
      boolean overlap,
      List<String> annotators) {
    public Item {
      annotators = List.copyOf(annotators);
    }
  }

  /** One item in one annotator's queue. */
  public record QueueEntry(String annotator, long issueId, int position) {}

  /** The whole draw: strata in key order, items by rank, and every annotator's queue. */
  public record Result(
      List<Stratum> strata, List<Item> items, int overlapItems, List<QueueEntry> queue) {
    public Result {
      strata = List.copyOf(strata);
      items = List.copyOf(items);
      queue = List.copyOf(queue);
    }

    public int size() {
      return items.size();
    }

    public long population() {
      return strata.stream().mapToLong(Stratum::population).sum();
    }
  }

  /**
   * A frame that can be read more than once: the draw reads it twice (first the stratum
   * populations, then the hashes), keeping only the drawn items, so its memory depends on the
   * sample's size, not the frame's. Both readings must give the same candidates, in any order.
   */
  @FunctionalInterface
  public interface CandidateSource {
    void forEach(Consumer<Candidate> action);
  }

  /** Draws from a list of candidates; an issue listed twice is an error. */
  public static Result draw(List<Candidate> candidates, SampleDesign design) {
    Set<IssueKey> seen = new HashSet<>();
    for (Candidate c : candidates) {
      if (!seen.add(c.issue())) {
        throw new IllegalArgumentException("issue " + c.issue() + " is in the frame twice");
      }
    }
    return draw(candidates::forEach, design);
  }

  /** Draws from a frame read twice; the frame must not list an issue twice. */
  public static Result draw(CandidateSource frame, SampleDesign design) {
    List<String> annotators = checkAnnotators(design.annotators(), design.overlap());
    Map<StratumKey, long[]> counts = new TreeMap<>();
    frame.forEach(c -> counts.computeIfAbsent(c.stratum(), k -> new long[1])[0]++);
    if (counts.isEmpty()) {
      throw new BadInputException("the frame is empty: there is nothing to sample");
    }
    List<StratumKey> keys = new ArrayList<>(counts.keySet());
    long[] populations = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      populations[i] = counts.get(keys.get(i))[0];
    }
    int[] sizes = allocate(populations, design);

    // the first n_h of each stratum in hash order, kept in a bounded heap whose head is the last
    Map<StratumKey, PriorityQueue<Ranked>> kept = new HashMap<>();
    Map<StratumKey, Integer> sizeOf = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      sizeOf.put(keys.get(i), sizes[i]);
      kept.put(keys.get(i), new PriorityQueue<>(Ranked.ORDER.reversed()));
    }
    frame.forEach(
        c -> {
          Integer n = sizeOf.get(c.stratum());
          if (n == null) {
            throw new IllegalStateException("the frame changed while it was read: " + c.issue());
          }
          if (n == 0) {
            return;
          }
          PriorityQueue<Ranked> heap = kept.get(c.stratum());
          Ranked r = new Ranked(c, HashOrder.drawHash(design.seed(), c.issue()));
          if (heap.size() < n) {
            heap.add(r);
          } else if (Ranked.ORDER.compare(r, heap.peek()) < 0) {
            heap.poll();
            heap.add(r);
          }
        });

    List<Stratum> strata = new ArrayList<>();
    List<Ranked> chosen = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      chosen.addAll(kept.get(keys.get(i)));
      strata.add(new Stratum(keys.get(i), populations[i], sizes[i]));
    }
    chosen.sort(Ranked.ORDER);
    int n = chosen.size();
    int overlapCount =
        annotators.isEmpty()
            ? 0
            : design
                .overlap()
                .multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING)
                .intValueExact();

    Map<IssueKey, List<String>> assigned = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      assigned.put(chosen.get(r).candidate.issue(), new ArrayList<>());
    }
    for (int r = 0; r < overlapCount; r++) {
      assigned.get(chosen.get(r).candidate.issue()).addAll(annotators);
    }
    if (!annotators.isEmpty()) {
      List<Integer> rest = new ArrayList<>();
      for (int r = overlapCount; r < n; r++) {
        rest.add(r);
      }
      Map<StratumKey, Integer> stratumOrder = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        stratumOrder.put(keys.get(i), i);
      }
      rest.sort(
          Comparator.<Integer>comparingInt(r -> stratumOrder.get(chosen.get(r).candidate.stratum()))
              .thenComparingInt(r -> r));
      int turn = 0;
      for (int r : rest) {
        assigned.get(chosen.get(r).candidate.issue()).add(annotators.get(turn));
        turn = (turn + 1) % annotators.size();
      }
    }

    List<Item> items = new ArrayList<>(n);
    Map<String, List<Ranked>> perAnnotator = new TreeMap<>();
    for (int r = 0; r < n; r++) {
      Ranked x = chosen.get(r);
      List<String> who = assigned.get(x.candidate.issue());
      items.add(
          new Item(
              x.candidate.issueId(),
              x.candidate.issue(),
              x.candidate.stratum(),
              r + 1,
              x.hash,
              r < overlapCount,
              who));
      for (String a : who) {
        perAnnotator.computeIfAbsent(a, k -> new ArrayList<>()).add(x);
      }
    }
    List<QueueEntry> queue = new ArrayList<>();
    for (Map.Entry<String, List<Ranked>> e : perAnnotator.entrySet()) {
      String annotator = e.getKey();
      List<Ranked> mine = new ArrayList<>(e.getValue());
      mine.sort(
          Comparator.comparing(
                  (Ranked x) -> HashOrder.queueHash(design.seed(), annotator, x.candidate.issue()))
              .thenComparing(x -> x.candidate.issue()));
      for (int p = 0; p < mine.size(); p++) {
        queue.add(new QueueEntry(annotator, mine.get(p).candidate.issueId(), p + 1));
      }
    }
    return new Result(strata, items, overlapCount, queue);
  }

  /** The sizes per stratum for the design, in key order. */
  public static int[] allocate(long[] populations, SampleDesign design) {
    return switch (design.allocation()) {
      case MARGIN -> {
        if (design.margin() == null) {
          throw new IllegalArgumentException("allocation by margin needs a margin");
        }
        yield Allocation.byMargin(
            populations, design.margin(), design.confidence(), design.minPerStratum());
      }
      case PROPORTIONAL ->
          Allocation.proportional(requireSize(design), populations, design.minPerStratum());
      case EQUAL -> Allocation.equal(requireSize(design), populations, design.minPerStratum());
    };
  }

  private static int requireSize(SampleDesign design) {
    if (design.size() == null) {
      throw new IllegalArgumentException(design.allocation().key() + " allocation needs a size");
    }
    return design.size();
  }

  private static List<String> checkAnnotators(List<String> given, BigDecimal overlap) {
    if (overlap.signum() < 0 || overlap.compareTo(BigDecimal.ONE) > 0) {
      throw new BadInputException(
          "the overlap must be a share between 0 and 1 (e.g. 0.2), got " + overlap.toPlainString());
    }
    if (given.isEmpty() && overlap.signum() > 0) {
      throw new BadInputException(
          "an overlap needs annotators: give --annotators a,b,c with --overlap");
    }
    Set<String> unique = new HashSet<>();
    for (String a : given) {
      AnnotatorNames.check(a);
      if (!unique.add(a)) {
        throw new BadInputException("annotator '" + a + "' is listed twice");
      }
    }
    return given.stream().sorted().toList();
  }

  private record Ranked(Candidate candidate, String hash) {
    static final Comparator<Ranked> ORDER =
        Comparator.comparing(Ranked::hash).thenComparing(r -> r.candidate().issue());
  }
}
