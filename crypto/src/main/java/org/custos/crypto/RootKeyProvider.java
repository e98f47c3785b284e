package org.custos.crypto;

import java.util.List;

/**
 * The top of the key hierarchy: a versioned key that wraps and unwraps patient keys and service
 * keys and never leaves its provider (a keyring file sealed under a passphrase or key file, or a
 * PKCS#11 token). Implementations: {@code org.custos.crypto.keyring.KeyringFile},
 * {@code org.custos.crypto.pkcs11.Pkcs11RootKeyProvider}.
 *
 * <p>Wrapping is authenticated encryption with {@code context} as associated data: a wrapped key
 * unwraps only with the same context (callers pass e.g. the patient key id), so wrapped keys
 * cannot be swapped between rows. Thread-safe.
 */
public interface RootKeyProvider extends AutoCloseable {

  /** The version new wraps use. */
  KeyVersion current();

  /** Every version that can still unwrap (not retired), oldest first. */
  List<KeyVersion> versions();

  /** Wraps with the current version. */
  WrappedKey wrap(byte[] keyMaterial, byte[] context);

  /**
   * Unwraps with the version named in {@code wrapped}.
   *
   * @throws KeyNotFoundException if that version is unknown or retired
   * @throws IntegrityException if the ciphertext or context does not authenticate
   */
  byte[] unwrap(WrappedKey wrapped, byte[] context);

  /** Creates a new version and makes it current; older versions still unwrap until retired. */
  KeyVersion rotate();

  /**
   * Destroys an old version for good. Callers re-wrap everything first.
   *
   * @throws IllegalArgumentException if {@code version} is the current one
   */
  void retire(KeyVersion version);

  @Override
  void close();
}
