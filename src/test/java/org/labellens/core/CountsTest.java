package org.labellens.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {
  @Test
  void oneTakesTheSingularEveryOtherCountThePlural() {
    assertThat(Counts.of(1, "issue")).isEqualTo("1 issue");
    assertThat(Counts.of(0, "issue")).isEqualTo("0 issues");
    assertThat(Counts.of(2, "item")).isEqualTo("2 items");
    assertThat(Counts.of(4019, "issue")).isEqualTo("4019 issues");
    assertThat(Counts.of(-1, "item")).isEqualTo("-1 items");
  }

  @Test
  void regularPluralsFollowTheEnding() {
    assertThat(Counts.of(3, "category")).isEqualTo("3 categories");
    assertThat(Counts.of(3, "day")).isEqualTo("3 days");
    assertThat(Counts.of(3, "pass")).isEqualTo("3 passes");
    assertThat(Counts.of(3, "pull request")).isEqualTo("3 pull requests");
    assertThat(Counts.of(1, "evidence row")).isEqualTo("1 evidence row");
  }

  @Test
  void anIrregularPluralIsGivenExplicitly() {
    assertThat(Counts.of(1, "stratum", "strata")).isEqualTo("1 stratum");
    assertThat(Counts.of(5, "stratum", "strata")).isEqualTo("5 strata");
  }
}
