package org.labellens.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.model.IssueKey;

class LatentTruthTest {
  static final List<String> CATS = AnnotationScheme.STUDY_CATEGORIES;

  static Map<String, DecisionValue> predicted(String... cats) {
    return Map.of(
        "category", DecisionValue.set(List.of(cats)),
        "primary", DecisionValue.single(cats.length == 0 ? "other" : cats[0]),
        "production", DecisionValue.single("no"));
  }

  @Test
  void theTruthIsDeterministic() {
    IssueKey issue = new IssueKey("vllm-project/vllm", 42);
    assertThat(LatentTruth.of(issue, predicted("gpu", "crash"), CATS))
        .isEqualTo(LatentTruth.of(issue, predicted("gpu", "crash"), CATS));
  }

  @Test
  void theClassifierIsMostlyRightButMakesMeasurableErrors() {
    int crashPredicted = 0;
    int crashTrue = 0;
    int gpuPredicted = 0;
    int gpuTrue = 0;
    int missed = 0;
    int n = 4000;
    for (int i = 1; i <= n; i++) {
      LatentTruth t =
          LatentTruth.of(new IssueKey("ggml-org/llama.cpp", i), predicted("gpu", "crash"), CATS);
      crashPredicted++;
      gpuPredicted++;
      crashTrue += t.categories().contains("crash") ? 1 : 0;
      gpuTrue += t.categories().contains("gpu") ? 1 : 0;
      missed += t.categories().contains("memory") ? 1 : 0;
      if (t.categories().isEmpty()) {
        assertThat(t.primary()).isEqualTo("other");
      } else {
        assertThat(t.categories()).contains(t.primary());
      }
    }
    assertThat((double) crashTrue / crashPredicted).isBetween(0.26, 0.34); // precision 0.30
    assertThat((double) gpuTrue / gpuPredicted).isBetween(0.82, 0.88); // precision 0.85
    assertThat((double) missed / n).isBetween(0.025, 0.055); // 4 % missed
  }

  @Test
  void anAnnotatorReportsTheTruthAtTheGivenAccuracy() {
    SchemeDimension primary = AnnotationScheme.STUDY_DEFAULT.dimension("primary").orElseThrow();
    SimulatedAnnotator perfect = new SimulatedAnnotator("a", 1.0, 1);
    SimulatedAnnotator sloppy = new SimulatedAnnotator("b", 0.7, 1);
    int right = 0;
    int n = 3000;
    for (int i = 1; i <= n; i++) {
      IssueKey issue = new IssueKey("sgl-project/sglang", i);
      DecisionValue truth = DecisionValue.single("memory");
      assertThat(perfect.answer(issue, primary, truth, Phase.REVEALED, null)).isEqualTo(truth);
      right += sloppy.answer(issue, primary, truth, Phase.REVEALED, null).equals(truth) ? 1 : 0;
    }
    assertThat((double) right / n).isBetween(0.67, 0.73);
  }
}
