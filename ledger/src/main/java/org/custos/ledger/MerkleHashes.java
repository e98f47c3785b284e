package org.custos.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 2.1.1: SHA-256 with domain separation, leaf hash = SHA-256(0x00 ‖ leaf), node hash =
 * SHA-256(0x01 ‖ left ‖ right), and the root of the empty tree = SHA-256 of nothing.
 */
public final class MerkleHashes {
  public static final int SIZE = 32;

  private MerkleHashes() {}

  public static byte[] leaf(byte[] entry) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x00);
    digest.update(entry);
    return digest.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest digest = sha256();
    digest.update((byte) 0x01);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  public static byte[] empty() {
    return sha256().digest();
  }

  /** The largest power of two smaller than {@code n} (RFC 9162 2.1.1's k), for n ≥ 2. */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }
}
