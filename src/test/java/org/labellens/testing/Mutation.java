package org.labellens.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One damaging edit of a file's bytes, at a relative position (0..1) so that it applies to a file
 * of any length: a flipped bit, an overwritten byte, a cut, a deleted or repeated span, or an
 * inserted fragment chosen to upset readers (quotes, brackets, NUL, invalid or overlong UTF-8, lone
 * surrogate escapes, byte-order marks, huge numbers, line breaks).
 */
public record Mutation(Kind kind, double at, double to, int value, byte[] fragment) {
  public enum Kind {
    FLIP_BIT,
    SET_BYTE,
    TRUNCATE,
    DELETE_SPAN,
    REPEAT_SPAN,
    INSERT
  }

  /** Fragments that have broken parsers somewhere. */
  public static final List<byte[]> FRAGMENTS =
      List.of(
          bytes("\""),
          bytes("\"\""),
          bytes("'"),
          bytes("["),
          bytes("]"),
          bytes("{"),
          bytes("}"),
          bytes(","),
          bytes(":"),
          bytes(";"),
          bytes("\\"),
          bytes("\\u0000"),
          bytes("\\ud800"),
          bytes("\\udc00\\ud800"),
          bytes("\\uD83D\\uDE80"),
          bytes("null"),
          bytes("true"),
          bytes("-1"),
          bytes("0"),
          bytes("1e999"),
          bytes("2147483648"),
          bytes("9".repeat(1200)),
          bytes("\n"),
          bytes("\r"),
          bytes("\r\n"),
          bytes("\t"),
          bytes("\uFEFF"),
          bytes("🚀"),
          bytes("עברית"),
          bytes("<script>alert(1)</script>"),
          bytes("{\"number\": 1, \"title\": \"x\", \"repo\": \"a/b\"}"),
          bytes("{\"pull_request\": {}}"),
          bytes("\"labels\": [{\"nom\": 1}]"),
          bytes("[".repeat(300)),
          bytes("repo,number,label\n"),
          bytes("repo,number,title,body\n"),
          new byte[] {0},
          new byte[] {0, 0, 0},
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xC3},
          new byte[] {(byte) 0xC0, (byte) 0x80},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {(byte) 0xFE, (byte) 0xFF});

  public static Arbitrary<Mutation> any() {
    Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
    Arbitrary<Double> positions = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 255);
    Arbitrary<byte[]> fragments = Arbitraries.of(FRAGMENTS);
    return Combinators.combine(kinds, positions, positions, values, fragments).as(Mutation::new);
  }

  /** Between {@code min} and {@code max} mutations, applied in order. */
  public static Arbitrary<List<Mutation>> some(int min, int max) {
    return any().list().ofMinSize(min).ofMaxSize(max);
  }

  public static byte[] applyAll(byte[] input, List<Mutation> mutations) {
    byte[] out = input;
    for (Mutation m : mutations) {
      out = m.apply(out);
    }
    return out;
  }

  public byte[] apply(byte[] in) {
    int n = in.length;
    int i = n == 0 ? 0 : Math.min(n - 1, (int) (at * n));
    int j = n == 0 ? 0 : Math.min(n, (int) (to * n));
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    switch (kind) {
      case FLIP_BIT -> {
        if (n == 0) {
          return in;
        }
        byte[] out = in.clone();
        out[i] ^= (byte) (1 << (value % 8));
        return out;
      }
      case SET_BYTE -> {
        if (n == 0) {
          return in;
        }
        byte[] out = in.clone();
        out[i] = (byte) value;
        return out;
      }
      case TRUNCATE -> {
        byte[] out = new byte[i];
        System.arraycopy(in, 0, out, 0, i);
        return out;
      }
      case DELETE_SPAN -> {
        int len = Math.min(hi - lo, 64);
        byte[] out = new byte[n - len];
        System.arraycopy(in, 0, out, 0, lo);
        System.arraycopy(in, lo + len, out, lo, n - lo - len);
        return out;
      }
      case REPEAT_SPAN -> {
        int len = Math.min(hi - lo, 256);
        byte[] out = new byte[n + len];
        System.arraycopy(in, 0, out, 0, hi);
        System.arraycopy(in, lo, out, hi, len);
        System.arraycopy(in, hi, out, hi + len, n - hi);
        return out;
      }
      case INSERT -> {
        byte[] out = new byte[n + fragment.length];
        System.arraycopy(in, 0, out, 0, i);
        System.arraycopy(fragment, 0, out, i, fragment.length);
        System.arraycopy(in, i, out, i + fragment.length, n - i);
        return out;
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  @Override
  public String toString() {
    return kind
        + "@"
        + String.format("%.3f", at)
        + (kind == Kind.DELETE_SPAN || kind == Kind.REPEAT_SPAN
            ? "-" + String.format("%.3f", to)
            : "")
        + (kind == Kind.INSERT ? " " + printable(fragment) : "")
        + (kind == Kind.SET_BYTE || kind == Kind.FLIP_BIT ? " " + value : "");
  }

  private static String printable(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1);
    return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
