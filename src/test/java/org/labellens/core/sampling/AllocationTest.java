package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;

/** Allocation among strata; every expected vector is worked out by hand in the comment. */
class AllocationTest {
  @Test
  void proportionalIsExactWhenQuotasAreWhole() {
    // quotas 10·5/10, 10·3/10, 10·2/10
    assertThat(Allocation.proportional(10, new long[] {5, 3, 2}, 0)).containsExactly(5, 3, 2);
  }

  @Test
  void proportionalGivesLeftoverUnitsToTheLargestRemainders() {
    // quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 (6); the 7th unit to remainder .5
    assertThat(Allocation.proportional(7, new long[] {50, 30, 20}, 0)).containsExactly(4, 2, 1);
  }

  @Test
  void equalRemaindersGoToTheLargerPopulation() {
    // quotas 6·5/12 = 2.5 and 6·7/12 = 3.5: equal remainders, the unit goes to N = 7
    assertThat(Allocation.proportional(6, new long[] {5, 7}, 0)).containsExactly(2, 4);
  }

  @Test
  void equalRemaindersAndPopulationsGoToTheEarlierStratum() {
    // quotas 10/3 each: floors 3, 3, 3, the 10th unit to the first stratum in key order
    assertThat(Allocation.proportional(10, new long[] {7, 7, 7}, 0)).containsExactly(4, 3, 3);
  }

  @Test
  void minimumRaisesSmallStrataAndTheRestStaysProportional() {
    // quotas 9, 0.6, 0.4: strata 2 and 3 fixed at 2; the other 6 go to stratum 1
    assertThat(Allocation.proportional(10, new long[] {90, 6, 4}, 2)).containsExactly(6, 2, 2);
  }

  @Test
  void minimumIsCappedByTheStratumsPopulation() {
    // minimums min(3, N_h) = 3, 1, 3; quotas 9.5, 0.1, 0.4: strata 2 and 3 fixed at 1 and 3
    assertThat(Allocation.proportional(10, new long[] {95, 1, 4}, 3)).containsExactly(6, 1, 3);
  }

  @Test
  void fixingOneStratumCanPushAnotherBelowItsMinimum() {
    // quotas 6, 2.5, 1.5: stratum 3 fixed at 3; then 7·25/85 = 2.06 < 3: stratum 2 fixed at 3;
    // stratum 1 gets the remaining 4
    assertThat(Allocation.proportional(10, new long[] {60, 25, 15}, 3)).containsExactly(4, 3, 3);
  }

  @Test
  void minimumsAboveTheSizeAreRefused() {
    assertThatThrownBy(() -> Allocation.proportional(5, new long[] {10, 10, 10}, 2))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("needs 6 items over 3 strata, more than the sample size 5");
  }

  @Test
  void sizeLargerThanTheFrameIsRefused() {
    assertThatThrownBy(() -> Allocation.proportional(31, new long[] {10, 10, 10}, 0))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("larger than the frame (30 issues)");
    assertThatThrownBy(() -> Allocation.equal(31, new long[] {10, 10, 10}, 0))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void equalSplitsEvenlyWithExtrasToLargerPopulations() {
    // 10 / 3 = 3 rem 1; equal populations: the extra goes to the first stratum
    assertThat(Allocation.equal(10, new long[] {100, 100, 100}, 0)).containsExactly(4, 3, 3);
    // 10 / 3 = 3 rem 1: the extra goes to the largest population
    assertThat(Allocation.equal(10, new long[] {100, 300, 200}, 0)).containsExactly(3, 4, 3);
  }

  @Test
  void equalTakesSmallStrataWholeAndSharesTheRest() {
    // share 10: stratum 1 (2 issues) is taken whole, 28 left for two strata: 14 each
    assertThat(Allocation.equal(30, new long[] {2, 50, 100}, 0)).containsExactly(2, 14, 14);
    // 29 left for two strata: 14 each and the extra to the larger population
    assertThat(Allocation.equal(31, new long[] {2, 50, 100}, 0)).containsExactly(2, 14, 15);
  }

  @Test
  void byMarginGivesEachStratumItsOwnCochranSize() {
    assertThat(Allocation.byMargin(new long[] {12_349}, 0.05, 0.95, 0)).containsExactly(373);
    assertThat(Allocation.byMargin(new long[] {1_062, 1_541, 1_416}, 0.05, 0.95, 0))
        .containsExactly(283, 308, 303);
  }

  @Test
  void byMarginRespectsTheMinimumAndThePopulation() {
    // Cochran(5) = 5 (whole), Cochran(12349) = 373 raised to 400
    assertThat(Allocation.byMargin(new long[] {5, 12_349}, 0.05, 0.95, 400))
        .containsExactly(5, 400);
  }

  @Property
  void proportionalAlwaysSumsToTheSizeWithinBounds(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 5000) Integer> pops,
      @ForAll @IntRange(min = 0, max = 20) int min,
      @ForAll @IntRange(min = 1, max = 100_000) int wanted) {
    long[] populations = pops.stream().mapToLong(Integer::longValue).toArray();
    long frame = Arrays.stream(populations).sum();
    long lower = Arrays.stream(populations).map(n -> Math.min(n, min)).sum();
    int total = (int) Math.max(lower, Math.min(frame, wanted));
    if (total == 0) {
      return;
    }
    for (int[] sizes :
        List.of(
            Allocation.proportional(total, populations, min),
            Allocation.equal(total, populations, min))) {
      assertThat(Arrays.stream(sizes).sum()).isEqualTo(total);
      for (int i = 0; i < sizes.length; i++) {
        assertThat(sizes[i]).isBetween((int) Math.min(min, populations[i]), (int) populations[i]);
      }
    }
  }

  @Property
  void proportionalSizesStayWithinOneOfTheQuotaWithoutMinimum(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 5000) Integer> pops,
      @ForAll @IntRange(min = 1, max = 100_000) int wanted) {
    long[] populations = pops.stream().mapToLong(Integer::longValue).toArray();
    long frame = Arrays.stream(populations).sum();
    int total = (int) Math.min(frame, wanted);
    int[] sizes = Allocation.proportional(total, populations, 0);
    for (int i = 0; i < sizes.length; i++) {
      double quota = (double) total * populations[i] / frame;
      assertThat((double) sizes[i]).isBetween(Math.floor(quota) - 1e-9, Math.ceil(quota) + 1e-9);
    }
  }
}
