package org.labellens.io;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes the parser's current string value to UTF-8 straight from the parser's own characters, in
 * one pass that also finds a surrogate that is not half of a pair (which no UTF-8 text can hold).
 * No string is made: {@link JsonParser#getText(Writer)} hands over the parser's buffer, in the
 * pieces it holds a long value in, without joining them.
 *
 * <p>A text of up to {@value #ONE_PASS_CHARS} characters is encoded into a buffer kept for the next
 * one and copied out at its exact size; a longer text is measured in a first pass, so that its
 * bytes are allocated once, at their exact size, and nothing else of its size is held.
 *
 * <p>The bytes are those of {@code String.getBytes(UTF_8)} of the same characters, for every text
 * without an unpaired surrogate. Not thread-safe: one per reader.
 */
final class Utf8Encoder extends Writer {
  static final int ONE_PASS_CHARS = 1 << 16;
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] EMPTY = new byte[0];

  private byte[] buffer = new byte[1024];
  private byte[] out;
  private int size;
  private boolean measuring;
  private long measured;

  /** Characters in the pieces before the current one. */
  private int seen;

  /** A high surrogate that ended the previous piece (its other half may start this one), or 0. */
  private char high;

  /** The index of the first unpaired surrogate, or -1. */
  private int unpaired;

  private char unpairedChar;

  /**
   * The current string value's UTF-8 bytes, or null when it holds an unpaired surrogate ({@link
   * #unpairedIndex()} says where). The returned array is the caller's.
   */
  byte[] encode(JsonParser p) throws IOException {
    int n = p.getTextLength();
    if (n == 0) {
      return EMPTY;
    }
    if (n <= ONE_PASS_CHARS) {
      if (buffer.length < 3 * n) {
        buffer = new byte[Math.min(3 * ONE_PASS_CHARS, Math.max(3 * n, 2 * buffer.length))];
      }
      if (!pass(p, buffer, false)) {
        return null;
      }
      return Arrays.copyOf(buffer, size);
    }
    measured = 0;
    if (!pass(p, null, true)) {
      return null;
    }
    if (measured > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a text of " + measured + " UTF-8 bytes");
    }
    byte[] exact = new byte[(int) measured];
    pass(p, exact, false);
    out = null;
    return exact;
  }

  /** Where the last {@link #encode} that returned null found an unpaired surrogate. */
  int unpairedIndex() {
    return unpaired;
  }

  /** The unpaired surrogate itself. */
  char unpairedChar() {
    return unpairedChar;
  }

  private boolean pass(JsonParser p, byte[] into, boolean measure) throws IOException {
    out = into;
    measuring = measure;
    size = 0;
    seen = 0;
    high = 0;
    unpaired = -1;
    p.getText(this);
    if (high != 0 && unpaired < 0) {
      found(seen - 1, high);
    }
    return unpaired < 0;
  }

  private void found(int index, char c) {
    unpaired = index;
    unpairedChar = c;
  }

  @Override
  public void write(char[] c, int off, int len) {
    if (len <= 0 || unpaired >= 0) {
      return;
    }
    int i = off;
    int end = off + len;
    if (high != 0) {
      if (!Character.isLowSurrogate(c[i])) {
        found(seen - 1, high);
        return;
      }
      if (measuring) {
        measured += 4;
      } else {
        size = four(out, size, Character.toCodePoint(high, c[i]));
      }
      high = 0;
      i++;
    }
    if (measuring) {
      measure(c, off, i, end);
    } else {
      encode(c, off, i, end);
    }
    seen += len;
  }

  private void encode(char[] c, int off, int i, int end) {
    byte[] o = out;
    int j = size;
    while (i < end) {
      // a run of ASCII four characters at a time, stored as one int: under the quick JIT compiler
      // about a third quicker than a character at a time
      while (i + 4 <= end) {
        char c0 = c[i];
        char c1 = c[i + 1];
        char c2 = c[i + 2];
        char c3 = c[i + 3];
        if (((c0 | c1 | c2 | c3) & 0xff80) != 0) {
          break;
        }
        INTS.set(o, j, c0 | c1 << 8 | c2 << 16 | c3 << 24);
        i += 4;
        j += 4;
      }
      if (i == end) {
        break;
      }
      char ch = c[i];
      if (ch < 0x80) {
        o[j++] = (byte) ch;
        i++;
      } else if (ch < 0x800) {
        o[j++] = (byte) (0xc0 | ch >> 6);
        o[j++] = (byte) (0x80 | ch & 0x3f);
        i++;
      } else if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
        o[j++] = (byte) (0xe0 | ch >> 12);
        o[j++] = (byte) (0x80 | ch >> 6 & 0x3f);
        o[j++] = (byte) (0x80 | ch & 0x3f);
        i++;
      } else if (ch > Character.MAX_HIGH_SURROGATE) {
        found(seen + i - off, ch);
        break;
      } else if (i + 1 == end) {
        high = ch; // the other half may start the next piece
        i++;
      } else if (Character.isLowSurrogate(c[i + 1])) {
        j = four(o, j, Character.toCodePoint(ch, c[i + 1]));
        i += 2;
      } else {
        found(seen + i - off, ch);
        break;
      }
    }
    size = j;
  }

  private void measure(char[] c, int off, int i, int end) {
    long m = measured;
    while (i < end) {
      char ch = c[i];
      if (ch < 0x80) {
        m++;
        i++;
      } else if (ch < 0x800) {
        m += 2;
        i++;
      } else if (ch < Character.MIN_SURROGATE || ch > Character.MAX_SURROGATE) {
        m += 3;
        i++;
      } else if (ch > Character.MAX_HIGH_SURROGATE) {
        found(seen + i - off, ch);
        break;
      } else if (i + 1 == end) {
        high = ch;
        i++;
      } else if (Character.isLowSurrogate(c[i + 1])) {
        m += 4;
        i += 2;
      } else {
        found(seen + i - off, ch);
        break;
      }
    }
    measured = m;
  }

  private static int four(byte[] o, int j, int cp) {
    o[j++] = (byte) (0xf0 | cp >> 18);
    o[j++] = (byte) (0x80 | cp >> 12 & 0x3f);
    o[j++] = (byte) (0x80 | cp >> 6 & 0x3f);
    o[j++] = (byte) (0x80 | cp & 0x3f);
    return j;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
