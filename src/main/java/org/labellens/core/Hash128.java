package org.labellens.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast, non-cryptographic 128-bit hash over a sequence of fields, for change detection (is this
 * the same content as before?), not for security: nobody gains by forging a collision there.
 *
 * <p>The input is a stream of 64-bit words mixed two at a time with the block and finalisation
 * steps of MurmurHash3 x64-128 (seed 0). A byte field (text as UTF-8, what content hashes use now)
 * contributes a word holding its length in bytes, then its bytes eight to a word, little-endian; a
 * string contributes its length, then its UTF-16 code units four to a word (the earlier content
 * hashes); a null field is the single word {@code -1}; a number is the word {@code -2} and the
 * number. Because every field starts with its length and a field's last word is padded with zeros,
 * two different field sequences of one layout never produce the same word stream, so only a genuine
 * 128-bit collision can make them hash alike. The result depends on nothing but the input (no
 * per-process seed), so it is stable across runs, JVMs and machines.
 *
 * <p>Not thread-safe; one instance hashes one sequence at a time ({@link #reset} starts again).
 */
public final class Hash128 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  /**
   * Eight bytes of an array as one little-endian word: one access instead of eight loads and
   * shifts, and much the quicker under the quick JIT compiler.
   */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long h1;
  private long h2;
  private long words;
  private long pending;
  private boolean hasPending;
  private char[] buffer;

  /** Starts a new sequence. */
  public Hash128 reset() {
    h1 = 0;
    h2 = 0;
    words = 0;
    pending = 0;
    hasPending = false;
    return this;
  }

  /** Adds a field: a string (its length, then its code units) or null. */
  public Hash128 add(String s) {
    if (s == null) {
      word(-1L);
      return this;
    }
    int n = s.length();
    word(n);
    if (buffer == null) {
      buffer = new char[CHUNK];
    }
    // in chunks (a multiple of four units), so a huge string needs no copy of its own size
    for (int from = 0; from < n; from += CHUNK) {
      int to = Math.min(n, from + CHUNK);
      s.getChars(from, to, buffer, 0);
      addUnits(buffer, to - from);
    }
    return this;
  }

  private static final int CHUNK = 8192;

  private void addUnits(char[] b, int n) {
    int i = 0;
    int whole = n & ~3;
    if (hasPending && i < whole) {
      // keep the pairing of words: finish the pending block with the first word
      word(pack(b, i));
      i += 4;
    }
    if (i + 8 <= whole) {
      // the main loop, by hand: locals and no calls (the quick JIT compiler inlines little)
      long a1 = h1;
      long a2 = h2;
      int blocks = 0;
      for (; i + 8 <= whole; i += 8) {
        long k1 = b[i] | (long) b[i + 1] << 16 | (long) b[i + 2] << 32 | (long) b[i + 3] << 48;
        long k2 = b[i + 4] | (long) b[i + 5] << 16 | (long) b[i + 6] << 32 | (long) b[i + 7] << 48;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        a1 ^= k1;
        a1 = Long.rotateLeft(a1, 27);
        a1 += a2;
        a1 = a1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        a2 ^= k2;
        a2 = Long.rotateLeft(a2, 31);
        a2 += a1;
        a2 = a2 * 5 + 0x38495ab5;
        blocks++;
      }
      h1 = a1;
      h2 = a2;
      words += 2L * blocks;
    }
    for (; i < whole; i += 4) {
      word(pack(b, i));
    }
    if (i < n) {
      long k = 0;
      for (int shift = 0; i < n; i++, shift += 16) {
        k |= (long) b[i] << shift;
      }
      word(k);
    }
  }

  /**
   * Adds a field given as bytes (or null): its length in bytes, then the bytes eight to a word,
   * little-endian, the last word padded with zero bytes.
   */
  public Hash128 add(byte[] b) {
    if (b == null) {
      word(-1L);
      return this;
    }
    int n = b.length;
    word(n);
    int i = 0;
    int whole = n & ~7;
    if (hasPending && i < whole) {
      // keep the pairing of words: finish the pending block with the first word
      word(pack(b, i));
      i += 8;
    }
    if (i + 16 <= whole) {
      // the main loop, by hand (see addUnits)
      long a1 = h1;
      long a2 = h2;
      int blocks = 0;
      for (; i + 16 <= whole; i += 16) {
        long k1 = (long) LONGS.get(b, i);
        long k2 = (long) LONGS.get(b, i + 8);
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        a1 ^= k1;
        a1 = Long.rotateLeft(a1, 27);
        a1 += a2;
        a1 = a1 * 5 + 0x52dce729;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        a2 ^= k2;
        a2 = Long.rotateLeft(a2, 31);
        a2 += a1;
        a2 = a2 * 5 + 0x38495ab5;
        blocks++;
      }
      h1 = a1;
      h2 = a2;
      words += 2L * blocks;
    }
    for (; i < whole; i += 8) {
      word(pack(b, i));
    }
    if (i < n) {
      long k = 0;
      for (int shift = 0; i < n; i++, shift += 8) {
        k |= (b[i] & 0xffL) << shift;
      }
      word(k);
    }
    return this;
  }

  /** Adds a field that is a whole number (its own word, after a marker word). */
  public Hash128 add(long value) {
    word(-2L);
    word(value);
    return this;
  }

  /** The hash of the sequence so far, as 32 lower-case hex digits. */
  public String hex() {
    long a = h1;
    long b = h2;
    if (hasPending) {
      long k1 = pending;
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      a ^= k1;
    }
    a ^= words;
    b ^= words;
    a += b;
    b += a;
    a = fmix(a);
    b = fmix(b);
    a += b;
    b += a;
    return hex16(a) + hex16(b);
  }

  private static long pack(char[] b, int i) {
    return b[i] | (long) b[i + 1] << 16 | (long) b[i + 2] << 32 | (long) b[i + 3] << 48;
  }

  private static long pack(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  private void word(long k) {
    words++;
    if (hasPending) {
      hasPending = false;
      block(pending, k);
    } else {
      pending = k;
      hasPending = true;
    }
  }

  private void block(long k1, long k2) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27);
    h1 += h2;
    h1 = h1 * 5 + 0x52dce729;
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31);
    h2 += h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static String hex16(long v) {
    String s = Long.toHexString(v);
    return "0".repeat(16 - s.length()) + s;
  }
}
