package org.custos.ledger;

import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * An Ed25519 signing key with its name, for a log (signed-note key type 0x01) or a witness
 * (cosignature/v1, type 0x04): generated here or loaded from PKCS#8, and printed as its verifier
 * key only. The private key leaves only through {@link #privateKeyPkcs8()}, for storing it.
 * Immutable and thread-safe.
 */
public final class NoteKeyPair {
  private final String name;
  private final byte type;
  private final byte[] publicKey;
  private final byte[] pkcs8;

  private NoteKeyPair(String name, byte type, byte[] publicKey, byte[] pkcs8) {
    NoteKey.requireName(name);
    this.name = name;
    this.type = type;
    this.publicKey = publicKey;
    this.pkcs8 = pkcs8;
  }

  /** A fresh log key: it signs checkpoints ({@link #sign}) and receipts. */
  public static NoteKeyPair generateLogKey(String name) {
    return generate(name, NoteKey.ED25519);
  }

  /** A fresh witness key: it cosigns checkpoints ({@link #cosign}). */
  public static NoteKeyPair generateWitnessKey(String name) {
    return generate(name, WitnessKey.COSIGNATURE_V1);
  }

  /** A stored log key (PKCS#8 Ed25519). */
  public static NoteKeyPair logKey(String name, byte[] pkcs8) {
    return load(name, NoteKey.ED25519, pkcs8);
  }

  /** A stored witness key (PKCS#8 Ed25519). */
  public static NoteKeyPair witnessKey(String name, byte[] pkcs8) {
    return load(name, WitnessKey.COSIGNATURE_V1, pkcs8);
  }

  private static NoteKeyPair generate(String name, byte type) {
    KeyPair pair = Ed25519Keys.generate();
    return new NoteKeyPair(name, type, Ed25519Keys.raw(pair.getPublic()), pair.getPrivate().getEncoded());
  }

  private static NoteKeyPair load(String name, byte type, byte[] pkcs8) {
    PrivateKey key = Ed25519Keys.privateKey(pkcs8);
    return new NoteKeyPair(name, type, Ed25519Keys.publicKeyOf(key), pkcs8.clone());
  }

  public String name() {
    return name;
  }

  /** {@code name+hexid+base64(type ‖ public key)}. */
  public String verifierKey() {
    return Ed25519Keys.verifierKey(name, type, publicKey);
  }

  public boolean isWitnessKey() {
    return type == WitnessKey.COSIGNATURE_V1;
  }

  /** The verifier key of a log key. */
  public NoteKey noteKey() {
    requireType(NoteKey.ED25519, "a log key");
    return new NoteKey(name, publicKey);
  }

  /** The verifier key of a witness key. */
  public WitnessKey witnessKey() {
    requireType(WitnessKey.COSIGNATURE_V1, "a witness key");
    return new WitnessKey(name, publicKey);
  }

  public byte[] privateKeyPkcs8() {
    return pkcs8.clone();
  }

  public PrivateKey privateKey() {
    return Ed25519Keys.privateKey(pkcs8);
  }

  /** A log key's signature line for a note's text (a checkpoint). */
  public NoteSignature sign(String noteText) {
    requireType(NoteKey.ED25519, "a log key");
    byte[] signature = Ed25519Keys.sign(privateKey(), noteText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new NoteSignature(name, Ed25519Keys.keyId(name, type, publicKey), signature);
  }

  /** A log key's plain Ed25519 signature of a message that carries its own domain separation. */
  public byte[] signMessage(byte[] message) {
    requireType(NoteKey.ED25519, "a log key");
    return Ed25519Keys.sign(privateKey(), message);
  }

  /** A witness key's cosignature line for a checkpoint's note text at {@code timestamp}. */
  public NoteSignature cosign(String checkpointText, long timestamp) {
    requireType(WitnessKey.COSIGNATURE_V1, "a witness key");
    return Cosignature.sign(privateKey(), name, timestamp, checkpointText);
  }

  private void requireType(byte expected, String what) {
    if (type != expected) {
      throw new IllegalStateException("this operation needs " + what + ", and " + name + " is not one");
    }
  }

  @Override
  public String toString() {
    return "NoteKeyPair[" + verifierKey() + "]";
  }
}
