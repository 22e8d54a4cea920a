package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;
import org.labellens.core.model.IssueKey;

class SampleDrawTest {
  private static final List<String> BY = List.of("framework", "predicted");

  /** Candidates: per framework and category, {@code perCell} issues with scattered numbers. */
  private static List<Candidate> frame(int perCell) {
    List<Candidate> out = new ArrayList<>();
    long id = 1;
    String[][] fw = {{"vllm-project/vllm", "vLLM"}, {"ggml-org/llama.cpp", "llama.cpp"}};
    String[] cats = {"gpu", "memory", "other"};
    int number = 1;
    for (String[] f : fw) {
      for (String cat : cats) {
        for (int i = 0; i < perCell + cat.length(); i++) {
          out.add(
              new Candidate(
                  id++,
                  new IssueKey(f[0], number * 7 + 3),
                  new StratumKey(BY, List.of(f[1], cat))));
          number++;
        }
      }
    }
    return out;
  }

  private static SampleDesign bySize(int size, List<String> annotators, String overlap) {
    return new SampleDesign(
        7, size, null, 0.95, AllocationMethod.PROPORTIONAL, 0, annotators, new BigDecimal(overlap));
  }

  @Test
  void theDrawDoesNotDependOnTheCandidatesOrder() {
    List<Candidate> candidates = frame(40);
    SampleDraw.Result first = SampleDraw.draw(candidates, bySize(50, List.of("a", "b"), "0.2"));
    List<Candidate> shuffled = new ArrayList<>(candidates);
    Collections.shuffle(shuffled, new Random(3));
    SampleDraw.Result second = SampleDraw.draw(shuffled, bySize(50, List.of("b", "a"), "0.2"));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aFrameReadTwiceGivesTheDrawOfItsList() {
    List<Candidate> candidates = frame(40);
    int[] readings = {0};
    SampleDraw.Result streamed =
        SampleDraw.draw(
            action -> {
              readings[0]++;
              // a different order on each reading, as a database may give
              List<Candidate> copy = new ArrayList<>(candidates);
              Collections.shuffle(copy, new Random(readings[0]));
              copy.forEach(action);
            },
            bySize(50, List.of("a", "b"), "0.2"));
    assertThat(readings[0]).isEqualTo(2);
    assertThat(streamed)
        .isEqualTo(SampleDraw.draw(candidates, bySize(50, List.of("a", "b"), "0.2")));
  }

  @Test
  void aFrameThatGainsAStratumBetweenReadingsIsAnError() {
    List<Candidate> candidates = frame(10);
    int[] readings = {0};
    assertThatThrownBy(
            () ->
                SampleDraw.draw(
                    action -> {
                      candidates.forEach(action);
                      if (++readings[0] == 2) {
                        action.accept(
                            new Candidate(
                                999,
                                new IssueKey("sgl-project/sglang", 1),
                                new StratumKey(BY, List.of("SGLang", "gpu"))));
                      }
                    },
                    bySize(20, List.of(), "0")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("changed");
  }

  @Test
  void eachStratumTakesItsFirstIssuesInHashOrder() {
    List<Candidate> candidates = frame(40);
    SampleDraw.Result r = SampleDraw.draw(candidates, bySize(50, List.of(), "0"));
    Map<StratumKey, List<IssueKey>> expected = new HashMap<>();
    for (SampleDraw.Stratum st : r.strata()) {
      expected.put(
          st.key(),
          candidates.stream()
              .filter(c -> c.stratum().equals(st.key()))
              .sorted(Comparator.comparing(c -> HashOrder.drawHash(7, c.issue())))
              .limit(st.size())
              .map(Candidate::issue)
              .toList());
    }
    Map<StratumKey, List<IssueKey>> drawn =
        r.items().stream()
            .collect(
                Collectors.groupingBy(
                    SampleDraw.Item::stratum,
                    Collectors.mapping(SampleDraw.Item::issue, Collectors.toList())));
    for (StratumKey k : expected.keySet()) {
      assertThat(drawn.getOrDefault(k, List.of()))
          .containsExactlyInAnyOrderElementsOf(expected.get(k));
    }
    assertThat(r.size()).isEqualTo(50);
    assertThat(r.items()).extracting(SampleDraw.Item::rank).containsExactly(rangeFrom1(50));
    assertThat(r.items()).isSortedAccordingTo(Comparator.comparing(SampleDraw.Item::hash));
  }

  @Test
  void strataAreListedInKeyOrderWithInclusionProbabilities() {
    SampleDraw.Result r = SampleDraw.draw(frame(40), bySize(50, List.of(), "0"));
    assertThat(r.strata())
        .extracting(s -> s.key().label())
        .containsExactly(
            "llama.cpp / gpu",
            "llama.cpp / memory",
            "llama.cpp / other",
            "vLLM / gpu",
            "vLLM / memory",
            "vLLM / other");
    for (SampleDraw.Stratum s : r.strata()) {
      assertThat(s.inclusionProbability()).isEqualTo((double) s.size() / s.population());
    }
  }

  @Test
  void overlapGoesToEveryAnnotatorAndTheRestIsBalanced() {
    List<String> annotators = List.of("carol", "alice", "bob");
    SampleDraw.Result r = SampleDraw.draw(frame(40), bySize(53, annotators, "0.2"));
    int overlap = (int) Math.ceil(0.2 * 53); // 10.6 -> 11
    assertThat(r.overlapItems()).isEqualTo(overlap);
    for (SampleDraw.Item i : r.items()) {
      if (i.rank() <= overlap) {
        assertThat(i.overlap()).isTrue();
        assertThat(i.annotators()).containsExactly("alice", "bob", "carol");
      } else {
        assertThat(i.overlap()).isFalse();
        assertThat(i.annotators()).hasSize(1);
      }
    }
    Map<String, Long> own =
        r.items().stream()
            .filter(i -> !i.overlap())
            .collect(Collectors.groupingBy(i -> i.annotators().get(0), Collectors.counting()));
    assertThat(own.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(53 - overlap);
    assertThat(maxMinusMin(own)).isLessThanOrEqualTo(1);
    // within every stratum too
    for (SampleDraw.Stratum s : r.strata()) {
      Map<String, Long> inStratum = new HashMap<>();
      annotators.forEach(a -> inStratum.put(a, 0L));
      r.items().stream()
          .filter(i -> !i.overlap() && i.stratum().equals(s.key()))
          .forEach(i -> inStratum.merge(i.annotators().get(0), 1L, Long::sum));
      assertThat(maxMinusMin(inStratum)).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void overlapRoundsUpTheExactDecimalShare() {
    // 0.2 × 100 is exactly 20 (as a decimal): no 21st item from floating-point noise
    SampleDraw.Result r = SampleDraw.draw(frame(40), bySize(100, List.of("a", "b"), "0.2"));
    assertThat(r.overlapItems()).isEqualTo(20);
    SampleDraw.Result none = SampleDraw.draw(frame(40), bySize(100, List.of("a", "b"), "0"));
    assertThat(none.overlapItems()).isZero();
    SampleDraw.Result all = SampleDraw.draw(frame(40), bySize(100, List.of("a", "b"), "1"));
    assertThat(all.items()).allMatch(i -> i.annotators().size() == 2);
  }

  @Test
  void queuesAreShuffledPerAnnotatorAndNumberedFromOne() {
    SampleDraw.Result r = SampleDraw.draw(frame(40), bySize(60, List.of("a", "b"), "1"));
    Map<String, List<Long>> queues =
        r.queue().stream()
            .sorted(Comparator.comparingInt(SampleDraw.QueueEntry::position))
            .collect(
                Collectors.groupingBy(
                    SampleDraw.QueueEntry::annotator,
                    Collectors.mapping(SampleDraw.QueueEntry::issueId, Collectors.toList())));
    assertThat(queues.get("a")).hasSize(60).containsExactlyInAnyOrderElementsOf(queues.get("b"));
    assertThat(queues.get("a")).isNotEqualTo(queues.get("b"));
    assertThat(r.queue().stream().filter(q -> q.annotator().equals("a")))
        .extracting(SampleDraw.QueueEntry::position)
        .containsExactly(rangeFrom1(60));
  }

  @Test
  void addingIssuesToOneStratumLeavesTheOtherStrataUnchangedByMargin() {
    List<Candidate> base = frame(40);
    List<Candidate> more = new ArrayList<>(base);
    StratumKey vllmGpu = new StratumKey(BY, List.of("vLLM", "gpu"));
    for (int i = 0; i < 500; i++) {
      more.add(new Candidate(10_000 + i, new IssueKey("vllm-project/vllm", 90_000 + i), vllmGpu));
    }
    SampleDesign design =
        new SampleDesign(
            7, null, 0.1, 0.95, AllocationMethod.MARGIN, 0, List.of(), BigDecimal.ZERO);
    Map<StratumKey, List<IssueKey>> before = byStratum(SampleDraw.draw(base, design));
    Map<StratumKey, List<IssueKey>> after = byStratum(SampleDraw.draw(more, design));
    for (StratumKey k : before.keySet()) {
      if (!k.equals(vllmGpu)) {
        assertThat(after.get(k)).isEqualTo(before.get(k));
      }
    }
    assertThat(after.get(vllmGpu).size()).isGreaterThan(before.get(vllmGpu).size());
  }

  @Test
  void withProportionalAllocationStrataSamplesStayNested() {
    List<Candidate> base = frame(40);
    List<Candidate> more = new ArrayList<>(base);
    StratumKey vllmGpu = new StratumKey(BY, List.of("vLLM", "gpu"));
    for (int i = 0; i < 200; i++) {
      more.add(new Candidate(10_000 + i, new IssueKey("vllm-project/vllm", 90_000 + i), vllmGpu));
    }
    Map<StratumKey, List<IssueKey>> before =
        byStratum(SampleDraw.draw(base, bySize(60, List.of(), "0")));
    Map<StratumKey, List<IssueKey>> after =
        byStratum(SampleDraw.draw(more, bySize(60, List.of(), "0")));
    for (StratumKey k : before.keySet()) {
      if (!k.equals(vllmGpu)) {
        List<IssueKey> a = after.getOrDefault(k, List.of());
        // a stratum's sample only loses items at the end of its hash order
        assertThat(before.get(k).subList(0, a.size())).isEqualTo(a);
      }
    }
  }

  @Test
  void badAssignmentsAreRefused() {
    List<Candidate> c = frame(10);
    assertThatThrownBy(() -> SampleDraw.draw(c, bySize(10, List.of("a", "b"), "1.5")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> SampleDraw.draw(c, bySize(10, List.of(), "0.2")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs annotators");
    assertThatThrownBy(() -> SampleDraw.draw(c, bySize(10, List.of("a", "a"), "0")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> SampleDraw.draw(c, bySize(10, List.of("../x"), "0")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not valid");
  }

  private static Map<StratumKey, List<IssueKey>> byStratum(SampleDraw.Result r) {
    Map<StratumKey, List<IssueKey>> m = new HashMap<>();
    // in hash order (items are ranked by hash)
    for (SampleDraw.Item i : r.items()) {
      m.computeIfAbsent(i.stratum(), k -> new ArrayList<>()).add(i.issue());
    }
    return m;
  }

  private static long maxMinusMin(Map<String, Long> counts) {
    return Collections.max(counts.values()) - Collections.min(counts.values());
  }

  private static Integer[] rangeFrom1(int n) {
    Integer[] r = new Integer[n];
    for (int i = 0; i < n; i++) {
      r[i] = i + 1;
    }
    return r;
  }
}
