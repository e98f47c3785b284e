package org.custos.crypto;

/**
 * One patient's key, unwrapped (DESIGN.md "Keys": destroying its wrapped form crypto-shreds the
 * patient). Seals that patient's index fields and wraps the per-instance data keys of their
 * blobs. Does not print its material. Thread-safe.
 */
public final class PatientKey {
  // IMPLEMENTATION: crypto helper. Holds a Tink Aead (AES256_GCM keyset).

  /** The id recorded in blob headers and index rows (random, no PHI). */
  public String id() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** AEAD-encrypts an index field; {@code associatedData} binds it to its row and column. */
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** @throws IntegrityException when the ciphertext or associated data does not authenticate */
  public byte[] open(byte[] ciphertext, byte[] associatedData) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public String toString() {
    return "PatientKey[" + "redacted" + "]";
  }
}
