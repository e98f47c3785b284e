package org.custos.ledger;

import java.security.PublicKey;

/**
 * A cosigner's (witness's) Ed25519 verifier key, C2SP tlog-cosignature v1: key id = the first 4
 * bytes of SHA-256(name ‖ "\n" ‖ 0x04 ‖ public key), printed as {@code name+hexid+base64(0x04 ‖ key)}.
 * A separate type from {@link NoteKey} because its signatures mean something else (a timestamped
 * statement about a checkpoint, see {@link Cosignature}), so one can never stand in for the other.
 * Immutable.
 */
public final class WitnessKey {
  static final byte COSIGNATURE_V1 = 0x04;

  private final String name;
  private final byte[] publicKey;

  public WitnessKey(String name, byte[] publicKey) {
    NoteKey.requireName(name);
    this.name = name;
    this.publicKey = Ed25519Keys.checkedPublicKey(publicKey);
  }

  public static WitnessKey of(String name, PublicKey publicKey) {
    return new WitnessKey(name, Ed25519Keys.raw(publicKey));
  }

  /** Parses {@code name+hexid+base64(0x04 ‖ key)}, checking that the id matches. */
  public static WitnessKey parse(String verifierKey) {
    Ed25519Keys.Parsed parsed = Ed25519Keys.parseVerifierKey(verifierKey, COSIGNATURE_V1, "cosignature/v1 witness");
    return new WitnessKey(parsed.name(), parsed.publicKey());
  }

  public String name() {
    return name;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public int keyId() {
    return Ed25519Keys.keyId(name, COSIGNATURE_V1, publicKey);
  }

  public String verifierKey() {
    return Ed25519Keys.verifierKey(name, COSIGNATURE_V1, publicKey);
  }

  /** Whether a signature line names this key (name and id); says nothing about its validity. */
  public boolean names(NoteSignature signature) {
    return signature.keyName().equals(name) && signature.keyId() == keyId();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WitnessKey other && other.name.equals(name) && java.util.Arrays.equals(other.publicKey, publicKey);
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
