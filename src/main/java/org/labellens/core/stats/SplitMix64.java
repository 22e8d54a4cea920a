package org.labellens.core.stats;

/**
 * The SplitMix64 generator (Steele, Lea &amp; Flood 2014; the constants of Vigna's reference
 * implementation), written out here so that a seed gives the same bootstrap replicates on every JVM
 * and machine: nothing depends on a library's unspecified algorithm.
 *
 * <p>{@link #nextInt(int)} maps the upper 32 bits to [0, bound) by Lemire's multiply-and-shift with
 * rejection, which is exactly uniform.
 */
final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private long state;
  private long spare;
  private boolean hasSpare;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The next 32 random bits, as an unsigned value. */
  long nextBits32() {
    if (hasSpare) {
      hasSpare = false;
      return spare & 0xFFFFFFFFL;
    }
    long bits = nextLong();
    spare = bits;
    hasSpare = true;
    return bits >>> 32;
  }

  /** A uniform int in [0, bound). */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long product = nextBits32() * bound;
    long low = product & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        product = nextBits32() * bound;
        low = product & 0xFFFFFFFFL;
      }
    }
    return (int) (product >>> 32);
  }
}
