package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's str.lower() returns. */
class LowerCaseTest {

  @Test
  void asciiIsLowerCasedAndPlainTextIsReturnedAsIs() {
    String plain = "already lower 123";

    assertThat(LowerCase.of("OOM in API")).isEqualTo("oom in api");
    assertThat(LowerCase.of(plain)).isSameAs(plain);
  }

  @Test
  void dottedCapitalIBecomesTwoCharacters() {
    assertThat(LowerCase.of("AP\u0130_KEY")).isEqualTo("api\u0307_key");
  }

  @Test
  void kelvinSignBecomesAsciiK() {
    assertThat(LowerCase.of("\u212aB")).isEqualTo("kb");
  }

  @Test
  void capitalSigmaIsFinalAtTheEndOfAWord() {
    assertThat(LowerCase.of("\u039f\u0394\u039f\u03a3")).isEqualTo("\u03bf\u03b4\u03bf\u03c2");
    assertThat(LowerCase.of("\u03a3\u039f")).isEqualTo("\u03c3\u03bf");
    assertThat(LowerCase.of("\u03a3")).isEqualTo("\u03c3");
    // case-ignorable characters are skipped on both sides
    assertThat(LowerCase.of("A'\u03a3'")).isEqualTo("a'\u03c2'");
    assertThat(LowerCase.of("A\u03a3'B")).isEqualTo("a\u03c3'b");
  }

  @Test
  void unicode14MappingsMissingFromJava17AreApplied() {
    // U+2C2F GLAGOLITIC CAPITAL LETTER CAUDATE CHRIVI, U+10570 VITHKUQI CAPITAL LETTER A
    assertThat(LowerCase.of("\u2c2f")).isEqualTo("\u2c5f");
    assertThat(LowerCase.of("\ud801\udd70")).isEqualTo("\ud801\udd97");
  }

  @Test
  void packedFormReportsWhatWasConsumedAndProduced() {
    long packed = LowerCase.at("x\u0130", 0, 2, 1);

    assertThat(LowerCase.count(packed)).isEqualTo(2);
    assertThat(LowerCase.consumed(packed)).isEqualTo(1);
    assertThat(LowerCase.first(packed)).isEqualTo('i');
    assertThat(LowerCase.second(packed)).isEqualTo('\u0307');
  }
}
