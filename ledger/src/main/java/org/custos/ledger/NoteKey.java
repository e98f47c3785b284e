package org.custos.ledger;

import java.security.PublicKey;

/**
 * An Ed25519 verifier key of the C2SP signed-note format: name, key id = the first 4 bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), and the 32-byte public key. Parses and prints the
 * {@code name+hexid+base64(0x01 ‖ key)} form that transparency-log tooling uses. Verification uses
 * the JDK's Ed25519 (RFC 8032). Witness keys (type 0x04) are {@link WitnessKey}s. Immutable.
 */
public final class NoteKey {
  static final byte ED25519 = 0x01;

  private final String name;
  private final byte[] publicKey;

  public NoteKey(String name, byte[] publicKey) {
    requireName(name);
    this.name = name;
    this.publicKey = Ed25519Keys.checkedPublicKey(publicKey);
  }

  /** The verifier key of a JDK Ed25519 public key. */
  public static NoteKey of(String name, PublicKey publicKey) {
    return new NoteKey(name, Ed25519Keys.raw(publicKey));
  }

  /** Parses {@code name+hexid+base64(0x01 ‖ key)}, checking that the id matches. */
  public static NoteKey parse(String verifierKey) {
    Ed25519Keys.Parsed parsed = Ed25519Keys.parseVerifierKey(verifierKey, ED25519, "Ed25519 note");
    return new NoteKey(parsed.name(), parsed.publicKey());
  }

  static void requireName(String name) {
    if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("a key name is non-empty, without spaces, newlines or '+'");
    }
  }

  public String name() {
    return name;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public int keyId() {
    return Ed25519Keys.keyId(name, ED25519, publicKey);
  }

  public String verifierKey() {
    return Ed25519Keys.verifierKey(name, ED25519, publicKey);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code text}. */
  public boolean verifies(byte[] text, NoteSignature signature) {
    return signature.keyName().equals(name) && signature.keyId() == keyId()
        && Ed25519Keys.verify(publicKey, text, signature.signature());
  }

  /**
   * Whether {@code signature} is this key's plain Ed25519 signature of {@code message}, for
   * documents the log key signs outside notes (receipts), each with its own domain-separating prefix.
   */
  public boolean verifiesMessage(byte[] message, byte[] signature) {
    return Ed25519Keys.verify(publicKey, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteKey other && other.name.equals(name) && java.util.Arrays.equals(other.publicKey, publicKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + java.util.Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}
