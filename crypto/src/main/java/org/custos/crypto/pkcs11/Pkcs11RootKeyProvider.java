package org.custos.crypto.pkcs11;

import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.custos.crypto.CryptoException;
import org.custos.crypto.IntegrityException;
import org.custos.crypto.KeyNotFoundException;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.WrappedKey;

/**
 * A root key that lives in a PKCS#11 token (an HSM, or SoftHSM2 for tests) through the JDK's
 * SunPKCS11 provider. Each root version is an AES-256 secret key generated inside the token as a
 * sensitive, non-extractable token object labelled {@code custos-root-v<N>}; wrapping is
 * AES/GCM/NoPadding (CKM_AES_GCM, NIST SP 800-38D) computed by the token with a random 96-bit IV
 * and a 128-bit tag, the caller's context as associated data. A wrapped key is IV || ciphertext ||
 * tag.
 *
 * <p>Guarantees: key values never leave the token (checked when a version is generated or
 * opened: a key that reports an encoding is refused); {@link #retire} destroys the token object.
 * Not guaranteed: protection against someone holding the PIN and the token; random IVs limit a
 * version to 2^32 wraps (SP 800-38D 8.3), far beyond an archive's use. {@link #close} logs the
 * token out, which PKCS#11 applies to every session of this process. Thread-safe.
 */
public final class Pkcs11RootKeyProvider implements RootKeyProvider {
  static final String KEY_ID = "pkcs11-root";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Pkcs11Token token;
  private final SecureRandom random = new SecureRandom();
  private volatile Map<Integer, SecretKey> keys;

  private Pkcs11RootKeyProvider(Pkcs11Token token, Map<Integer, SecretKey> keys) {
    this.token = token;
    this.keys = Map.copyOf(keys);
  }

  /** Generates root version 1 on a token that holds no Custos root key yet. */
  public static Pkcs11RootKeyProvider create(Pkcs11Config config) {
    Pkcs11Token token = Pkcs11Token.login(config);
    if (!token.rootKeys().isEmpty()) {
      token.logout();
      throw new CryptoException("the token already holds Custos root keys: open it instead");
    }
    return new Pkcs11RootKeyProvider(token, Map.of(1, token.generate(1)));
  }

  /** Opens the root versions already on the token. */
  public static Pkcs11RootKeyProvider open(Pkcs11Config config) {
    Pkcs11Token token = Pkcs11Token.login(config);
    Map<Integer, SecretKey> keys = token.rootKeys();
    if (keys.isEmpty()) {
      token.logout();
      throw new KeyNotFoundException("the token holds no Custos root key (custos-root-v<N>): create one first");
    }
    return new Pkcs11RootKeyProvider(token, keys);
  }

  @Override
  public KeyVersion current() {
    return new KeyVersion(KEY_ID, Collections.max(keys().keySet()));
  }

  @Override
  public List<KeyVersion> versions() {
    return new TreeMap<>(keys()).keySet().stream().map(v -> new KeyVersion(KEY_ID, v)).toList();
  }

  @Override
  public WrappedKey wrap(byte[] keyMaterial, byte[] context) {
    KeyVersion current = current();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key(current).orElseThrow(), iv, context).doFinal(keyMaterial);
      byte[] wrapped = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
      System.arraycopy(ciphertext, 0, wrapped, IV_BYTES, ciphertext.length);
      return new WrappedKey(current, wrapped);
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CryptoException("the PKCS#11 token could not wrap under " + current, e);
    }
  }

  @Override
  public byte[] unwrap(WrappedKey wrapped, byte[] context) {
    KeyVersion version = wrapped.wrappedBy();
    SecretKey key = key(version).orElseThrow(() -> new KeyNotFoundException(
        version + " is not on the token (unknown or retired)"));
    byte[] bytes = wrapped.ciphertext();
    if (bytes.length < IV_BYTES + TAG_BITS / 8) {
      throw new IntegrityException("wrapped key under " + version + " is too short");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, IV_BYTES), context);
      return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw new IntegrityException("wrapped key does not authenticate under " + version + " (wrong context or altered)");
    } catch (GeneralSecurityException | ProviderException e) {
      throw new CryptoException("the PKCS#11 token could not unwrap under " + version, e);
    }
  }

  @Override
  public synchronized KeyVersion rotate() {
    int next = current().version() + 1;
    Map<Integer, SecretKey> updated = new TreeMap<>(keys());
    updated.put(next, token.generate(next));
    keys = Map.copyOf(updated);
    return new KeyVersion(KEY_ID, next);
  }

  @Override
  public synchronized void retire(KeyVersion version) {
    if (version.equals(current())) {
      throw new IllegalArgumentException("cannot retire the current version " + version + ": rotate first");
    }
    if (key(version).isEmpty()) {
      throw new KeyNotFoundException(version + " is not on the token (unknown or retired)");
    }
    token.destroy(version.version());
    Map<Integer, SecretKey> updated = new TreeMap<>(keys());
    updated.remove(version.version());
    keys = Map.copyOf(updated);
  }

  /** Logs the token out; later calls throw {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    if (keys != null) {
      keys = null;
      token.logout();
    }
  }

  @Override
  public String toString() {
    return "Pkcs11RootKeyProvider[" + token + (keys == null ? ", closed" : "") + "]";
  }

  private Cipher cipher(int mode, SecretKey key, byte[] iv, byte[] context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", token.provider());
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(context);
    return cipher;
  }

  private Optional<SecretKey> key(KeyVersion version) {
    Map<Integer, SecretKey> k = keys();
    return KEY_ID.equals(version.keyId()) ? Optional.ofNullable(k.get(version.version())) : Optional.empty();
  }

  private Map<Integer, SecretKey> keys() {
    Map<Integer, SecretKey> k = keys;
    if (k == null) {
      throw new IllegalStateException("PKCS#11 root key provider is closed");
    }
    return k;
  }
}
