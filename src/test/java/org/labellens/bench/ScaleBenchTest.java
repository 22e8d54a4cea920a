package org.labellens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;

class ScaleBenchTest {
  private static ScaleBench.Request request(List<Integer> sizes, List<Integer> runs) {
    return new ScaleBench.Request(
        sizes, runs, Path.of("x"), null, 100, 10, 1, List.of("-Xmx256m"), false);
  }

  private static ScaleBench.SizeResult size(int issues, double importSeconds, double fixed) {
    Map<String, ScaleBench.Figure> steps = new LinkedHashMap<>();
    steps.put("import", new ScaleBench.Figure(importSeconds, importSeconds * 2, 100, 20, 1));
    steps.put("validate", new ScaleBench.Figure(fixed, fixed, 150, 30, 1));
    return new ScaleBench.SizeResult(issues, issues * 1000L, 0.5, steps);
  }

  @Test
  void growthIsTheRatioOfTimePerIssueBetweenSizes() {
    ScaleBench.Result r =
        new ScaleBench.Result(
            request(List.of(1000, 10000, 20000), List.of(1)),
            List.of(size(1000, 2, 3), size(10000, 20, 3), size(20000, 80, 3)),
            List.of("import", "validate"));
    String md = ScaleBench.markdown(r);
    // import: linear from 1,000 to 10,000 (10x time for 10x issues), quadratic to 20,000
    assertThat(md)
        .contains("| step (wall time / peak memory) | 1,000 | 10,000 | 20,000 |")
        .contains(
            "| import | 2.00 s / 100 MB | 20.00 s / 100 MB | 80.00 s / 100 MB | 1.00 | 2.00 |")
        .contains(
            "| validate | 3.00 s / 150 MB | 3.00 s / 150 MB | 3.00 s / 150 MB | 0.10 | 0.50 |")
        .contains("| import | 4.00 s / 20 MB | 40.00 s / 20 MB | 160.00 s / 20 MB | 1.00 | 2.00 |")
        .contains("-Xmx256m");
  }

  @Test
  void oneRunCountAppliesToEverySize() {
    assertThat(request(List.of(10, 20, 30), List.of(2)).runs()).containsExactly(2, 2, 2);
    assertThat(request(List.of(10, 20), List.of(3, 1)).runs()).containsExactly(3, 1);
  }

  @Test
  void sizesMustAscendAndRunsMatchThem() {
    assertThatThrownBy(() -> request(List.of(20, 10), List.of(1)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("ascending");
    assertThatThrownBy(() -> request(List.of(10, 20, 30), List.of(1, 2)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--runs");
    assertThatThrownBy(() -> request(List.of(0), List.of(1)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--sizes: 0");
  }
}
