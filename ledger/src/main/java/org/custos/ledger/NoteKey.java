package org.custos.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 verifier key of the C2SP signed-note format: name, key id = the first 4 bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), and the 32-byte public key. Parses and prints the
 * {@code name+hexid+base64(0x01 ‖ key)} form that transparency-log tooling uses. Verification uses
 * the JDK's Ed25519 (RFC 8032). Immutable.
 */
public final class NoteKey {
  static final byte ED25519 = 0x01;
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String name;
  private final byte[] publicKey;

  public NoteKey(String name, byte[] publicKey) {
    requireName(name);
    if (publicKey.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
    this.name = name;
    this.publicKey = publicKey.clone();
  }

  /** Parses {@code name+hexid+base64(0x01 ‖ key)}, checking that the id matches. */
  public static NoteKey parse(String verifierKey) {
    String[] parts = verifierKey.strip().split("\\+");
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is name+hexid+base64key");
    }
    byte[] typed = Base64.getDecoder().decode(parts[2]);
    if (typed.length != 33 || typed[0] != ED25519) {
      throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
    }
    NoteKey key = new NoteKey(parts[0], Arrays.copyOfRange(typed, 1, 33));
    if (!String.format("%08x", key.keyId()).equals(parts[1])) {
      throw new IllegalArgumentException("verifier key id " + parts[1] + " does not match its name and key");
    }
    return key;
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
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(ED25519);
      digest.update(publicKey);
      return ByteBuffer.wrap(digest.digest()).getInt();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }

  public String verifierKey() {
    byte[] typed = new byte[33];
    typed[0] = ED25519;
    System.arraycopy(publicKey, 0, typed, 1, 32);
    return name + "+" + String.format("%08x", keyId()) + "+" + Base64.getEncoder().encodeToString(typed);
  }

  /** Whether {@code signature} is this key's Ed25519 signature of {@code text}. */
  public boolean verifies(byte[] text, NoteSignature signature) {
    if (!signature.keyName().equals(name) || signature.keyId() != keyId() || signature.signature().length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(javaKey());
      verifier.update(text);
      return verifier.verify(signature.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  PublicKey javaKey() throws GeneralSecurityException {
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  @Override
  public String toString() {
    return verifierKey();
  }
}
