package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labellens.core.BadInputException;

class IssueValuesTest {
  /** What the general parser makes of a timestamp, or null where it refuses it. */
  private static String general(String t) {
    try {
      return OffsetDateTime.parse(t).toInstant().toString();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  void plainUtcTimestampsNormaliseExactlyAsTheGeneralParserDoes() {
    List<String> cases =
        List.of(
            "2024-07-08T02:40:38Z",
            "2024-02-29T23:59:59Z",
            "2023-02-29T10:00:00Z",
            "2024-04-31T10:00:00Z",
            "2024-13-01T10:00:00Z",
            "2024-00-10T10:00:00Z",
            "2024-01-00T10:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T23:60:00Z",
            "2024-01-01T23:59:60Z",
            "0999-01-01T00:00:00Z",
            "1000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "2024-01-01T00:00:00z",
            "2024-01-01 00:00:00Z",
            "2024-1-01T00:00:00Z",
            "+024-01-01T00:00:00Z",
            "2024-01-01T00:00:0xZ",
            "2100-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z");
    for (String t : cases) {
      String fast = IssueValues.plainUtc(t);
      if (fast != null) {
        assertThat(fast).as(t).isEqualTo(general(t));
      }
      String general = general(t);
      if (general == null) {
        assertThat(fast).as(t).isNull();
      }
    }
    // every valid plain UTC time is taken by the fast path, and agrees
    Random rnd = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      String t =
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02dZ",
              1000 + rnd.nextInt(9000),
              rnd.nextInt(14),
              rnd.nextInt(33),
              rnd.nextInt(25),
              rnd.nextInt(61),
              rnd.nextInt(61));
      assertThat(IssueValues.plainUtc(t)).as(t).isEqualTo(general(t));
    }
  }

  @Test
  void normaliseTimestampStillConvertsOffsetsAndRefusesNonsense() {
    assertThat(IssueValues.normaliseTimestamp("2024-07-08T04:40:38+02:00", "f:1", "created_at"))
        .isEqualTo("2024-07-08T02:40:38Z");
    assertThat(IssueValues.normaliseTimestamp(" 2024-07-08T02:40:38Z ", "f:1", "created_at"))
        .isEqualTo("2024-07-08T02:40:38Z");
    assertThatThrownBy(
            () -> IssueValues.normaliseTimestamp("2023-02-29T10:00:00Z", "f:1", "created_at"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("f:1: field 'created_at'");
  }

  @Test
  void unpairedSurrogateIsFoundInsideTheGivenRangeOnly() {
    char[] chars = "ab\uD83D\uDE00c\uD800d\uDC00".toCharArray();
    assertThat(IssueValues.unpairedSurrogate(chars, 0, chars.length)).isEqualTo(5);
    assertThat(IssueValues.unpairedSurrogate(chars, 0, 5)).isEqualTo(-1);
    assertThat(IssueValues.unpairedSurrogate(chars, 6, chars.length)).isEqualTo(1);
    // a high surrogate cut off by the end of the range has no other half
    assertThat(IssueValues.unpairedSurrogate(chars, 0, 3)).isEqualTo(2);
    // a low surrogate on its own
    assertThat(IssueValues.unpairedSurrogate(chars, 3, 4)).isEqualTo(0);
  }
}
