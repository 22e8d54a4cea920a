package org.labellens.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PredictionTest {
  @Test
  void keepsTheOrderOfItsDimensionsAsGiven() {
    Map<String, List<String>> labels = new TreeMap<>();
    for (String dimension : List.of("severity", "category", "production", "primary", "area")) {
      labels.put(dimension, List.of("x"));
    }

    Prediction p = new Prediction(labels, "other", List.of());

    assertThat(p.labels().keySet())
        .containsExactly("area", "category", "primary", "production", "severity");
  }

  @Test
  void isNotChangedByLaterChangesToWhatItWasMadeFrom() {
    Map<String, List<String>> labels = new TreeMap<>();
    List<String> category = new ArrayList<>(List.of("gpu"));
    labels.put("category", category);

    Prediction p = new Prediction(labels, "gpu", List.of());
    category.add("api");
    labels.put("primary", List.of("gpu"));

    assertThat(p.labels()).isEqualTo(Map.of("category", List.of("gpu")));
    assertThatThrownBy(() -> p.labels().put("x", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
