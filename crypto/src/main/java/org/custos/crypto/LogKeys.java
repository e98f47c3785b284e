package org.custos.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.PublicKeySign;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * The transparency log's keys, unwrapped: the Ed25519 key that signs checkpoints and receipts
 * (Tink, raw output: a plain RFC 8032 signature, so any Ed25519 verifier — the JDK's included —
 * checks it), and an AES256_GCM key that seals the log entries that belong to no patient.
 * Obtained from {@link KeyHierarchy#openLogKeys}; thread-safe; does not print its material.
 */
public final class LogKeys {
  private final PublicKeySign signer;
  private final byte[] publicKey;
  private final Aead entries;

  LogKeys(PublicKeySign signer, byte[] publicKey, Aead entries) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.publicKey = publicKey.clone();
    this.entries = Objects.requireNonNull(entries, "entries");
  }

  /** The 32-byte Ed25519 public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public byte[] sign(byte[] message) {
    try {
      return signer.sign(message);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("the log key could not sign", e);
    }
  }

  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    try {
      return entries.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("the log entry key could not seal", e);
    }
  }

  /** @throws IntegrityException when the ciphertext or associated data does not authenticate */
  public byte[] open(byte[] ciphertext, byte[] associatedData) {
    try {
      return entries.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IntegrityException("a sealed log entry does not authenticate under the log entry key");
    }
  }

  @Override
  public String toString() {
    return "LogKeys[redacted]";
  }
}
