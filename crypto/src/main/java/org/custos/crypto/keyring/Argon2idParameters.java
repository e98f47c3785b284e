package org.custos.crypto.keyring;

/**
 * Cost of deriving the keyring's key-encryption key from a passphrase with Argon2id (RFC 9106).
 * Stored in the keyring file beside a random 16-byte salt, so a keyring opens with the cost it
 * was created with. Ranges: RFC 9106 section 3.1 (memory at least 8 KiB per lane), capped so that
 * a hostile file cannot ask for more than 4 GiB or very long runs.
 */
record Argon2idParameters(int memoryKib, int iterations, int parallelism) {
  /**
   * m = 64 MiB, t = 3, p = 1: RFC 9106 section 4's second recommended option (64 MiB, t = 3)
   * with one lane, as BouncyCastle computes lanes one after the other anyway.
   */
  static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);
  static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 64;

  Argon2idParameters {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("Argon2id parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
    }
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2id memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB, was " + memoryKib);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id iterations must be 1.." + MAX_ITERATIONS + ", was " + iterations);
    }
  }
}
