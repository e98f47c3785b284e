package org.custos.crypto.keyring;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.custos.crypto.CryptoException;

/**
 * The keyring's key-encryption key: 32 bytes from Argon2id over the passphrase (RFC 9106, through
 * BouncyCastle; the passphrase is encoded as UTF-8) or from a key file, used as a Tink AES-256-GCM
 * key (https://developers.google.com/tink/aead) that seals each root version's keyset with
 * Tink's encrypted keyset format. The associated data names the keyring, the version and its
 * creation time, so a sealed keyset cannot be moved to another slot or keyring. Thread-safe.
 */
final class Kek {
  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final int KEY_BYTES = 32;
  private final Aead aead;

  private Kek(Aead aead) {
    this.aead = aead;
  }

  static Kek fromPassphrase(char[] passphrase, byte[] salt, Argon2idParameters cost) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] key = new byte[KEY_BYTES];
    try {
      generator.generateBytes(passphrase, key);
      return fromKeyBytes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Uses a copy of {@code key}; the caller wipes its array. */
  static Kek fromKeyBytes(byte[] key) {
    try {
      AesGcmParameters parameters = AesGcmParameters.builder()
          .setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12).setTagSizeBytes(16)
          .setVariant(AesGcmParameters.Variant.NO_PREFIX)
          .build();
      AesGcmKey aesGcmKey = AesGcmKey.builder()
          .setParameters(parameters)
          .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
          .build();
      KeysetHandle handle = KeysetHandle.newBuilder()
          .addEntry(KeysetHandle.importKey(aesGcmKey).withRandomId().makePrimary())
          .build();
      return new Kek(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not build the keyring's key-encryption key", e);
    }
  }

  static KeysetHandle newRootKeyset() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not generate a root key", e);
    }
  }

  byte[] seal(KeysetHandle rootKeyset, String keyringId, int version, String created) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(rootKeyset, aead, associatedData(keyringId, version, created));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("Tink could not seal root version " + version, e);
    }
  }

  /** @throws GeneralSecurityException when the KEK is wrong or the sealed keyset was altered */
  Aead unseal(byte[] sealed, String keyringId, int version, String created) throws GeneralSecurityException {
    KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(sealed, aead, associatedData(keyringId, version, created));
    if (handle.size() != 1 || !handle.getPrimary().getKey().getParameters().equals(PredefinedAeadParameters.AES256_GCM)) {
      throw new GeneralSecurityException("root keyset is not a single AES256_GCM key");
    }
    return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private static byte[] associatedData(String keyringId, int version, String created) {
    return (KeyringDocument.FORMAT + "\0" + keyringId + "\0v" + version + "\0" + created).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Kek[redacted]";
  }
}
