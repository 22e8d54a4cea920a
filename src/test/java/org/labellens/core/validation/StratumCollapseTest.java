package org.labellens.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.core.model.IssueKey;
import org.labellens.core.sampling.SampleDraw;
import org.labellens.core.sampling.StratumKey;
import org.labellens.core.stats.BootstrapInterval;
import org.labellens.core.stats.ClassifierValidation;
import org.labellens.core.stats.DesignSample;
import org.labellens.core.stats.Interval;
import org.labellens.core.stats.LabelValidation;

/**
 * Strata with one judged item are resampled with a named neighbour, so that no interval on an
 * estimate from N_h &gt; 1 has zero width; without a neighbour the intervals are not estimable.
 */
class StratumCollapseTest {
  private static final SchemeDimension CATEGORY =
      new SchemeDimension("category", ValueKind.SINGLE, List.of("memory", "gpu"));
  private static final List<String> BOTH = List.of("framework", "predicted");

  private final List<SampleDraw.Stratum> strata = new ArrayList<>();
  private final List<DimensionValidation.Item> items = new ArrayList<>();
  private int number;

  private StratumKey key(List<String> variables, String... values) {
    return new StratumKey(variables, List.of(values));
  }

  /** Declares a stratum and its judged items: each gold label, predicted {@code predicted}. */
  private void stratum(StratumKey key, long population, String predicted, String... gold) {
    strata.add(new SampleDraw.Stratum(key, population, gold.length));
    String framework = key.asMap().getOrDefault("framework", "vLLM");
    for (String g : gold) {
      DecisionValue truth = DecisionValue.single(g);
      items.add(
          new DimensionValidation.Item(
              new IssueKey("o/r", ++number),
              key,
              framework,
              DecisionValue.single(predicted),
              null,
              List.of(truth, truth)));
    }
  }

  private ClassifierValidation validate(int replicates) {
    strata.sort((a, b) -> a.key().compareTo(b.key()));
    return DimensionValidation.compute(CATEGORY, "other", strata, items, replicates, 5).figures();
  }

  private static Interval ci(LabelValidation l) {
    return l.precision().bootstrap().orElseThrow().ci95().orElseThrow();
  }

  @Test
  void aOneItemStratumIsResampledWithTheSamePredictedLabelOfAnotherFramework() {
    // memory precision rests on three strata of one judged item each: without collapsing every
    // replicate repeats the point estimate, a zero-width interval
    stratum(key(BOTH, "vLLM", "memory"), 30, "memory", "memory");
    stratum(key(BOTH, "llama.cpp", "memory"), 40, "memory", "gpu");
    stratum(key(BOTH, "SGLang", "memory"), 25, "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 50, "gpu", "gpu", "gpu", "memory");
    stratum(key(BOTH, "llama.cpp", "gpu"), 20, "gpu", "gpu", "gpu");
    ClassifierValidation f = validate(2000);
    LabelValidation memory = f.label("memory").orElseThrow();
    assertThat(memory.precision().estimate().value()).isCloseTo(55.0 / 95, within(1e-12));
    Interval interval = ci(memory);
    assertThat(interval.high() - interval.low()).isGreaterThan(0.2);
    assertThat(interval.low()).isLessThan(55.0 / 95);
    assertThat(interval.high()).isGreaterThan(55.0 / 95);
    // keys order by code point: SGLang < llama.cpp < vLLM; equal judged counts go to the first
    assertThat(f.collapsed())
        .containsExactly(
            new DesignSample.Collapse("SGLang / memory", 1, "llama.cpp / memory"),
            new DesignSample.Collapse("llama.cpp / memory", 1, "SGLang / memory"),
            new DesignSample.Collapse("vLLM / memory", 1, "SGLang / memory"));
    assertThat(f.varianceNotEstimable()).isNull();
    // the point estimates do not depend on the collapse (weights unchanged)
    assertThat(validate(0).label("memory").orElseThrow().precision().estimate())
        .isEqualTo(memory.precision().estimate());
  }

  @Test
  void theNeighbourWithMoreJudgedItemsIsPreferred() {
    stratum(key(BOTH, "vLLM", "memory"), 30, "memory", "memory");
    stratum(key(BOTH, "SGLang", "memory"), 25, "memory", "memory", "gpu");
    stratum(key(BOTH, "llama.cpp", "memory"), 40, "memory", "gpu", "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 50, "gpu", "gpu");
    ClassifierValidation f = validate(200);
    assertThat(f.collapsed())
        .containsExactly(new DesignSample.Collapse("vLLM / memory", 1, "llama.cpp / memory"));
  }

  @Test
  void aStratumWithoutANeighbourMakesTheIntervalsNotEstimableAndSaysWhy() {
    // the only memory stratum has one judged item; no other framework predicted memory
    stratum(key(BOTH, "vLLM", "memory"), 30, "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 50, "gpu", "gpu", "memory");
    stratum(key(BOTH, "llama.cpp", "gpu"), 20, "gpu", "gpu", "gpu");
    ClassifierValidation f = validate(200);
    assertThat(f.collapsed()).isEmpty();
    assertThat(f.varianceNotEstimable())
        .contains("vLLM / memory", "1 judged of 30", "no neighbour");
    BootstrapInterval b = f.label("gpu").orElseThrow().recall().bootstrap().orElseThrow();
    assertThat(b.ci95()).isEmpty();
    assertThat(b.reason().orElseThrow()).startsWith("not estimable: ").contains("vLLM / memory");
    // the estimate itself is still given
    assertThat(f.label("gpu").orElseThrow().recall().estimate().isDefined()).isTrue();
  }

  @Test
  void strataByPredictedLabelOnlyHaveNoNeighbour() {
    List<String> predictedOnly = List.of("predicted");
    stratum(key(predictedOnly, "memory"), 30, "memory", "memory");
    stratum(key(predictedOnly, "gpu"), 50, "gpu", "gpu", "memory");
    ClassifierValidation f = validate(100);
    assertThat(f.varianceNotEstimable()).contains("memory (1 judged of 30)");
  }

  @Test
  void strataByFrameworkOnlyTakeAnyOtherFramework() {
    List<String> frameworkOnly = List.of("framework");
    stratum(key(frameworkOnly, "vLLM"), 30, "memory", "memory");
    stratum(key(frameworkOnly, "SGLang"), 50, "gpu", "gpu", "memory");
    ClassifierValidation f = validate(100);
    assertThat(f.collapsed()).containsExactly(new DesignSample.Collapse("vLLM", 1, "SGLang"));
    assertThat(f.varianceNotEstimable()).isNull();
  }

  @Test
  void aCensusStratumStaysAloneAndNeedsNoNeighbour() {
    // N_h = 1, m_h = 1: the stratum is known exactly and legitimately adds no variance
    stratum(key(BOTH, "vLLM", "memory"), 1, "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 50, "gpu", "gpu", "memory", "gpu");
    ClassifierValidation f = validate(200);
    assertThat(f.collapsed()).isEmpty();
    assertThat(f.varianceNotEstimable()).isNull();
    Interval gpu = ci(f.label("gpu").orElseThrow());
    assertThat(gpu.high()).isGreaterThan(gpu.low());
  }

  @Test
  void aFigureWithoutSpreadInAnyReplicateGetsNoZeroWidthInterval() {
    // every item predicted memory is right: precision 1 in every replicate
    stratum(key(BOTH, "vLLM", "memory"), 30, "memory", "memory", "memory");
    stratum(key(BOTH, "llama.cpp", "memory"), 40, "memory", "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 50, "gpu", "gpu", "memory");
    BootstrapInterval b =
        validate(200).label("memory").orElseThrow().precision().bootstrap().orElseThrow();
    assertThat(b.ci95()).isEmpty();
    assertThat(b.reason().orElseThrow()).contains("every bootstrap replicate gives the same value");
  }

  @Test
  void aCensusIsExactAndKeepsItsPointInterval() {
    stratum(key(BOTH, "vLLM", "memory"), 2, "memory", "memory", "memory");
    stratum(key(BOTH, "vLLM", "gpu"), 3, "gpu", "gpu", "memory", "gpu");
    Interval precision = ci(validate(200).label("memory").orElseThrow());
    assertThat(precision.low()).isEqualTo(1.0);
    assertThat(precision.high()).isEqualTo(1.0);
  }

  @Test
  void aTieOnOneLabelCollapsesTheStratumForThatLabelOnly() {
    // a set-valued dimension: in vLLM / memory two items are judged, but the annotators of the
    // second tie on gpu, so gpu's figures rest on one item of that stratum and memory's on two
    SchemeDimension set = new SchemeDimension("category", ValueKind.SET, List.of("memory", "gpu"));
    StratumKey vllm = key(BOTH, "vLLM", "memory");
    StratumKey llama = key(BOTH, "llama.cpp", "memory");
    strata.add(new SampleDraw.Stratum(llama, 40, 3));
    strata.add(new SampleDraw.Stratum(vllm, 30, 2));
    DecisionValue memory = DecisionValue.set(List.of("memory"));
    DecisionValue memoryGpu = DecisionValue.set(List.of("memory", "gpu"));
    DecisionValue gpu = DecisionValue.set(List.of("gpu"));
    items.add(setItem(llama, "llama.cpp", memory, List.of(memory, memory)));
    items.add(setItem(llama, "llama.cpp", memory, List.of(gpu, gpu)));
    items.add(setItem(llama, "llama.cpp", memory, List.of(memoryGpu, memoryGpu)));
    items.add(setItem(vllm, "vLLM", memory, List.of(memory, memory)));
    items.add(setItem(vllm, "vLLM", memory, List.of(memory, memoryGpu)));
    ClassifierValidation f =
        DimensionValidation.compute(set, "other", strata, items, 500, 5).figures();
    assertThat(f.collapsed())
        .containsExactly(new DesignSample.Collapse("vLLM / memory", 1, "llama.cpp / memory"));
    assertThat(f.varianceNotEstimable()).isNull();
    // memory: the vLLM stratum has two items of its own, the whole sample needs no collapse
    assertThat(f.label("memory").orElseThrow().judged()).isEqualTo(5);
    assertThat(f.label("gpu").orElseThrow().judged()).isEqualTo(4);
    // gpu's share is estimated from the items resolved on gpu: vLLM / memory's one item is
    // resampled with llama.cpp / memory's three, so the interval has width
    Interval share =
        f.label("gpu")
            .orElseThrow()
            .estimatedShare()
            .bootstrap()
            .orElseThrow()
            .ci95()
            .orElseThrow();
    assertThat(share.high()).isGreaterThan(share.low());
  }

  private DimensionValidation.Item setItem(
      StratumKey key, String framework, DecisionValue predicted, List<DecisionValue> votes) {
    return new DimensionValidation.Item(
        new IssueKey("o/r", ++number), key, framework, predicted, null, votes);
  }
}
