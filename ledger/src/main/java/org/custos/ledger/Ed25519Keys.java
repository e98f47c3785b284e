package org.custos.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The JDK's Ed25519 (RFC 8032) in raw 32-byte form, and the C2SP signed-note verifier key
 * encoding shared by {@link NoteKey} and {@link WitnessKey}. Checked exceptions stop here:
 * a failed verification is {@code false}, a platform without Ed25519 an {@link IllegalStateException}.
 */
final class Ed25519Keys {
  static final int PUBLIC_KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private Ed25519Keys() {}

  /** What a {@code name+hexid+base64(type ‖ key)} string holds, once its id has been checked. */
  record Parsed(String name, byte[] publicKey) {}

  static Parsed parseVerifierKey(String verifierKey, byte type, String typeName) {
    // Split at the first two only: the base64 key itself may contain '+'.
    String[] parts = verifierKey.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a verifier key is name+hexid+base64key");
    }
    byte[] typed;
    try {
      typed = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key part of a verifier key is not base64", e);
    }
    if (typed.length != 1 + PUBLIC_KEY_SIZE || typed[0] != type) {
      throw new IllegalArgumentException("expected a " + typeName + " verifier key (type 0x0" + type + ", 32 bytes), got "
          + (typed.length == 0 ? "nothing" : String.format("type 0x%02x, %d bytes", typed[0], typed.length - 1)));
    }
    NoteKey.requireName(parts[0]);
    byte[] key = Arrays.copyOfRange(typed, 1, typed.length);
    if (!hexId(keyId(parts[0], type, key)).equals(parts[1])) {
      throw new IllegalArgumentException("verifier key id " + parts[1] + " does not match its name and key");
    }
    return new Parsed(parts[0], key);
  }

  static String verifierKey(String name, byte type, byte[] publicKey) {
    byte[] typed = new byte[1 + PUBLIC_KEY_SIZE];
    typed[0] = type;
    System.arraycopy(publicKey, 0, typed, 1, PUBLIC_KEY_SIZE);
    return name + "+" + hexId(keyId(name, type, publicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
  }

  /** A copy of a raw Ed25519 public key, which must have 32 bytes. */
  static byte[] checkedPublicKey(byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
    }
    return publicKey.clone();
  }

  /** C2SP signed-note: the first 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key). */
  static int keyId(String name, byte type, byte[] publicKey) {
    MessageDigest digest = sha256();
    digest.update(name.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
    digest.update(type);
    digest.update(publicKey);
    return ByteBuffer.wrap(digest.digest()).getInt();
  }

  static String hexId(int keyId) {
    return String.format("%08x", keyId);
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key", e);
    }
  }

  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(javaPublicKey(publicKey));
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static PublicKey javaPublicKey(byte[] publicKey) throws GeneralSecurityException {
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_SIZE);
    System.arraycopy(publicKey, 0, encoded, X509_PREFIX.length, PUBLIC_KEY_SIZE);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
  }

  static byte[] raw(PublicKey key) {
    byte[] encoded = key.getEncoded();
    return Arrays.copyOfRange(encoded, encoded.length - PUBLIC_KEY_SIZE, encoded.length);
  }

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java platform lacks Ed25519", e);
    }
  }

  static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
    }
  }

  /**
   * The public key of an Ed25519 private key. The JDK has no public call for this, but its key
   * pair generator takes the 32-byte RFC 8032 seed from the random source it is given, so feeding it
   * the seed recomputes the pair; a signature check then proves the result belongs to the key.
   */
  static byte[] publicKeyOf(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
      throw new IllegalArgumentException("not an Ed25519 private key with its seed");
    }
    byte[] seed = edKey.getBytes().get();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      byte[] publicKey = raw(generator.generateKeyPair().getPublic());
      byte[] probe = "custos public key derivation".getBytes(StandardCharsets.UTF_8);
      if (!verify(publicKey, probe, sign(key, probe))) {
        throw new IllegalStateException("could not derive the Ed25519 public key on this Java platform");
      }
      return publicKey;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java platform lacks Ed25519", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the Java platform lacks SHA-256", e);
    }
  }

  /** Hands out one fixed seed; only for {@link #publicKeyOf}. */
  private static final class SeedRandom extends SecureRandom {
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}
