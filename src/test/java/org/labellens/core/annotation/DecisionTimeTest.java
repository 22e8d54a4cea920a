package org.labellens.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decision times: the stored form read by its digits gives what the general parser gives. */
class DecisionTimeTest {
  @Test
  void theStoredFormReadsAsTheGeneralParserReadsIt() {
    Random rnd = new Random(11);
    long earliest = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              earliest + (long) (rnd.nextDouble() * (latest - earliest)),
              rnd.nextInt(1_000_000) * 1_000L);
      String text = DecisionTime.format(t);
      assertThat(DecisionTime.parseStored(text)).as(text).isNotNull();
      assertThat(DecisionTime.parse(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant())
          .isEqualTo(t);
    }
    for (String text :
        List.of(
            "1970-01-01T00:00:00.000000Z",
            "2024-02-29T23:59:59.999999Z",
            "2000-02-29T12:00:00.000001Z",
            "9999-12-31T23:59:59.999999Z")) {
      assertThat(DecisionTime.parseStored(text))
          .as(text)
          .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @Test
  void anyOtherTextTakesTheGeneralParserWithItsMessages() {
    for (String text :
        List.of(
            "2025-03-02T10:15:00Z",
            "2025-03-02T10:15:00.123456+00:00",
            "2025-03-02T10:15:00.12345Z",
            "2025-13-02T10:15:00.123456Z",
            "2023-02-29T10:15:00.123456Z",
            "2025-03-02T24:15:00.123456Z",
            "2025-03-02T10:60:00.123456Z",
            "2025-03-02T10:15:60.123456Z",
            "2025-03-02T-1:15:00.123456Z",
            "1969-12-31T23:59:59.999999Z",
            "2025-03-02 10:15:00.123456Z",
            "2025-03-02T10:15:00.12345xZ")) {
      assertThat(DecisionTime.parseStored(text)).as(text).isNull();
    }
    assertThat(DecisionTime.parse("2025-03-02T10:15:00.123456+01:00"))
        .isEqualTo(Instant.parse("2025-03-02T09:15:00.123456Z"));
    assertThatThrownBy(() -> DecisionTime.parse("2023-02-29T10:15:00.123456Z"))
        .hasMessageContaining("is not an ISO-8601 time");
    assertThatThrownBy(() -> DecisionTime.parse("1969-12-31T23:59:59.999999Z"))
        .hasMessageContaining("outside the years 1970 to 9999");
  }
}
