package org.custos.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The few Tink keyset operations the hierarchy needs, in one place: generate, serialize to Tink's
 * binary keyset format (https://developers.google.com/tink/design/keysets), parse with a check
 * that the keyset holds exactly one key of the expected parameters, and get primitives.
 * Registers Tink's AEAD, PRF, signature and streaming AEAD configurations once.
 */
final class TinkKeysets {
  static {
    try {
      AeadConfig.register();
      PrfConfig.register();
      StreamingAeadConfig.register();
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TinkKeysets() {}

  static KeysetHandle generate(Parameters parameters) {
    try {
      return KeysetHandle.generateNew(parameters);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not generate a key", e);
    }
  }

  /** Plaintext keyset bytes; the caller wipes them once wrapped. */
  static byte[] serialize(KeysetHandle handle) {
    try {
      return TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not serialize a keyset", e);
    }
  }

  /**
   * Parses a keyset that came out of an authenticated unwrap and checks its shape; wipes
   * {@code serialized}.
   */
  static KeysetHandle parse(byte[] serialized, Parameters expected, String what) {
    try {
      KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(serialized, InsecureSecretKeyAccess.get());
      requireSingleKey(handle, expected, what);
      return handle;
    } catch (GeneralSecurityException e) {
      throw new IntegrityException(what + ": not a Tink keyset");
    } finally {
      Arrays.fill(serialized, (byte) 0);
    }
  }

  static void requireSingleKey(KeysetHandle handle, Parameters expected, String what) {
    if (handle.size() != 1 || !handle.getPrimary().getKey().getParameters().equals(expected)) {
      throw new IntegrityException(what + ": keyset is not a single key of the expected type");
    }
  }

  static Aead aead(KeysetHandle handle) {
    return primitive(handle, Aead.class);
  }

  static PublicKeySign signer(KeysetHandle handle) {
    return primitive(handle, PublicKeySign.class);
  }

  /** The raw 32-byte public key of a single-key Ed25519 keyset. */
  static byte[] ed25519PublicKey(KeysetHandle handle) {
    try {
      Ed25519PublicKey key = (Ed25519PublicKey) handle.getPublicKeysetHandle().getPrimary().getKey();
      return key.getPublicKeyBytes().toByteArray();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not derive the Ed25519 public key", e);
    }
  }

  static PrfSet prfSet(KeysetHandle handle) {
    return primitive(handle, PrfSet.class);
  }

  private static <P> P primitive(KeysetHandle handle, Class<P> type) {
    try {
      return handle.getPrimitive(RegistryConfiguration.get(), type);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink has no " + type.getSimpleName() + " for this keyset", e);
    }
  }
}
