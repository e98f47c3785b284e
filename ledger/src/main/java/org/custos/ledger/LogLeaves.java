package org.custos.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How a log entry becomes a Merkle leaf (docs/formats/log-entry.md): the entry hash is
 * SHA-256(salt ‖ canonical entry), with a fresh 32-byte salt per entry, and that hash is the RFC 9162
 * leaf, so the public leaf hash is SHA-256(0x00 ‖ entry hash). The public sees leaf hashes only;
 * without the salt an entry cannot be confirmed by guessing it, and the entry hash (which only the
 * holders of the entry know) can serve as a capability for asking what became of it.
 */
public final class LogLeaves {
  public static final int SALT_SIZE = 32;

  private LogLeaves() {}

  public static byte[] entryHash(byte[] salt, byte[] canonicalEntry) {
    if (salt.length != SALT_SIZE) {
      throw new IllegalArgumentException("a log entry salt is " + SALT_SIZE + " bytes, was " + salt.length);
    }
    MessageDigest digest = sha256();
    digest.update(salt);
    digest.update(canonicalEntry);
    return digest.digest();
  }

  public static byte[] leafHash(byte[] entryHash) {
    if (entryHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("an entry hash is 32 bytes, was " + entryHash.length);
    }
    return MerkleHashes.leaf(entryHash);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }
}
