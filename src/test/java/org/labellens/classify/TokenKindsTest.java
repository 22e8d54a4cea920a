package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labellens.core.model.TokenKind;

class TokenKindsTest {
  private static final int URL = 1 << TokenKind.URL.ordinal();
  private static final int PATH = 1 << TokenKind.PATH.ordinal();
  private static final int MODULE = 1 << TokenKind.MODULE.ordinal();
  private static final int FILE = 1 << TokenKind.FILE.ordinal();

  @Test
  void tokenKindsAreRecognised() {
    assertThat(TokenKinds.classify("https://a.b", 0, 11) & URL).isEqualTo(URL);
    assertThat(TokenKinds.classify("www.example.org", 0, 15) & URL).isEqualTo(URL);
    assertThat(TokenKinds.classify("a/b", 0, 3)).isZero();
    assertThat(TokenKinds.classify("a/b/c", 0, 5)).isEqualTo(PATH);
    assertThat(TokenKinds.classify("C:\\x\\y", 0, 6)).isEqualTo(PATH);
    assertThat(TokenKinds.classify("tokens/s", 0, 8)).isZero();
    assertThat(TokenKinds.classify("2.3.1", 0, 5)).isZero();
    assertThat(TokenKinds.classify("torch.cuda.OutOfMemoryError:", 0, 28)).isEqualTo(MODULE);
    assertThat(TokenKinds.classify("quantize.cpp", 0, 12)).isEqualTo(FILE);
    assertThat(TokenKinds.classify("Model.GGUF.", 0, 11)).isEqualTo(FILE);
    assertThat(TokenKinds.classify("e.g.", 0, 4)).isZero();
  }

  @Test
  void theTokenRunsToTheNearestDelimiterAroundTheOccurrence() {
    TokenKinds kinds = new TokenKinds();
    String text = "see (http://host/cuda/x) and cuda.";
    int cuda = text.indexOf("cuda");
    assertThat(kinds.of(text, 0, text.length(), cuda, cuda + 4, null, null)).isEqualTo(URL | PATH);
    int second = text.lastIndexOf("cuda");
    assertThat(kinds.of(text, 0, text.length(), second, second + 4, null, null)).isZero();
  }

  @Test
  void readsTheScanBufferWhenTheTextIsTheOneLoaded() {
    TokenKinds kinds = new TokenKinds();
    String text = "load ggml-model.gguf now";
    char[] buffer = text.toCharArray();
    int at = text.indexOf("model");
    assertThat(kinds.of(text, 0, text.length(), at, at + 5, text, buffer)).isEqualTo(FILE);
  }

  @Test
  void aTokenKeptFromAnEarlierTextIsNotReusedAfterAReset() {
    TokenKinds kinds = new TokenKinds();
    StringBuilder text = new StringBuilder("x a/b/cuda/y");
    assertThat(kinds.of(text, 0, text.length(), 6, 10, null, null)).isEqualTo(PATH);
    // the same object with other characters: only a reset makes the change visible
    text.setCharAt(3, ' ');
    text.setCharAt(5, ' ');
    text.setCharAt(10, ' ');
    kinds.reset();
    assertThat(kinds.of(text, 0, text.length(), 6, 10, null, null)).isZero();
  }

  @Test
  void theTokenIsFollowedNoFurtherThanTheReach() {
    TokenKinds kinds = new TokenKinds();
    String prefix = "http://" + "a".repeat(TokenKinds.TOKEN_REACH + 10);
    String text = prefix + "cuda";
    int at = prefix.length();
    // the scheme lies beyond the reach: the token seen is not a URL
    assertThat(kinds.of(text, 0, text.length(), at, at + 4, null, null) & URL).isZero();
  }
}
