package org.custos.crypto;

/** Root of the crypto area's unchecked exceptions. Messages never contain key bytes or PHI. */
public class CryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
