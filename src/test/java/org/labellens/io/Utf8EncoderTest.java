package org.labellens.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder against the JDK: the same bytes as {@code String.getBytes(UTF_8)} and the same
 * unpaired surrogate as {@link IssueValues#unpairedSurrogate}, for texts the parser holds in one
 * piece or in several (surrogate pairs cut between pieces), on both sides of the one-pass size.
 */
class Utf8EncoderTest {
  private static final String[] SAMPLES = {
    "a", "z", " ", "\n", "\0", "é", "ß", "—", "“", "中", "文", "\uffff", "\u0800", "\u07ff", "\u0080"
  };
  private static final String EMOJI = "😀";
  private static final String MATH = "𝔘";

  private static String random(Random r, int length, double surrogates) {
    StringBuilder b = new StringBuilder(length + 1);
    while (b.length() < length) {
      if (r.nextDouble() < surrogates) {
        b.append(r.nextBoolean() ? EMOJI : MATH);
      } else {
        b.append(SAMPLES[r.nextInt(SAMPLES.length)]);
      }
    }
    return b.toString();
  }

  /** A JSON array of the texts; surrogates as escapes when {@code escape}, else as raw UTF-8. */
  private static byte[] json(List<String> texts, boolean escape) {
    StringBuilder b = new StringBuilder("[");
    for (String t : texts) {
      b.append(b.length() > 1 ? "," : "").append('"');
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < t.length()
                && Character.isLowSurrogate(t.charAt(i + 1));
        if (c == '"' || c == '\\' || c < 0x20 || (Character.isSurrogate(c) && (escape || !pair))) {
          String hex = Integer.toHexString(c);
          b.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
        } else if (pair) {
          b.append(c).append(t.charAt(++i));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** What the encoder makes of each text, or "unpaired at N" for a refused one. */
  private static List<Object> encodeAll(List<String> texts, boolean escape) throws Exception {
    List<Object> out = new ArrayList<>();
    Utf8Encoder encoder = new Utf8Encoder();
    try (JsonParser p = JsonIssueReader.FACTORY.createParser(json(texts, escape))) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        byte[] b = encoder.encode(p);
        out.add(
            b == null
                ? "unpaired at " + encoder.unpairedIndex() + " " + (int) encoder.unpairedChar()
                : new String(b, StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }

  private static List<Object> expected(List<String> texts) {
    List<Object> out = new ArrayList<>();
    for (String t : texts) {
      int bad = IssueValues.unpairedSurrogate(t.toCharArray(), 0, t.length());
      out.add(
          bad >= 0
              ? "unpaired at " + bad + " " + (int) t.charAt(bad)
              : new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
    return out;
  }

  private static void check(List<String> texts) throws Exception {
    List<Object> expected = expected(texts);
    assertThat(encodeAll(texts, false)).isEqualTo(expected);
    assertThat(encodeAll(texts, true)).isEqualTo(expected);
  }

  @Test
  void shortTextsGiveTheJdksBytes() throws Exception {
    Random r = new Random(1);
    List<String> texts = new ArrayList<>(List.of("", "plain ascii", EMOJI, EMOJI + EMOJI, "é"));
    for (int i = 0; i < 300; i++) {
      texts.add(random(r, r.nextInt(40), r.nextInt(3) * 0.2));
    }
    check(texts);
  }

  /**
   * Long texts come from the parser in pieces; made only of surrogate pairs, with and without one
   * character before them, one of the two has a pair cut by every piece boundary of even length and
   * the other by every one of odd length.
   */
  @Test
  void longTextsInPiecesWithPairsCutBetweenPiecesGiveTheJdksBytes() throws Exception {
    Random r = new Random(2);
    List<String> texts = new ArrayList<>();
    for (int length :
        new int[] {
          999,
          4_000,
          Utf8Encoder.ONE_PASS_CHARS - 1,
          Utf8Encoder.ONE_PASS_CHARS,
          Utf8Encoder.ONE_PASS_CHARS + 1,
          200_001
        }) {
      String pairs = EMOJI.repeat(length / 2);
      texts.add(pairs);
      texts.add("x" + pairs);
      texts.add(random(r, length, 0.3));
      texts.add("a".repeat(length)); // between them, so the next one starts from a fresh buffer
    }
    check(texts);
  }

  @Test
  void anUnpairedSurrogateIsFoundWhereverItIsAndTheNextTextIsNotAffected() throws Exception {
    Random r = new Random(3);
    List<String> texts = new ArrayList<>();
    for (int length : new int[] {10, 5_000, Utf8Encoder.ONE_PASS_CHARS + 10, 150_000}) {
      String pairs = EMOJI.repeat(length / 2);
      for (String lone : new String[] {"\ud800", "\udc00", "\udbff", "\udfff"}) {
        texts.add(lone + pairs); // first
        texts.add(pairs + lone); // last: a high one is cut off by the end
        texts.add("x" + pairs + lone);
        int at = r.nextInt(length);
        String base = random(r, length, 0.2);
        // not inside a pair: after a complete character
        while (at > 0 && Character.isHighSurrogate(base.charAt(at - 1))) {
          at--;
        }
        texts.add(base.substring(0, at) + lone + base.substring(at));
        texts.add(base); // a good text after a refused one
      }
      // a high surrogate followed by another high one, and by a plain character
      texts.add(pairs + "\ud83d\ud83d" + pairs);
      texts.add("x" + pairs + "\ud83dx" + pairs);
    }
    check(texts);
  }
}
