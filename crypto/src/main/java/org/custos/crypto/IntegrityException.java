package org.custos.crypto;

/**
 * Authenticated decryption failed: the ciphertext, its header or its associated data (archive,
 * SOP Instance UID, version) is not what was sealed. The message says which object and which
 * part (header, segment, wrapped key) but never why in cryptographic detail.
 */
public class IntegrityException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String message) {
    super(message);
  }

  public IntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
