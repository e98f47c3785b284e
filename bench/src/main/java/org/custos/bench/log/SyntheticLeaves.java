package org.custos.bench.log;

import java.util.SplittableRandom;

/**
 * Leaf hashes for benchmarks: 32 pseudo-random bytes, so the index on leaf hashes sees the random
 * inserts that real SHA-256 leaves cause. {@link #at} is a pure function of the leaf index (SplitMix64
 * over a counter), so a proof of any leaf can be checked without keeping 10 million hashes;
 * {@link #next} is a cheap stream for throughput runs.
 */
final class SyntheticLeaves {
  private final SplittableRandom random;

  SyntheticLeaves(long seed) {
    this.random = new SplittableRandom(seed);
  }

  byte[] next() {
    byte[] hash = new byte[32];
    for (int k = 0; k < 4; k++) {
      putLong(hash, k * 8, random.nextLong());
    }
    return hash;
  }

  /** The leaf hash of leaf {@code index} of the synthetic log. */
  static byte[] at(long index) {
    byte[] hash = new byte[32];
    for (int k = 0; k < 4; k++) {
      putLong(hash, k * 8, mix((index * 4 + k + 1) * 0x9E3779B97F4A7C15L));
    }
    return hash;
  }

  // SplitMix64's finaliser (Steele, Lea, Flood 2014).
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void putLong(byte[] out, int offset, long value) {
    for (int i = 0; i < 8; i++) {
      out[offset + i] = (byte) (value >>> (56 - 8 * i));
    }
  }
}
