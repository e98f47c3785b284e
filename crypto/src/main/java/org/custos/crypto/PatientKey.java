package org.custos.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * One patient's key, unwrapped (DESIGN.md "Keys": destroying its wrapped form crypto-shreds the
 * patient). Seals that patient's index fields and wraps the per-instance data keys of their
 * blobs. Does not print its material. Thread-safe.
 *
 * <p>Guarantees: {@link #seal} is Tink AEAD with AES256_GCM (random 96-bit nonce, 128-bit tag,
 * Tink output prefix), https://developers.google.com/tink/aead, so a sealed field opens only with
 * this key and the same associated data. Does not hide the length of the plaintext. Instances
 * are obtained from {@link KeyHierarchy}; the key material cannot be read back through this
 * class.
 */
public final class PatientKey {
  private final String id;
  private final Aead aead;

  PatientKey(String id, Aead aead) {
    this.id = PatientKeyIds.check(id);
    this.aead = Objects.requireNonNull(aead, "aead");
  }

  /** The id recorded in blob headers and index rows (random, no PHI). */
  public String id() {
    return id;
  }

  /** AEAD-encrypts an index field; {@code associatedData} binds it to its row and column. */
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      return aead.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("patient key " + id + ": sealing failed", e);
    }
  }

  /** @throws IntegrityException when the ciphertext or associated data does not authenticate */
  public byte[] open(byte[] ciphertext, byte[] associatedData) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      return aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("patient key " + id + ": sealed field does not authenticate");
    }
  }

  /** The AEAD that wraps this patient's data keys (BlobCipher). */
  Aead aead() {
    return aead;
  }

  @Override
  public String toString() {
    return "PatientKey[" + "redacted" + "]";
  }
}
