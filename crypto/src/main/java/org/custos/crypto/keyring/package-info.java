/**
 * {@link org.custos.crypto.keyring.KeyringFile}: the root key provider kept in a JSON file, its
 * root versions sealed under a key-encryption key from a passphrase (Argon2id, BouncyCastle) or a
 * key file of mode 0600. Holds the file codec, the KEK and atomic file writing.
 *
 * <p>Nothing here decides policy (when to rotate, what to re-wrap): callers drive that through
 * {@link org.custos.crypto.RootKeyProvider}. No key material, passphrase or key-file content
 * reaches a message, a log or {@code toString()}.
 */
package org.custos.crypto.keyring;
